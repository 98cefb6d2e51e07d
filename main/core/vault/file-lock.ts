// A lock file next to the vault so the app and the `tokenvault` CLI never interleave writes
// (issue 6 item 4). Created with O_EXCL; a lock whose owner died (kill -9) or that is older
// than `staleMs` is broken. The API is synchronous because vault mutations are.
import type { FsLike } from './fs-like';

export interface FileLockOptions {
  path: string;
  fs: FsLike;
  pid: number;
  now: () => number;
  /** A lock older than this is taken to be left by a hung or dead owner. */
  staleMs?: number;
  /** Give up waiting after this long. */
  timeoutMs?: number;
  isAlive?: (pid: number) => boolean;
  /** Blocking pause between attempts. */
  pause?: (ms: number) => void;
}

export class LockTimeoutError extends Error {
  constructor(
    path: string,
    /** What the lock file said ("pid time"), for the message. */
    readonly holder: string,
  ) {
    super(`Another Token Vault process is holding ${path}.`);
    this.name = 'LockTimeoutError';
  }
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

const sleeper = new Int32Array(new SharedArrayBuffer(4));
function blockFor(ms: number): void {
  Atomics.wait(sleeper, 0, 0, ms);
}

function errnoCode(error: unknown): string | undefined {
  return (error as NodeJS.ErrnoException | undefined)?.code;
}

/** Takes the lock, waiting as needed. Returns the release function. */
export function acquireFileLock(options: FileLockOptions): () => void {
  const { path, fs, pid, now } = options;
  const staleMs = options.staleMs ?? 30_000;
  const timeoutMs = options.timeoutMs ?? 15_000;
  const isAlive = options.isAlive ?? processAlive;
  const pause = options.pause ?? blockFor;
  const started = now();
  let delay = 1;
  let breaks = 0;
  for (;;) {
    const stamp = `${pid} ${now()}`;
    try {
      fs.writeFileSync(path, stamp, { flag: 'wx', mode: 0o600 });
      return () => {
        try {
          // Only remove the lock if it is still ours (it may have been broken as stale).
          if (fs.readFileSync(path, 'utf8') === stamp) fs.unlinkSync(path);
        } catch {
          // Already gone.
        }
      };
    } catch (error) {
      if (errnoCode(error) !== 'EEXIST') throw error;
    }
    // Retry at once after breaking a stale lock (bounded, in case it cannot be removed).
    if (breaks < 20 && breakIfStale(options, staleMs, isAlive)) {
      breaks += 1;
      continue;
    }
    if (now() - started > timeoutMs) throw new LockTimeoutError(path, readHolder(fs, path));
    pause(delay);
    delay = Math.min(delay * 2, 20);
  }
}

function breakIfStale(
  options: FileLockOptions,
  staleMs: number,
  isAlive: (pid: number) => boolean,
): boolean {
  const { path, fs, now } = options;
  let content: string;
  try {
    content = fs.readFileSync(path, 'utf8');
  } catch {
    return true; // Released meanwhile; the next attempt will take it.
  }
  const [pidText, timeText] = content.split(' ');
  const owner = Number(pidText);
  const since = Number(timeText);
  // A lock file caught half-written has no time yet; give its writer a moment.
  const malformed = !Number.isInteger(owner) || !Number.isFinite(since);
  const dead = !malformed && owner !== options.pid && !isAlive(owner);
  const old = !malformed && now() - since > staleMs;
  if (!dead && !old) {
    if (!malformed) return false;
    try {
      if (now() - fs.statSync(path).mtimeMs <= 1000) return false;
    } catch {
      return true;
    }
  }
  try {
    // Re-read just before removing, so a lock that changed hands meanwhile is left alone.
    if (fs.readFileSync(path, 'utf8') === content) fs.unlinkSync(path);
  } catch {
    // Someone else broke or released it.
  }
  return true;
}

function readHolder(fs: FsLike, path: string): string {
  try {
    return fs.readFileSync(path, 'utf8');
  } catch {
    return '';
  }
}
