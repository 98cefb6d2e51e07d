// Command-line sessions (`tokenvault unlock`, README-cli "Sessions"): the password's KDF once,
// then commands for a while without it, as `bw unlock` and `op signin` do. A session is two
// halves, useless apart:
// - the token, `tv1.<id>.<key>`, given to the shell (TOKENVAULT_SESSION) and never written to
//   disk by Token Vault: a random session id and a random 256-bit key;
// - the session file, `<vault folder>/sessions/<id>.json` (folder 0700, file 0600), holding
//   the data key sealed with that key (AES-256-GCM). Its AAD binds the session id, the end
//   of the session and a hash of the vault's wrapped data key, so a file edited to last
//   longer, moved to another session, or kept past a password change does not open.
// A session ends at its fixed end time, with `tokenvault lock` (every file removed), or when
// the master password changes. Ended files are removed when they are next met.
// A session may also keep what a command printed from the vault (`list`'s table) in
// `sessions/<id>.<name>.cache` (0600), so the same command on the same file answers without
// opening the listing again: sealed under a key derived from the data key, bound to the
// session, the build that drew it and the vault file's MAC (any change to the file, or a
// new build, and it no longer opens), and removed with the session.
import { createHash, randomBytes } from 'node:crypto';
import {
  chmodSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { atomicTempTarget, writeFileAtomic } from '../atomic-file';
import { gcmOpen, gcmSeal } from './gcm';
import { IV_BYTES, KEY_BYTES, SealError, TAG_BYTES } from './seal-format';

/** The environment variable that carries the token (withheld from `exec`'s command). */
export const SESSION_VARIABLE = 'TOKENVAULT_SESSION';
export const DEFAULT_SESSION_MS = 15 * 60_000;
export const MAX_SESSION_MS = 24 * 60 * 60_000;
const MIN_SESSION_MS = 10_000;

const TOKEN = /^tv1\.([0-9a-f]{32})\.([A-Za-z0-9_-]{43})$/;
const FILE = /^([0-9a-f]{32})\.json$/;
/** A file a crashed `unlock` left half-written. */
const TEMP_FILE = /^[0-9a-f]{32}\.json\.tmp$/;
/** A session's cache (below): `<id>.<name>.cache`. */
const CACHE_FILE = /^([0-9a-f]{32})\.[a-z]+\.cache$/;
const CACHE_NAME = /^[a-z]+$/;

export type SessionProblem =
  | 'malformed'
  | 'unknown'
  | 'ended'
  | 'password-changed'
  | 'damaged'
  /** The key opened, but the vault file's MAC does not confirm it (vault.service.ts). */
  | 'does-not-fit';

/** Why a session cannot be used; the message says what to do, never the token. */
export class SessionError extends Error {
  constructor(
    readonly problem: SessionProblem,
    message: string,
  ) {
    super(message);
    this.name = 'SessionError';
  }
}

interface SessionFile {
  version: 1;
  id: string;
  createdAt: number;
  expiresAt: number;
  /** sessionBinding(wrappedDek) when the session was started. */
  vault: string;
  /** base64 of IV | ciphertext | tag: the data key under the session key. */
  sealed: string;
}

export const sessionFolder = (vaultDir: string): string => join(vaultDir, 'sessions');

/** Names the vault's wrapped data key without revealing anything about the key. */
function sessionBinding(wrappedDek: string): string {
  return createHash('sha256').update(`tokenvault session vault|${wrappedDek}`).digest('base64');
}

const aadOf = (file: Pick<SessionFile, 'id' | 'expiresAt' | 'vault'>): string =>
  `tokenvault session|1|${file.id}|${file.expiresAt}|${file.vault}`;

/** A session's end as the command line shows it: `2026-12-07 14:32 UTC`. */
export const whenText = (ms: number): string =>
  new Date(ms).toISOString().slice(0, 16).replace('T', ' ') + ' UTC';

/**
 * A session length from `15m`, `90s`, `8h` or minutes alone (`30`); from 10 seconds to 24
 * hours. Undefined when the text is none of these.
 */
export function parseSessionLength(text: string): number | undefined {
  const m = /^(\d{1,6})([smh]?)$/.exec(text.trim());
  if (!m) return undefined;
  const unit = m[2] === 's' ? 1000 : m[2] === 'h' ? 3_600_000 : 60_000;
  const ms = Number(m[1]) * unit;
  return ms >= MIN_SESSION_MS && ms <= MAX_SESSION_MS ? ms : undefined;
}

function sessionFiles(vaultDir: string, pattern: { test(name: string): boolean } = FILE): string[] {
  try {
    return readdirSync(sessionFolder(vaultDir)).filter((name) => pattern.test(name));
  } catch {
    return [];
  }
}

function readSessionFile(path: string): SessionFile | undefined {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return undefined;
  }
  if (typeof raw !== 'object' || raw === null) return undefined;
  const f = raw as Partial<SessionFile>;
  const ok =
    f.version === 1 &&
    typeof f.id === 'string' &&
    Number.isSafeInteger(f.createdAt) &&
    Number.isSafeInteger(f.expiresAt) &&
    typeof f.vault === 'string' &&
    typeof f.sealed === 'string';
  return ok ? (f as SessionFile) : undefined;
}

/** What a crashed `unlock` left half-written. */
function removeTempFiles(vaultDir: string): void {
  for (const name of sessionFiles(vaultDir, TEMP_FILE)) {
    rmSync(join(sessionFolder(vaultDir), name), { force: true });
  }
}

/** Removes the session files that have ended or cannot be read, and any temporary file. */
function sweep(vaultDir: string, now: number): void {
  removeTempFiles(vaultDir);
  for (const name of sessionFiles(vaultDir)) {
    const path = join(sessionFolder(vaultDir), name);
    if (!((readSessionFile(path)?.expiresAt ?? 0) > now)) rmSync(path, { force: true });
  }
  const kept = new Set(sessionFiles(vaultDir));
  removeCaches(vaultDir, (id) => !kept.has(`${id}.json`));
}

/** The session a cache belongs to, or a half-written one a crashed command left. */
const cacheOwner = (name: string): string | undefined =>
  CACHE_FILE.exec(atomicTempTarget(name) ?? name)?.[1];

/** Removes the caches (and half-written ones) of the sessions `which` picks. */
function removeCaches(vaultDir: string, which: (id: string) => boolean): void {
  for (const name of sessionFiles(vaultDir, { test: () => true })) {
    const id = cacheOwner(name);
    if (id && which(id)) rmSync(join(sessionFolder(vaultDir), name), { force: true });
  }
}

export interface StartedSession {
  token: string;
  expiresAt: number;
}

/**
 * Starts a session for this data key (just unwrapped with the master password) and the
 * wrapped key it came from. The file is written whole (temporary file, then rename).
 */
export function startSession(
  vaultDir: string,
  dek: Uint8Array,
  wrappedDek: string,
  options: { now: number; lengthMs: number },
): StartedSession {
  const folder = sessionFolder(vaultDir);
  mkdirSync(folder, { recursive: true, mode: 0o700 });
  // mkdir's mode is only used when it creates the folder, and the umask applies to it.
  chmodSync(folder, 0o700);
  sweep(vaultDir, options.now);
  const id = randomBytes(16).toString('hex');
  const key = randomBytes(KEY_BYTES);
  const base = {
    id,
    expiresAt: options.now + options.lengthMs,
    vault: sessionBinding(wrappedDek),
  };
  const file: SessionFile = {
    version: 1,
    id,
    createdAt: options.now,
    expiresAt: base.expiresAt,
    vault: base.vault,
    sealed: gcmSeal(key, dek, aadOf(base)).toString('base64'),
  };
  const path = join(folder, `${id}.json`);
  const temp = `${path}.tmp`;
  try {
    writeFileSync(temp, JSON.stringify(file), { mode: 0o600, flag: 'wx' });
    renameSync(temp, path);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
  const token = `tv1.${id}.${key.toString('base64url')}`;
  key.fill(0);
  return { token, expiresAt: file.expiresAt };
}

/**
 * The data key of the session `token` names, for the vault whose wrapped key is `wrappedDek`;
 * SessionError when it cannot be used (an ended or outdated file is removed, with its caches,
 * unless `removeEnded` is false: a first try that leaves the telling to the program). The
 * caller still checks the key against the document MAC before using it.
 */
export function openSession(
  vaultDir: string,
  token: string,
  wrappedDek: string,
  now: number,
  options: { removeEnded?: boolean } = {},
): Uint8Array {
  const m = TOKEN.exec(token.trim());
  if (!m?.[1] || !m[2]) {
    throw new SessionError(
      'malformed',
      `${SESSION_VARIABLE} is not a session token; run \`tokenvault unlock\` again.`,
    );
  }
  const id = m[1];
  const path = join(sessionFolder(vaultDir), `${id}.json`);
  const file = readSessionFile(path);
  if (!file || file.id !== id) {
    throw new SessionError(
      'unknown',
      `The session in ${SESSION_VARIABLE} has ended (locked, or for another vault); run \`tokenvault unlock\` again.`,
    );
  }
  const remove = () => {
    if (options.removeEnded === false) return;
    rmSync(path, { force: true });
    removeCaches(vaultDir, (of) => of === id);
  };
  if (file.expiresAt <= now) {
    remove();
    throw new SessionError(
      'ended',
      `The session in ${SESSION_VARIABLE} ended at ${whenText(file.expiresAt)}; run \`tokenvault unlock\` again.`,
    );
  }
  if (file.vault !== sessionBinding(wrappedDek)) {
    remove();
    throw new SessionError(
      'password-changed',
      `The master password changed after \`tokenvault unlock\`, which ended the session; unlock again.`,
    );
  }
  const raw = Buffer.from(file.sealed, 'base64');
  const damaged = new SessionError(
    'damaged',
    `The session in ${SESSION_VARIABLE} does not open (its file was changed, or the token was); run \`tokenvault unlock\` again.`,
  );
  if (raw.length !== IV_BYTES + KEY_BYTES + TAG_BYTES) throw damaged;
  const key = Buffer.from(m[2], 'base64url');
  let dek: Buffer;
  try {
    dek = gcmOpen(key, raw, aadOf(file));
  } catch (error) {
    throw error instanceof SealError ? damaged : error;
  } finally {
    key.fill(0);
  }
  const out = new Uint8Array(dek);
  dek.fill(0);
  return out;
}

/** `tokenvault lock`: removes every session file of the vault; returns how many were live. */
export function endSessions(vaultDir: string, now: number): number {
  removeTempFiles(vaultDir);
  let live = 0;
  for (const name of sessionFiles(vaultDir)) {
    const path = join(sessionFolder(vaultDir), name);
    if ((readSessionFile(path)?.expiresAt ?? 0) > now) live += 1;
    rmSync(path, { force: true });
  }
  removeCaches(vaultDir, () => true);
  return live;
}

/**
 * What a session's cache is bound to besides the session: the key (derived from the data
 * key, vault-seal.ts sessionCacheKeyOf), the file MAC of the vault file it was drawn from,
 * and the program that drew it (the command line's build id: a hash of its sources).
 */
export interface CacheBinding {
  key: Uint8Array;
  fileMac: string;
  program: string;
}

const cacheAad = (id: string, name: string, binding: CacheBinding): string =>
  `tokenvault session cache|1|${id}|${name}|${binding.program}|${binding.fileMac}`;

/** The session id and the cache's path, for a well-formed token and name. */
function cacheFile(
  vaultDir: string,
  token: string,
  name: string,
): { id: string; path: string } | undefined {
  const id = TOKEN.exec(token.trim())?.[1];
  if (!id || !CACHE_NAME.test(name)) return undefined;
  return { id, path: join(sessionFolder(vaultDir), `${id}.${name}.cache`) };
}

/** True when something is kept as `name` for this session (opened or not). */
export function hasSessionCache(vaultDir: string, token: string, name: string): boolean {
  const file = cacheFile(vaultDir, token, name);
  return file !== undefined && existsSync(file.path);
}

/**
 * The bytes kept as `name` for this session, when they were drawn from this very file by this
 * very program; undefined otherwise (none kept, another file or build, or changed on disk).
 * Call it only once openSession has accepted the token.
 */
export function readSessionCache(
  vaultDir: string,
  token: string,
  name: string,
  binding: CacheBinding,
): Buffer | undefined {
  const file = cacheFile(vaultDir, token, name);
  if (!file) return undefined;
  let raw: Buffer;
  try {
    raw = readFileSync(file.path);
  } catch {
    return undefined;
  }
  try {
    return gcmOpen(binding.key, raw, cacheAad(file.id, name, binding));
  } catch (error) {
    if (error instanceof SealError) return undefined;
    throw error;
  }
}

/**
 * Keeps `bytes` as `name` for this session (replacing what was kept), written whole or not
 * at all; a cache that cannot be written is simply not kept.
 */
export function writeSessionCache(
  vaultDir: string,
  token: string,
  name: string,
  binding: CacheBinding,
  bytes: Uint8Array,
): void {
  const file = cacheFile(vaultDir, token, name);
  if (!file) return;
  const sealed = gcmSeal(binding.key, bytes, cacheAad(file.id, name, binding));
  try {
    // The session folder exists (the session file is in it); a crash leaves a temp file that
    // the next unlock or lock removes, never a torn cache.
    writeFileAtomic(file.path, sealed, { durable: false });
  } catch {
    // Not kept: the next run draws it again.
  }
}
