// Fuzzing every channel's payload (issue 7 item 6): with a fixed seed, 300 hostile or mutated
// payloads per channel. Each one either reaches the handler as a schema-valid value or is
// refused with 'invalid-input'; nothing throws, and no other outcome exists.
import { describe, expect, it } from 'vitest';
import type { Channel } from '../../../../preload/api';
import { registerHandlers } from '../../../../main/core/ipc/dispatch';
import { allChannels, schemas } from '../../../../main/core/ipc/schemas';
import { FakeIpcMain, isTrusted, recordingHandlers, validPayloads } from './ipc-fixtures';

const CASES_PER_CHANNEL = 300;

/** mulberry32: small, fast, deterministic. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const nasty: unknown[] = [
  undefined,
  null,
  true,
  0,
  -1,
  1.5,
  Number.NaN,
  Number.POSITIVE_INFINITY,
  2 ** 60,
  '',
  ' ',
  'a'.repeat(10_000),
  '\u0000',
  '../../etc/passwd',
  '<script>alert(1)</script>',
  'javascript:alert(1)',
  '__proto__',
  [],
  [1, 'two', null],
  {},
  { __proto__: { polluted: true } },
  JSON.parse('{"__proto__":{"polluted":true}}'),
  { constructor: { prototype: { polluted: true } } },
];

function randomValue(rand: () => number, depth = 0): unknown {
  const pick = rand();
  if (pick < 0.45 || depth > 2) return nasty[Math.floor(rand() * nasty.length)];
  if (pick < 0.6) return Math.floor(rand() * 1e9) - 5e8;
  if (pick < 0.75)
    return String.fromCharCode(
      ...Array.from({ length: 1 + Math.floor(rand() * 20) }, () => Math.floor(rand() * 0x2fff)),
    );
  if (pick < 0.87)
    return Array.from({ length: Math.floor(rand() * 4) }, () => randomValue(rand, depth + 1));
  const obj: Record<string, unknown> = {};
  for (let i = 0; i < Math.floor(rand() * 4); i++) obj[`k${i}`] = randomValue(rand, depth + 1);
  return obj;
}

/** Half the cases start from a valid payload and change one field, to reach deeper checks. */
function mutate(valid: unknown, rand: () => number): unknown {
  if (valid === undefined || valid === null || typeof valid !== 'object') return randomValue(rand);
  const copy: Record<string, unknown> = { ...(valid as Record<string, unknown>) };
  const keys = Object.keys(copy);
  const action = rand();
  if (action < 0.6 && keys.length > 0) {
    copy[keys[Math.floor(rand() * keys.length)] as string] = randomValue(rand);
  } else if (action < 0.8 && keys.length > 0) {
    const drop = keys[Math.floor(rand() * keys.length)];
    return Object.fromEntries(Object.entries(copy).filter(([k]) => k !== drop));
  } else {
    copy[`extra${Math.floor(rand() * 100)}`] = randomValue(rand);
  }
  return copy;
}

describe('IPC payload fuzz (fixed seed)', () => {
  it.each(allChannels)(
    '%s: every payload is either valid or invalid-input',
    async (channel: Channel) => {
      const rand = prng(0x70ca1 + allChannels.indexOf(channel));
      const ipc = new FakeIpcMain();
      const calls: Array<{ channel: Channel; req: unknown }> = [];
      registerHandlers(ipc, recordingHandlers(calls), { isTrustedSender: isTrusted });
      let accepted = 0;
      for (let i = 0; i < CASES_PER_CHANNEL; i++) {
        const payload = i % 2 === 0 ? randomValue(rand) : mutate(validPayloads[channel], rand);
        const before = calls.length;
        const res = (await ipc.invoke(channel, payload)) as {
          ok: boolean;
          error?: { code: string };
        };
        if (res.ok) {
          accepted++;
          // What the handler received passes the schema again: nothing unvalidated got through.
          const received = calls[before]?.req;
          expect(schemas[channel].safeParse(received).success).toBe(true);
        } else {
          expect(res.error?.code).toBe('invalid-input');
          expect(calls.length).toBe(before);
        }
      }
      expect(accepted).toBeLessThan(CASES_PER_CHANNEL);
      expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    },
  );
});
