// `tokenvault list` with a session, when the session kept the table it printed last time
// (list.command.ts, vault-session.ts caches): the bin (bin.ts) runs this before it loads the
// program, because loading the program's modules (Node's ESM loader, ~25 chunks) costs more
// than everything else this path does. It is the same code as the program's (the vault
// reader, the session, the cache), bundled on its own (out/cli/kept-list.cjs). It checks what
// the program checks: the session opens, the vault file's MAC verifies under the key, and
// the kept table was drawn from this very file by this very build. Anything else (another
// command or option, no session, an ended one, a changed file, a team, nothing kept) returns
// false without a word and without removing anything, and the program runs as usual and
// says what there is to say.
import { homedir } from 'node:os';
import { hasTeamFiles } from '../core/team/team-local';
import { VaultFileReader } from '../core/vault/vault-reader';
import { openSession, readSessionCache, SESSION_VARIABLE } from '../core/vault/vault-session';
import { BUILD_ID, KEPT_LIST } from './build-id';
import { resolveVaultDir } from './cli-paths';

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

/** Prints the kept table and returns true, or returns false having printed nothing. */
export function printKeptList(
  argv: readonly string[],
  env: NodeJS.ProcessEnv,
  print: (bytes: Uint8Array) => void,
): boolean {
  const plain = plainList(argv);
  const token = env[SESSION_VARIABLE];
  if (!plain || !token || plain.vault === '') return false;
  let kept: Buffer | undefined;
  try {
    kept = keptTable(plain.vault, token, env);
  } catch {
    return false;
  }
  if (!kept) return false;
  // Outside the try: a table half printed is never printed again by the program.
  print(kept);
  return true;
}

function keptTable(
  vault: string | undefined,
  token: string,
  env: NodeJS.ProcessEnv,
): Buffer | undefined {
  const dir = resolveVaultDir(vault, {
    platform: process.platform,
    env,
    homedir: homedir(),
    cwd: process.cwd(),
  });
  // Shared entries change without the vault file changing: a team's vault is not kept.
  if (hasTeamFiles(dir)) return undefined;
  const reader = VaultFileReader.inFolder(dir, { extent: 'listing' });
  if (!reader) return undefined;
  try {
    reader.unlockWithSession((wrapped) =>
      openSession(dir, token, wrapped, Date.now(), { removeEnded: false }),
    );
    const stamp = reader.cacheStamp();
    try {
      return stamp && readSessionCache(dir, token, KEPT_LIST, { ...stamp, program: BUILD_ID });
    } finally {
      stamp?.key.fill(0);
    }
  } finally {
    reader.lock();
  }
}
