// Shell completion, decided here rather than in three shell dialects: the scripts pass the
// words typed so far (the last one is being completed) to `tokenvault __complete`, which
// answers a directive line (`:words`, `:files` or `:commands`) and then the candidates.
import {
  COMMANDS,
  GLOBAL_COMPLETES,
  GLOBAL_OPTIONS,
  type CommandSpec,
  type CompletionSource,
} from './cli-commands';

export type Completion =
  { kind: 'words'; words: string[] } | { kind: 'files' } | { kind: 'commands' };

const shown = () => COMMANDS.filter((c) => !c.hidden);

/** What the user typed, as the shell will compare it: quotes and backslash escapes removed. */
export function typedWord(raw: string): string {
  const unquoted = /^['"]/.test(raw) ? raw.slice(1).replace(/['"]$/, '') : raw;
  return unquoted.replace(/\\(.)/g, '$1');
}

function matching(candidates: readonly string[], prefix: string): Completion {
  const exact = candidates.filter((c) => c.startsWith(prefix));
  const words =
    exact.length > 0
      ? exact
      : candidates.filter((c) => c.toLowerCase().startsWith(prefix.toLowerCase()));
  return { kind: 'words', words: [...new Set(words)].sort() };
}

function fromSource(source: CompletionSource, prefix: string, labels: () => string[]) {
  if (source === 'file') return { kind: 'files' } as const;
  return matching(source === 'label' ? labels() : source, prefix);
}

function findSpec(words: readonly string[]): { spec: CommandSpec; used: number } | undefined {
  for (const spec of shown()) {
    const names = spec.name.split(' ');
    if (names.every((n, i) => words[i] === n)) return { spec, used: names.length };
  }
  return undefined;
}

/** The option an argument names (`--format`, `-h`), or undefined when it is not one. */
function optionOf(spec: CommandSpec, word: string): string | undefined {
  const options = { ...GLOBAL_OPTIONS, ...spec.options };
  if (word.startsWith('--')) return word.slice(2) in options ? word.slice(2) : undefined;
  if (/^-[a-zA-Z]$/.test(word)) {
    return Object.keys(options).find((k) => options[k]?.short === word.slice(1));
  }
  return undefined;
}

export function complete(words: readonly string[], labels: () => string[]): Completion {
  const current = typedWord(words.at(-1) ?? '');
  const before = words.slice(0, -1);
  const found = findSpec(before);
  if (!found) {
    if (before.length === 0) {
      return matching([...shown().map((c) => c.name.split(' ')[0] ?? ''), '--help'], current);
    }
    const family = shown().filter((c) => c.name.split(' ')[0] === before[0]);
    if (before.length === 1 && family.length > 0) {
      return matching(
        family.map((c) => c.name.split(' ')[1] ?? ''),
        current,
      );
    }
    return { kind: 'words', words: [] };
  }
  const { spec, used } = found;
  const args = before.slice(used);
  const dashes = args.indexOf('--');
  if (spec.passthrough && dashes >= 0) {
    return dashes === args.length - 1 ? { kind: 'commands' } : { kind: 'files' };
  }
  const options = { ...GLOBAL_OPTIONS, ...spec.options };
  const previous = args.at(-1);
  const takesValue = previous !== undefined ? optionOf(spec, previous) : undefined;
  if (takesValue && options[takesValue]?.type === 'string') {
    const source = spec.completes?.values?.[takesValue] ?? GLOBAL_COMPLETES[takesValue];
    return source ? fromSource(source, current, labels) : { kind: 'words', words: [] };
  }
  if (current.startsWith('-')) {
    return matching(
      Object.keys(options).map((o) => `--${o}`),
      current,
    );
  }
  // Positionals so far: the arguments that are neither options nor an option's value.
  let positionals = 0;
  for (let i = 0; i < args.length; i++) {
    const option = optionOf(spec, args[i] ?? '');
    if (option === undefined) positionals++;
    else if (options[option]?.type === 'string') i++;
  }
  const source = spec.completes?.positional;
  if (!source || positionals >= spec.positionals[1]) return { kind: 'words', words: [] };
  return fromSource(source, current, labels);
}

/** The `__complete` answer: a directive line, then one candidate per line. */
export function completionText(result: Completion): string {
  if (result.kind !== 'words') return `:${result.kind}\n`;
  return [':words', ...result.words.filter((w) => !w.includes('\n'))].join('\n') + '\n';
}

/** `--vault DIR` among the typed words, so labels come from the vault being used. */
export function vaultOption(words: readonly string[]): string | undefined {
  const at = words.indexOf('--vault');
  return at >= 0 && at < words.length - 2 ? words[at + 1] : undefined;
}
