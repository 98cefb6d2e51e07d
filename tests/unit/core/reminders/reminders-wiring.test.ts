// Issue 5's "Done when", through the composed core (createCore) on real files in a temp folder
// with a fake clock: while LOCKED, an entry crossing a lead time gives exactly one desktop
// notification and the tray turns from ok to warning; a restart on the same folder repeats
// nothing. Plus the tray's menu commands as the shell sends them.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EventMap, EventName } from '../../../../preload/api';
import { createCore, type Core } from '../../../../main/core/container';
import { nodeRandom } from '../../../../main/core/vault/crypto';
import { FakeClipboard } from '../../../fakes/fake-clipboard';
import { FakeClock } from '../../../fakes/fake-clock';
import { MemoryNotifier } from '../../../fakes/memory-notifier';
import { DAY, HOUR, MIN } from './reminder-fixtures';

const PASSWORD = 'Blue-Harbor-Lantern-42';
const SMS_TOKEN = 'sms-secret-token-value-0001';

let dir: string;
let clock: FakeClock;
let notifier: MemoryNotifier;
let clipboard: FakeClipboard;
let events: Array<{ event: EventName; payload: unknown }>;
let shown: number;
let opened: string[];
let core: Core;

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
    notifier,
    focusWindow: () => shown++,
    browser: {
      openExternal: async (url) => {
        opened.push(url);
      },
    },
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
  dir = mkdtempSync(join(tmpdir(), 'tv-reminders-'));
  clock = new FakeClock();
  notifier = new MemoryNotifier();
  clipboard = new FakeClipboard();
  events = [];
  shown = 0;
  opened = [];
  core = build();
});

afterEach(() => {
  core.stop();
  rmSync(dir, { recursive: true, force: true });
});

async function vaultWithToken(expiresIn: number): Promise<string> {
  await core.vault.create(PASSWORD);
  const entry = core.vault.add(
    {
      kind: 'smsfactor-token',
      provider: 'smsfactor',
      label: 'alerts',
      status: 'active',
      ttlSeconds: null,
      expiresAt: clock.now() + expiresIn,
      allowedIps: [],
      format: 'json',
    },
    { token: SMS_TOKEN },
  );
  return entry.id;
}

const reminders = () => notifier.shown.filter((n) => n.id !== 'tray-feedback');

describe('reminders through the composed core', () => {
  it('locked: crossing a lead time gives one notification, the tray warns, a restart repeats none', async () => {
    await vaultWithToken(8 * DAY);
    core.vault.lock();
    expect(core.vault.isUnlocked()).toBe(false);
    expect(reminders()).toEqual([]);
    expect(core.tray.model().state).toBe('ok');
    const trayStates: string[] = [];
    core.tray.onChange((model) => trayStates.push(model.state));

    // 8 days out -> the 7-day lead is crossed after one day.
    clock.advance(DAY + MIN);
    expect(reminders()).toHaveLength(1);
    // Locked, only the locked index is read: the deadline, never the entry's name.
    expect(reminders()[0]?.body).toBe('Replace an entry (unlock to see which) within 7 days');
    const rows = core.tray.model().items.filter((i) => i.type === 'entry');
    expect(rows.map((r) => r.label)).toEqual(['Locked entry — expires in 7 days']);
    expect(JSON.stringify(core.tray.model())).not.toContain('alerts');
    expect(core.tray.model().state).toBe('warning');
    expect(trayStates).toContain('warning');
    expect(core.vault.isUnlocked()).toBe(false);

    // More time inside the same stage: nothing new.
    clock.advance(HOUR);
    expect(reminders()).toHaveLength(1);

    // Restart on the same folder (a new core reads the persisted log): no duplicate.
    core.stop();
    core = build();
    clock.advance(MIN);
    expect(reminders()).toHaveLength(1);
    expect(core.tray.model().state).toBe('warning');

    // The next lead (3 days) still arrives, once.
    clock.advance(4 * DAY);
    expect(reminders()).toHaveLength(2);
    expect(reminders()[1]?.body).toBe('Replace an entry (unlock to see which) within 3 days');
    expect(JSON.stringify(notifier.shown)).not.toContain(SMS_TOKEN);
  });

  it('what fell due while the app was closed arrives once, at the next start', async () => {
    await vaultWithToken(8 * DAY);
    core.stop();
    clock.jump(7 * DAY + HOUR); // closed for a week: 7 d, 3 d and 1 d all passed
    core = build();
    expect(reminders()).toHaveLength(1);
    expect(reminders()[0]?.body).toMatch(/within 23 hours/);
    core.stop();
    core = build();
    expect(reminders()).toHaveLength(1);
  });

  it('clicking the notification shows the window at the entry', async () => {
    const id = await vaultWithToken(30 * MIN);
    const note = reminders()[0];
    expect(note).toBeDefined();
    notifier.click(note?.id ?? '');
    expect(shown).toBe(1);
    expect(events).toContainEqual({ event: 'event:focus-entry', payload: { id } });
  });

  it('a settings change to the lead times applies at once', async () => {
    await vaultWithToken(10 * DAY);
    expect(reminders()).toEqual([]);
    core.settings.update({ reminderLeadMinutes: [14 * 24 * 60] });
    expect(reminders()).toHaveLength(1);
    expect(core.tray.model().state).toBe('warning');
  });
});

describe('tray commands', () => {
  it('copy headers while locked asks to unlock: window shown at the entry, clipboard untouched', async () => {
    const id = await vaultWithToken(30 * DAY);
    core.vault.lock();
    await core.onTrayCommand({ type: 'copy-headers', entryId: id });
    expect(shown).toBe(1);
    expect(events).toContainEqual({ event: 'event:focus-entry', payload: { id } });
    expect(clipboard.readText()).toBe('');
  });

  it('copy headers while unlocked puts the headers on the clipboard', async () => {
    const id = await vaultWithToken(30 * DAY);
    await core.onTrayCommand({ type: 'copy-headers', entryId: id });
    expect(clipboard.readText()).toContain(SMS_TOKEN);
    expect(shown).toBe(0);
    expect(notifier.shown.at(-1)).toMatchObject({ title: 'Headers copied' });
    expect(JSON.stringify(notifier.shown)).not.toContain(SMS_TOKEN);
  });

  it('lock locks, and the tray menu then offers no Lock', async () => {
    await vaultWithToken(30 * DAY);
    const lockItem = () => core.tray.model().items.find((i) => i.type === 'lock');
    expect(lockItem()).toMatchObject({ enabled: true });
    await core.onTrayCommand({ type: 'lock' });
    expect(core.vault.isUnlocked()).toBe(false);
    expect(lockItem()).toMatchObject({ enabled: false });
  });

  it('re-authorize asks to unlock when locked, and opens the browser when unlocked', async () => {
    await core.vault.create(PASSWORD);
    const entry = core.vault.add(
      {
        kind: 'faxplus-oauth',
        provider: 'faxplus',
        label: 'billing',
        status: 'needs-reauth',
        clientId: 'APIKexample',
        redirectMode: 'scheme',
        allowMissingState: false,
        advancedSecurity: true,
        authorizedAt: clock.now() - 40 * DAY,
        refreshExpiresAt: clock.now() - DAY,
      },
      { clientSecret: 'client-secret-value' },
    );
    const reauth = core.tray
      .model()
      .items.flatMap((i) => (i.type === 'entry' ? i.actions : []))
      .find((a) => a.type === 'reauthorize');
    expect(reauth).toMatchObject({ entryId: entry.id, label: 'Re-authorize…' });

    core.vault.lock();
    // The "Re-authorization needed" notification, clicked while locked: the entry, no browser.
    const note = reminders().find((n) => n.title === 'Re-authorization needed');
    notifier.click(note?.id ?? '');
    await Promise.resolve();
    expect(shown).toBe(1);
    await core.onTrayCommand({ type: 'reauthorize', entryId: entry.id });
    expect(opened).toEqual([]);
    expect(shown).toBe(2);

    await core.vault.unlock(PASSWORD);
    await core.onTrayCommand({ type: 'reauthorize', entryId: entry.id });
    expect(opened).toHaveLength(1);
    expect(opened[0]).toContain('APIKexample');
    expect(opened[0]).not.toContain('client-secret-value');
    expect(events).toContainEqual({ event: 'event:focus-entry', payload: { id: entry.id } });
  });

  it('open shows the window', async () => {
    await core.onTrayCommand({ type: 'open' });
    expect(shown).toBe(1);
  });
});
