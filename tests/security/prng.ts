// A tiny seeded PRNG (mulberry32) and pickers for the fuzzers: a fixed seed makes every run
// produce the same cases, so a failure names a reproducible case index.
export interface Prng {
  /** [0, 1) */
  next(): number;
  int(maxExclusive: number): number;
  pick<T>(items: readonly T[]): T;
  chance(p: number): boolean;
  /** Random characters from `alphabet` (default: printable ASCII plus some hostile extras). */
  string(maxLength: number, alphabet?: string): string;
}

const DEFAULT_ALPHABET =
  ' !"#$%&\'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`abcdefghijklmnopqrstuvwxyz{|}~' +
  '\u0000\u0007\n\r\t\u00e9\u202e\ufeff\ud83d\ude00%';

export function mulberry32(seed: number): Prng {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (max: number) => Math.floor(next() * max);
  return {
    next,
    int,
    pick: <T>(items: readonly T[]): T => {
      const item = items[int(items.length)];
      if (item === undefined) throw new Error('pick from an empty list');
      return item;
    },
    chance: (p) => next() < p,
    string: (maxLength, alphabet = DEFAULT_ALPHABET) => {
      const length = int(maxLength + 1);
      let out = '';
      for (let i = 0; i < length; i += 1) out += alphabet.charAt(int(alphabet.length));
      return out;
    },
  };
}

/** A random JSON-able value of bounded depth. */
export function randomJson(rng: Prng, depth = 3): unknown {
  const kind = rng.int(depth > 0 ? 8 : 6);
  switch (kind) {
    case 0:
      return null;
    case 1:
      return rng.chance(0.5);
    case 2:
      return rng.pick([0, -1, 1, 1e308, -1e-308, 2 ** 53, 3.14, -0]);
    case 3:
      return rng.string(20);
    case 4:
      return rng.string(3, '0123456789');
    case 5:
      return rng.pick(['', 'null', 'true', '[]', '{}', '__proto__', 'constructor']);
    case 6:
      return Array.from({ length: rng.int(4) }, () => randomJson(rng, depth - 1));
    default: {
      const out: Record<string, unknown> = {};
      for (let i = rng.int(4); i > 0; i -= 1) {
        out[rng.pick(['id', 'label', 'token', 'x', '__proto__', 'constructor', rng.string(8)])] =
          randomJson(rng, depth - 1);
      }
      return out;
    }
  }
}
