// Command-line sessions (vault-session.ts): what `tokenvault unlock` writes and what opens it.
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  DEFAULT_SESSION_MS,
  SessionError,
  endSessions,
  openSession,
  parseSessionLength,
  readSessionCache,
  sessionFolder,
  startSession,
  writeSessionCache,
  type CacheBinding,
  type SessionProblem,
} from '../../../../main/core/vault/vault-session';
import { tempDir } from './vault-helpers';

let dir: string;
beforeEach(() => {
  dir = tempDir();
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const NOW = Date.UTC(2026, 11, 7, 12, 0);
const dek = new Uint8Array(randomBytes(32));
const WRAPPED = randomBytes(60).toString('base64');
const start = (lengthMs = DEFAULT_SESSION_MS) =>
  startSession(dir, dek, WRAPPED, { now: NOW, lengthMs });
const fileOf = (token: string) => join(sessionFolder(dir), `${token.split('.')[1]}.json`);

function problem(open: () => unknown): SessionProblem | undefined {
  try {
    open();
  } catch (error) {
    if (error instanceof SessionError) return error.problem;
    throw error;
  }
  return undefined;
}

describe('command-line sessions', () => {
  it('gives the data key back to its token, until it ends', () => {
    const { token, expiresAt } = start();
    expect(expiresAt).toBe(NOW + 15 * 60_000);
    expect(token).toMatch(/^tv1\.[0-9a-f]{32}\.[A-Za-z0-9_-]{43}$/);
    expect(openSession(dir, token, WRAPPED, NOW + 60_000)).toEqual(dek);
    expect(openSession(dir, token, WRAPPED, expiresAt - 1)).toEqual(dek);
    expect(problem(() => openSession(dir, token, WRAPPED, expiresAt))).toBe('ended');
    // The ended file is gone, so nothing can open it later either.
    expect(fs.existsSync(fileOf(token))).toBe(false);
    expect(problem(() => openSession(dir, token, WRAPPED, NOW))).toBe('unknown');
  });

  it('keeps the file private (0600 in a 0700 folder) and the key and token out of it', () => {
    const { token } = start();
    expect(fs.statSync(sessionFolder(dir)).mode & 0o777).toBe(0o700);
    expect(fs.statSync(fileOf(token)).mode & 0o777).toBe(0o600);
    const text = fs.readFileSync(fileOf(token), 'utf8');
    const key = token.split('.')[2] ?? '';
    for (const hidden of [
      Buffer.from(dek).toString('base64'),
      Buffer.from(dek).toString('hex'),
      Buffer.from(dek).toString('base64url'),
      key,
      Buffer.from(key, 'base64url').toString('base64'),
    ]) {
      expect(text).not.toContain(hidden);
    }
    expect(fs.readdirSync(sessionFolder(dir))).toEqual([`${token.split('.')[1]}.json`]);
  });

  it('does not open with another key, a changed end time, or for a re-wrapped data key', () => {
    const { token } = start();
    const [, id] = token.split('.');
    const otherKey = `tv1.${id}.${randomBytes(32).toString('base64url')}`;
    expect(problem(() => openSession(dir, otherKey, WRAPPED, NOW))).toBe('damaged');
    // Someone with the folder but not the token makes the session last a day longer.
    const path = fileOf(token);
    const file = JSON.parse(fs.readFileSync(path, 'utf8')) as { expiresAt: number };
    fs.writeFileSync(path, JSON.stringify({ ...file, expiresAt: file.expiresAt + 86_400_000 }));
    expect(problem(() => openSession(dir, token, WRAPPED, NOW))).toBe('damaged');
    // The master password changed: the data key was wrapped again, the session is over.
    const again = start();
    const rewrapped = randomBytes(60).toString('base64');
    expect(problem(() => openSession(dir, again.token, rewrapped, NOW))).toBe('password-changed');
    expect(fs.existsSync(fileOf(again.token))).toBe(false);
  });

  it('refuses what is not a token, without repeating it', () => {
    for (const bad of ['', 'tv1', 'tv2.00.xx', 'secret-looking-value', `tv1.${'a'.repeat(32)}.x`]) {
      try {
        openSession(dir, bad, WRAPPED, NOW);
        expect.unreachable();
      } catch (error) {
        expect((error as SessionError).problem).toBe('malformed');
        if (bad) expect((error as Error).message).not.toContain(bad);
      }
    }
  });

  it('ends every session at `lock`, and sweeps ended ones when a new one starts', () => {
    const first = start();
    const second = start();
    expect(endSessions(dir, NOW)).toBe(2);
    for (const s of [first, second]) {
      expect(problem(() => openSession(dir, s.token, WRAPPED, NOW))).toBe('unknown');
    }
    expect(endSessions(dir, NOW)).toBe(0);
    const short = start(60_000);
    // What a crashed `unlock` leaves: swept too.
    const stray = join(sessionFolder(dir), `${'0'.repeat(32)}.json.tmp`);
    fs.writeFileSync(stray, '{"version":1');
    startSession(dir, dek, WRAPPED, { now: NOW + 120_000, lengthMs: DEFAULT_SESSION_MS });
    expect(fs.existsSync(stray)).toBe(false);
    expect(fs.existsSync(fileOf(short.token))).toBe(false);
    expect(fs.readdirSync(sessionFolder(dir))).toHaveLength(1);
  });

  it('reads session lengths from 10 seconds to 24 hours', () => {
    expect(parseSessionLength('15m')).toBe(900_000);
    expect(parseSessionLength('30')).toBe(1_800_000);
    expect(parseSessionLength('90s')).toBe(90_000);
    expect(parseSessionLength('8h')).toBe(8 * 3_600_000);
    expect(parseSessionLength('24h')).toBe(86_400_000);
    for (const bad of ['', '5s', '25h', '1d', '-5m', '1.5h', 'm', 'soon']) {
      expect(parseSessionLength(bad)).toBeUndefined();
    }
  });
});

describe("a session's cache", () => {
  const TABLE = Buffer.from('LABEL   PROVIDER\nbilling smsfactor\n');
  const binding: CacheBinding = {
    key: new Uint8Array(randomBytes(32)),
    fileMac: randomBytes(32).toString('base64'),
    program: 'file:///opt/tokenvault/chunks/list.command-AB12CD34.mjs',
  };
  const cacheOf = (token: string) => join(sessionFolder(dir), `${token.split('.')[1]}.list.cache`);

  it('gives back what was kept, sealed in a private file', () => {
    const { token } = start();
    expect(readSessionCache(dir, token, 'list', binding)).toBeUndefined();
    writeSessionCache(dir, token, 'list', binding, TABLE);
    expect(readSessionCache(dir, token, 'list', binding)).toEqual(TABLE);
    expect(fs.statSync(cacheOf(token)).mode & 0o777).toBe(0o600);
    const raw = fs.readFileSync(cacheOf(token));
    expect(raw.includes('billing')).toBe(false);
    expect(raw.includes(binding.fileMac)).toBe(false);
    // Written whole: no temporary file is left beside it.
    expect(fs.readdirSync(sessionFolder(dir)).sort()).toEqual(
      [`${token.split('.')[1]}.json`, `${token.split('.')[1]}.list.cache`].sort(),
    );
  });

  it('does not open for another vault file, another program, key, session or name', () => {
    const { token } = start();
    const other = start().token;
    writeSessionCache(dir, token, 'list', binding, TABLE);
    const changed = { ...binding, fileMac: randomBytes(32).toString('base64') };
    expect(readSessionCache(dir, token, 'list', changed)).toBeUndefined();
    const rebuilt = { ...binding, program: binding.program.replace('AB12', 'FF00') };
    expect(readSessionCache(dir, token, 'list', rebuilt)).toBeUndefined();
    const rekeyed = { ...binding, key: new Uint8Array(randomBytes(32)) };
    expect(readSessionCache(dir, token, 'list', rekeyed)).toBeUndefined();
    // Moved to another session's name, or to another name.
    fs.copyFileSync(cacheOf(token), cacheOf(other));
    expect(readSessionCache(dir, other, 'list', binding)).toBeUndefined();
    fs.copyFileSync(cacheOf(token), cacheOf(token).replace('.list.', '.labels.'));
    expect(readSessionCache(dir, token, 'labels', binding)).toBeUndefined();
    // One byte changed on disk, or the file cut short.
    const raw = fs.readFileSync(cacheOf(token));
    raw[20] = (raw[20] ?? 0) ^ 1;
    fs.writeFileSync(cacheOf(token), raw);
    expect(readSessionCache(dir, token, 'list', binding)).toBeUndefined();
    fs.writeFileSync(cacheOf(token), raw.subarray(0, 10));
    expect(readSessionCache(dir, token, 'list', binding)).toBeUndefined();
  });

  it('is removed with its session: at lock, when it ends, and when its file is swept', () => {
    const a = start();
    writeSessionCache(dir, a.token, 'list', binding, TABLE);
    endSessions(dir, NOW);
    expect(fs.readdirSync(sessionFolder(dir))).toEqual([]);
    // Ended: removed when the session is next used.
    const b = start(60_000);
    writeSessionCache(dir, b.token, 'list', binding, TABLE);
    expect(problem(() => openSession(dir, b.token, WRAPPED, NOW + 60_000))).toBe('ended');
    expect(fs.existsSync(cacheOf(b.token))).toBe(false);
    // Ended and never used again: swept with its file when another session starts, with
    // what a crashed command left half-written.
    const c = start(60_000);
    writeSessionCache(dir, c.token, 'list', binding, TABLE);
    const stray = join(sessionFolder(dir), `.${c.token.split('.')[1]}.list.cache.123.0a1b2c3d.tmp`);
    fs.writeFileSync(stray, 'half');
    const d = startSession(dir, dek, WRAPPED, { now: NOW + 120_000, lengthMs: 60_000 });
    expect(fs.readdirSync(sessionFolder(dir))).toEqual([`${d.token.split('.')[1]}.json`]);
  });

  it('keeps nothing for a token or name it cannot name a file by', () => {
    start();
    writeSessionCache(dir, 'not-a-token', 'list', binding, TABLE);
    writeSessionCache(dir, start().token, '../vault', binding, TABLE);
    expect(fs.readdirSync(sessionFolder(dir)).filter((n) => !n.endsWith('.json'))).toEqual([]);
  });
});
