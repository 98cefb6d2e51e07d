// The composed core behind the real dispatcher: what the window gets for each click, with
// real vault and settings files in a temp folder, a fake clock and no network.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EventMap, EventName, Result, VaultStatus } from '../../../../preload/api';
import { createCore, overriddenProviderOrigins, type Core } from '../../../../main/core/container';
import { registerHandlers } from '../../../../main/core/ipc/dispatch';
import { nodeRandom } from '../../../../main/core/vault/crypto';
import { SessionError, openSession, startSession } from '../../../../main/core/vault/vault-session';
import { FakeClipboard } from '../../../fakes/fake-clipboard';
import { FakeClock } from '../../../fakes/fake-clock';
import { FakeIpcMain, isTrusted } from './ipc-fixtures';

const PASSWORD = 'Blue-Harbor-Lantern-42';

let dir: string;
let clock: FakeClock;
let core: Core;
let ipc: FakeIpcMain;
let events: Array<{ event: EventName; payload: unknown }>;
let shown: Array<{ id: string; title: string; body: string; onClick?: () => void }>;
let focused: number;
let clipboard: FakeClipboard;

function build(): Core {
  const built = createCore({
    dataDir: dir,
    clock,
    scheduler: clock,
    random: nodeRandom(),
    emit: <E extends EventName>(event: E, payload: EventMap[E]) => {
      events.push({ event, payload });
    },
    clipboard,
    notifier: { show: (n, onClick) => shown.push({ ...n, onClick }) },
    focusWindow: () => focused++,
    browser: { openExternal: async () => undefined },
    http: {
      send: async () => {
        throw new Error('no network in this test');
      },
    },
    env: {},
    kdfIterations: 1000,
    diskPollMs: 0,
  });
  built.start();
  return built;
}

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'tv-core-'));
  clock = new FakeClock();
  events = [];
  shown = [];
  focused = 0;
  clipboard = new FakeClipboard();
  core = build();
  ipc = new FakeIpcMain();
  registerHandlers(ipc, core.handlers, { isTrustedSender: isTrusted, onAccepted: core.onRequest });
});

afterEach(() => {
  core.stop();
  rmSync(dir, { recursive: true, force: true });
});

async function call<T>(channel: string, payload?: unknown): Promise<Result<T>> {
  return (await ipc.invoke(channel, payload)) as Result<T>;
}

describe('core behind IPC', () => {
  it('create -> lock -> wrong password -> unlock, with status events', async () => {
    expect((await call<VaultStatus>('vault:get-status')).ok && core.vault.status().exists).toBe(
      false,
    );
    const created = await call<VaultStatus>('vault:create', { password: PASSWORD });
    expect(created).toMatchObject({ ok: true, value: { exists: true, locked: false } });

    expect(await call('vault:lock')).toMatchObject({ ok: true, value: { locked: true } });
    expect(events.some((e) => e.event === 'event:vault-status')).toBe(true);

    const wrong = await call('vault:unlock', { password: 'Not-The-Password-99' });
    expect(wrong).toMatchObject({ ok: false, error: { code: 'wrong-password' } });
    expect(JSON.stringify(wrong)).not.toContain('Not-The-Password-99');

    expect(await call('vault:unlock', { password: PASSWORD })).toMatchObject({
      ok: true,
      value: { locked: false },
    });
  });

  it('a weak password is refused with the rule the UI shows', async () => {
    const rules = await call<{ minLength: number }>('vault:get-password-rules');
    expect(rules.ok && rules.value.minLength).toBeGreaterThan(0);
    expect(await call('vault:create', { password: 'short' })).toMatchObject({
      ok: false,
      error: { code: 'weak-password' },
    });
  });

  it('a settings change is saved, announced, and survives a restart', async () => {
    const res = await call('settings:update', { clipboardClearSeconds: 45 });
    expect(res).toMatchObject({ ok: true, value: { clipboardClearSeconds: 45 } });
    expect(events).toContainEqual({
      event: 'event:settings',
      payload: expect.objectContaining({ clipboardClearSeconds: 45 }),
    });
    core.stop();
    core = build();
    expect(core.settings.get().clipboardClearSeconds).toBe(45);
  });

  it('the token list starts empty and an unknown entry is not-found', async () => {
    await call('vault:create', { password: PASSWORD });
    expect(await call('tokens:list')).toEqual({ ok: true, value: [] });
    expect(await call('tokens:get', { id: 'nope' })).toMatchObject({
      ok: false,
      error: { code: 'not-found' },
    });
  });

  it('the vault locks after the idle time; passive polling does not keep it open', async () => {
    await call('settings:update', { idleLockMinutes: 5 });
    await call('vault:create', { password: PASSWORD });
    for (let i = 0; i < 10; i++) {
      clock.advance(60_000);
      await call('vault:get-status');
      await call('tokens:list');
    }
    expect(core.vault.status().locked).toBe(true);
  });

  it('a real request counts as activity and postpones the idle lock', async () => {
    await call('settings:update', { idleLockMinutes: 5 });
    await call('vault:create', { password: PASSWORD });
    for (let i = 0; i < 10; i++) {
      clock.advance(4 * 60_000);
      await call('tokens:rename', { id: 'missing', label: 'x' });
    }
    expect(core.vault.status().locked).toBe(false);
  });

  it('a shorter idle lock applies from the moment it is saved', async () => {
    await call('vault:create', { password: PASSWORD });
    await call('settings:update', { idleLockMinutes: 2 });
    clock.advance(2 * 60_000);
    expect(core.vault.status().locked).toBe(true);
  });

  it('suspend locks the vault when lockOnSuspend is on', async () => {
    await call('vault:create', { password: PASSWORD });
    core.onPowerEvent('suspend');
    expect(core.vault.status().locked).toBe(true);
  });

  it("the window's Lock ends the command line's sessions; the idle lock and suspend do not", async () => {
    await call('settings:update', { idleLockMinutes: 5 });
    await call('vault:create', { password: PASSWORD });
    const startOne = () =>
      core.vault.withKeyForSession((dek, wrapped) =>
        startSession(dir, dek, wrapped, { now: clock.now(), lengthMs: 8 * 3_600_000 }),
      ).token;
    const opens = (token: string) => {
      try {
        openSession(dir, token, wrappedDek(), clock.now());
        return true;
      } catch (error) {
        if (error instanceof SessionError) return false;
        throw error;
      }
    };
    const wrappedDek = () =>
      (JSON.parse(readFileSync(join(dir, 'vault.json'), 'utf8')) as { wrappedDek: string })
        .wrappedDek;
    const idle = startOne();
    clock.advance(5 * 60_000);
    expect(core.vault.status().locked).toBe(true);
    await call('vault:unlock', { password: PASSWORD });
    core.onPowerEvent('suspend');
    expect(core.vault.status().locked).toBe(true);
    expect(opens(idle)).toBe(true);
    await call('vault:unlock', { password: PASSWORD });
    const other = startOne();
    expect(await call('vault:lock')).toMatchObject({ ok: true });
    expect([opens(idle), opens(other)]).toEqual([false, false]);
  });

  it('a junk deep link changes nothing and throws nothing', async () => {
    await call('vault:create', { password: PASSWORD });
    expect(() => core.handleDeepLink('dev.tokenvault:/oauth/faxplus?code=x&state=y')).not.toThrow();
    expect(() => core.handleDeepLink('javascript:alert(1)')).not.toThrow();
    await Promise.resolve();
    expect(core.vault.list()).toEqual([]);
  });
});

describe('reminders in the composed core', () => {
  it('a PAT expiring within the hour is announced; a click opens the entry', async () => {
    await call('vault:create', { password: PASSWORD });
    const entry = core.vault.add(
      {
        kind: 'faxplus-pat',
        provider: 'faxplus',
        label: 'billing',
        status: 'active',
        expiresAt: clock.now() + 30 * 60_000,
        scopes: [],
      },
      { pat: 'alohi_pat_example_0000' },
    );
    const note = shown.find((n) => n.body.includes('billing'));
    expect(note).toBeDefined();
    expect(JSON.stringify(shown)).not.toContain('alohi_pat_example_0000');
    note?.onClick?.();
    expect(focused).toBe(1);
    expect(events).toContainEqual({ event: 'event:focus-entry', payload: { id: entry.id } });
  });
});

// security.md 36 through the composed core: quitting (core.stop(), what main/index.ts calls
// on before-quit) and locking wipe copied headers, but never what the user copied since.
describe('copied headers on quit and lock (security.md 36)', () => {
  const PAT = 'alohi_pat_quit_path_7f3a';

  async function copyPatHeaders(): Promise<void> {
    await call('vault:create', { password: PASSWORD });
    const entry = core.vault.add(
      {
        kind: 'faxplus-pat',
        provider: 'faxplus',
        label: 'quit test',
        status: 'active',
        expiresAt: null,
        scopes: [],
      },
      { pat: PAT },
    );
    const copied = await call<{ clearsAt: number | null }>('headers:copy', { id: entry.id });
    expect(copied).toMatchObject({ ok: true });
    expect(clipboard.text).toContain(PAT);
  }

  it('copy headers -> quit -> the clipboard is cleared', async () => {
    await copyPatHeaders();
    core.stop();
    expect(clipboard.text).toBe('');
    expect(clipboard.clears).toBe(1);
  });

  it('copy headers -> the user copies something else -> quit -> left alone', async () => {
    await copyPatHeaders();
    clipboard.userCopies('a shopping list');
    core.stop();
    expect(clipboard.text).toBe('a shopping list');
    expect(clipboard.clears).toBe(0);
  });

  it('copy headers -> lock -> the clipboard is cleared', async () => {
    await copyPatHeaders();
    expect(await call('vault:lock')).toMatchObject({ ok: true, value: { locked: true } });
    expect(clipboard.text).toBe('');
  });

  it('copy headers -> the user copies something else -> lock -> left alone', async () => {
    await copyPatHeaders();
    clipboard.userCopies('a shopping list');
    await call('vault:lock');
    expect(clipboard.text).toBe('a shopping list');
  });
});

describe('overriddenProviderOrigins', () => {
  it('lists the origin of an overridden accounts URL, and nothing for bad values', () => {
    expect(
      overriddenProviderOrigins({ TOKENVAULT_FAXPLUS_ACCOUNTS_URL: 'http://127.0.0.1:47001/x' }),
    ).toEqual(['http://127.0.0.1:47001']);
    expect(overriddenProviderOrigins({ TOKENVAULT_FAXPLUS_ACCOUNTS_URL: 'not a url' })).toEqual([]);
    expect(overriddenProviderOrigins({})).toEqual([]);
  });
});
