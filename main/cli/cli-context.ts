// What a command gets: its parsed options, the vault folder, and lazy access to the core.
// Passwords and secrets come from the environment, standard input or a hidden prompt,
// never from argv (argv is visible to every user of the machine through `ps`).
import type { CliCore } from './cli-core';
import type { CliReadCore } from './cli-read-core';
import { CliError, EXIT, UsageError } from './cli-errors';
import type { CliIo } from './cli-io';
import type { TeamService } from '../core/team/team.service';
import type { ReadExtent } from '../core/vault/vault-reader';
import { keptBinding } from './kept-values';
import { resolveVaultDir } from './cli-paths';

export type OptionValue = string | boolean | (string | boolean)[] | undefined;

export interface CommandContext {
  readonly io: CliIo;
  readonly positionals: string[];
  /** The command after `--` (`exec` only; empty for other commands). */
  readonly passthrough: string[];
  /** The code the process ends with when the command returns (`exec`: its child's). */
  exitCode: number;
  readonly vaultDir: string;
  /** A string option, or undefined. */
  str(name: string): string | undefined;
  /** A string option that must be there (usage error otherwise). */
  required(name: string): string;
  flag(name: string): boolean;
  list(name: string): string[];
  /**
   * The core over the vault folder, loaded on first use; the vault stays locked.
   * `create` (init only) lets the test-only KDF setting apply to the new vault.
   */
  core(options?: { create?: boolean }): Promise<CliCore>;
  /**
   * The core with the vault unlocked: by the session in TOKENVAULT_SESSION when there is a
   * usable one (`tokenvault unlock`), else by the master password. `passwordOnly` skips the
   * session (`unlock` itself: a session never makes another one).
   */
  unlocked(options?: { passwordOnly?: boolean }): Promise<CliCore>;
  /**
   * The fast read-only core (cli-read-core.ts) for commands that only read; the vault stays
   * locked. Falls back to the full core for a file it cannot read at once.
   */
  reader(options?: { willUnlock?: boolean; extent?: ReadExtent }): Promise<CliReadCore>;
  /**
   * The team service over the unlocked full core (personal entries can move in and out);
   * not synced yet. `team init` and `team join` use it before there is a team.
   */
  teamService(options?: { sync?: boolean }): Promise<TeamService>;
  /**
   * The read-only core with the vault unlocked (session or master password, as above).
   * `extent: 'listing'` for a command that reads only the listing (vault-reader.ts).
   */
  unlockedReader(options?: { extent?: ReadExtent }): Promise<CliReadCore>;
  /**
   * Where a command keeps what it drew from the vault (its output) for the rest of the session
   * (vault-session.ts), bound to this build: only when `reader` was unlocked by a session and
   * reads the file with its file MAC verified.
   */
  sessionCache(reader: CliReadCore): Promise<SessionCache | undefined>;
  /** The master password (TOKENVAULT_PASSWORD, --password-stdin, or a hidden prompt). */
  password(purpose: 'unlock' | 'create'): Promise<string>;
  /** One secret line from standard input (hidden prompt at a terminal). */
  readSecret(what: string): Promise<string>;
}

export type CommandRun = (ctx: CommandContext) => Promise<void>;

/** A session's cache, bound to one vault file and one build (CommandContext.sessionCache). */
export interface SessionCache {
  /** What was kept as `name`, if it was drawn from this file by this build. */
  read(name: string): Buffer | undefined;
  /**
   * Keeps `bytes` as `name` (best effort: not kept if it cannot be written), if the vault is
   * still read from the same file by the same reader.
   */
  write(name: string, bytes: Uint8Array): Promise<void>;
}

/** What can be unlocked by a session or by the master password. */
export interface Unlockable {
  unlock(password: string): Promise<void>;
  unlockWithSession(open: (wrappedDek: string) => Uint8Array): void | Promise<void>;
}

export function createContext(
  io: CliIo,
  values: Record<string, OptionValue>,
  positionals: string[],
  passthrough: string[] = [],
): CommandContext {
  const vaultDir = resolveVaultDir(
    typeof values['vault'] === 'string' ? values['vault'] : undefined,
    io,
  );
  const passwordStdin = values['password-stdin'] === true;
  let corePromise: Promise<CliCore> | undefined;
  let readerPromise: Promise<CliReadCore> | undefined;

  const str = (name: string): string | undefined => {
    const v = values[name];
    return typeof v === 'string' ? v : undefined;
  };

  const readLineOrFail = async (what: string): Promise<string> => {
    const line = await io.readLine();
    if (line === undefined || line.trim() === '') {
      throw new UsageError(`Expected the ${what} on standard input.`);
    }
    return line.trim();
  };

  const askPassword = async (purpose: 'unlock' | 'create'): Promise<string> => {
    const fromEnv = io.env['TOKENVAULT_PASSWORD'];
    if (fromEnv) return fromEnv;
    // The password line is taken as typed: leading or trailing spaces may be part of it.
    if (passwordStdin) {
      const line = await io.readLine();
      if (line === undefined || line === '') {
        throw new UsageError('Expected the master password on the first line of standard input.');
      }
      return line;
    }
    if (!io.stdinIsTTY) {
      throw new UsageError(
        'No master password: set TOKENVAULT_PASSWORD, use --password-stdin, or run at a terminal.',
      );
    }
    const first = await io.promptHidden('Master password: ');
    if (purpose === 'create') {
      const again = await io.promptHidden('Repeat the master password: ');
      if (again !== first) throw new UsageError('The two passwords differ.');
    }
    return first;
  };

  let unlockPassword: Promise<string> | undefined;
  const sessionToken = io.env['TOKENVAULT_SESSION'] || undefined;
  let sessionRefused = false;
  /** The vault (fast reader or full core) was opened with the session. */
  let openedBySession = false;

  /**
   * Unlocks `vault` with the session when there is one, else (or when it has ended, which is
   * said first) with the master password. Without any way to ask for the password, the
   * session's own message is the error.
   */
  const unlockVault = async (
    vault: Unlockable,
    options: { passwordOnly?: boolean } = {},
  ): Promise<void> => {
    if (sessionToken && !sessionRefused && !options.passwordOnly) {
      const session = await import('../core/vault/vault-session');
      try {
        await vault.unlockWithSession((wrapped) =>
          session.openSession(vaultDir, sessionToken, wrapped, Date.now()),
        );
        openedBySession = true;
        return;
      } catch (error) {
        if (!(error instanceof session.SessionError)) throw error;
        // Said once: a fallback to the full core must not try (and report) it again.
        sessionRefused = true;
        if (!io.env['TOKENVAULT_PASSWORD'] && !passwordStdin && !io.stdinIsTTY) {
          throw new CliError(EXIT.vault, error.message);
        }
        warn(error.message);
      }
    }
    await vault.unlock(await ctx.password('unlock'));
  };

  const warn = (message: string) => io.stderr(`tokenvault: ${message}\n`);
  const ctx: CommandContext = {
    io,
    positionals,
    passthrough,
    exitCode: 0,
    vaultDir,
    str,
    required(name) {
      const v = str(name);
      if (v === undefined || v === '') throw new UsageError(`Missing --${name}.`);
      return v;
    },
    flag: (name) => values[name] === true,
    list(name) {
      const v = values[name];
      return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
    },
    core(options = {}) {
      corePromise ??= Promise.all([import('./cli-core'), import('./cli-kdf')]).then(([m, k]) =>
        m.openCliCore({
          dir: vaultDir,
          env: io.env,
          kdfIterations: options.create ? k.testKdfIterations(io.env) : undefined,
          warn,
        }),
      );
      return corePromise;
    },
    async unlocked(options = {}) {
      const core = await ctx.core();
      // Checked before asking for a password nobody could use.
      core.requireVault();
      if (!core.vault.isUnlocked()) {
        await unlockVault(core.vault, options);
        // The file was changed outside Token Vault: say what is intact (the rest still works).
        const notice = core.vault.status().integrityNotice;
        if (notice) io.stderr(`tokenvault: ${notice}\n`);
      }
      return core;
    },
    reader(options = {}) {
      readerPromise ??= import('./cli-read-core').then((m) =>
        m.openReadCore({
          dir: vaultDir,
          // The KDF may start before the label is checked only when the command unlocks with
          // the password (a session needs none).
          password:
            options.willUnlock && !sessionToken
              ? io.env['TOKENVAULT_PASSWORD'] || undefined
              : undefined,
          extent: options.extent,
          full: () => ctx.core(),
          unlockedFull: () => ctx.unlocked(),
          team: async (filesKey) => {
            // A vault in no team loads none of the team code.
            const local = await import('../core/team/team-local');
            if (!local.hasTeamFiles(vaultDir)) return undefined;
            const t = await import('./cli-team');
            return t.openTeamService({ dir: vaultDir, env: io.env, filesKey, warn });
          },
        }),
      );
      return readerPromise;
    },
    async teamService(options = {}) {
      const core = await ctx.unlocked();
      const t = await import('./cli-team');
      return (options.sync ? t.openTeamService : t.newTeamService)({
        dir: vaultDir,
        env: io.env,
        filesKey: () => core.vault.teamFilesKey(),
        personal: core.vault,
        warn,
      });
    },
    async unlockedReader(options = {}) {
      const reader = await ctx.reader({ willUnlock: true, ...options });
      if (!reader.vault.isUnlocked()) await unlockVault(reader);
      return reader;
    },
    async sessionCache(reader) {
      if (!sessionToken || !openedBySession || !reader.vault.isUnlocked()) return undefined;
      const stamp = await reader.cacheStamp();
      if (!stamp) return undefined;
      const session = await import('../core/vault/vault-session');
      const binding = keptBinding(stamp);
      return {
        read: (name) => session.readSessionCache(vaultDir, sessionToken, name, binding),
        write: async (name, bytes) => {
          // Only what the same reader drew from the same file: a listing that did not open
          // sends the reader's work to the full core, which may have recovered another file.
          if ((await reader.cacheStamp())?.fileMac !== binding.fileMac) return;
          session.writeSessionCache(vaultDir, sessionToken, name, binding, bytes);
        },
      };
    },
    password(purpose) {
      // Asked once per command: `inject` reads it before the template that follows it on stdin.
      if (purpose === 'create') return askPassword(purpose);
      unlockPassword ??= askPassword(purpose);
      return unlockPassword;
    },
    async readSecret(what) {
      // At a terminal (and when stdin is not already carrying the password) ask without echo.
      if (io.stdinIsTTY && !passwordStdin) {
        const typed = (await io.promptHidden(`${what}: `)).trim();
        if (!typed) throw new UsageError(`No ${what} given.`);
        return typed;
      }
      return readLineOrFail(what);
    },
  };
  return ctx;
}
