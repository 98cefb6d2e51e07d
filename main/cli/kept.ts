// What a session kept (vault-session.ts caches), printed by the bin (bin.ts) before it loads
// the program, because loading the program's modules (Node's ESM loader, ~25 chunks) costs
// more than everything else these paths do:
// - `tokenvault list`: the table `list` printed last time (list.command.ts);
// - `tokenvault __complete`: the labels completion offered last time (completion.command.ts),
//   and any completion that needs no label at all.
// It is the same code as the program's (the vault reader, the session, the cache, the
// completion rules), bundled on its own (out/cli/kept.cjs). It checks what the program
// checks: the session opens, the vault file's MAC verifies under the key, and what was kept
// was drawn from this very file by this very build. Anything else (another command or
// option, no session, an ended one, a changed file, a team for `list`, nothing kept) returns
// false without a word and without removing anything, and the program runs as usual and
// says what there is to say.
import { hasTeamFiles } from '../core/team/team-local';
import { VaultFileReader } from '../core/vault/vault-reader';
import {
  hasSessionCache,
  openSession,
  readSessionCache,
  SESSION_VARIABLE,
} from '../core/vault/vault-session';
import { KEPT_LABELS, KEPT_LIST, keptBinding, labelsOf } from './kept-values';
import { processVaultDir } from './cli-paths';
import { complete, completionText, vaultOption } from './completion';

type Print = (bytes: Uint8Array) => void;

/** `list`, `list --vault DIR` or `list --vault=DIR`: the folder flag, or null for anything else. */
function plainList(argv: readonly string[]): { vault?: string } | null {
  if (argv[0] !== 'list') return null;
  if (argv.length === 1) return {};
  if (argv.length === 2 && argv[1]?.startsWith('--vault=')) {
    return { vault: argv[1].slice('--vault='.length) };
  }
  if (argv.length === 3 && argv[1] === '--vault' && argv[2] && !argv[2].startsWith('-')) {
    return { vault: argv[2] };
  }
  return null;
}

/** Prints `list`'s kept table and returns true, or returns false having printed nothing. */
export function printKeptList(
  argv: readonly string[],
  env: NodeJS.ProcessEnv,
  print: Print,
): boolean {
  const plain = plainList(argv);
  const token = env[SESSION_VARIABLE];
  if (!plain || !token || plain.vault === '') return false;
  const dir = processVaultDir(plain.vault, env);
  // Shared entries change without the vault file changing: a team's vault is not kept.
  const kept = safely(() => (hasTeamFiles(dir) ? undefined : keptValue(dir, token, KEPT_LIST)));
  if (!kept) return false;
  // Outside the try: a table half printed is never printed again by the program.
  print(kept);
  return true;
}

/**
 * Answers `__complete -- <words>` as the program does (completion.command.ts) when no label
 * is wanted, or when the session kept the labels; else returns false having printed nothing.
 */
export function printKeptCompletion(
  argv: readonly string[],
  env: NodeJS.ProcessEnv,
  print: Print,
): boolean {
  if (argv[0] !== '__complete' || argv[1] !== '--') return false;
  const words = argv.slice(2);
  let wantsLabels = false;
  const first = safely(() =>
    complete(words, () => {
      wantsLabels = true;
      return [];
    }),
  );
  if (!first) return false;
  if (!wantsLabels) {
    print(Buffer.from(completionText(first), 'utf8'));
    return true;
  }
  const token = env[SESSION_VARIABLE];
  if (!token) return false;
  const labels = safely(() => {
    const kept = keptValue(processVaultDir(vaultOption(words), env), token, KEPT_LABELS);
    return kept && labelsOf(kept);
  });
  if (!labels) return false;
  print(Buffer.from(completionText(complete(words, () => labels)), 'utf8'));
  return true;
}

/** `read()`, or undefined when it throws: this path never reports, the program does. */
function safely<T>(read: () => T | undefined): T | undefined {
  try {
    return read();
  } catch {
    return undefined;
  }
}

/** What the session kept as `name` for the vault file in `dir` as it is now, if anything. */
function keptValue(dir: string, token: string, name: string): Buffer | undefined {
  // Nothing kept (the first time in a session): not even the vault file is read, so the
  // program that draws it reads it only once.
  if (!hasSessionCache(dir, token, name)) return undefined;
  const reader = VaultFileReader.inFolder(dir, { extent: 'listing' });
  if (!reader) return undefined;
  try {
    reader.unlockWithSession((wrapped) =>
      openSession(dir, token, wrapped, Date.now(), { removeEnded: false }),
    );
    const stamp = reader.cacheStamp();
    try {
      return stamp && readSessionCache(dir, token, name, keptBinding(stamp));
    } finally {
      stamp?.key.fill(0);
    }
  } finally {
    reader.lock();
  }
}
