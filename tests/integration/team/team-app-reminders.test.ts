// Issue 15: shared deadlines remind like personal ones in the app. TeamApp merges the team's
// entries into what reminders, the tray and the list read; with the vault locked, the team's
// locked index (from its sealed copy) keeps the shared deadline in the locked reminders, and
// with the database stopped the unlocked app still lists it from the copy.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EntryView } from '../../../preload/api';
import {
  listLockedReminderItems,
  listReminderItems,
} from '../../../main/core/reminders/reminder-items';
import { DEFAULT_SETTINGS } from '../../../main/core/settings/settings.service';
import { TeamApp, mergedEntries } from '../../../main/core/team/team-app';
import type { NewEntry } from '../../../main/core/vault/vault.types';
import { postgresBin, startPostgres, type PostgresServer } from '../../support/postgres';
import { PASSWORD, makeVault, tempDir } from '../../unit/core/vault/vault-helpers';

const DAY = 24 * 3600e3;
const HAVE_POSTGRES = postgresBin() !== undefined;
let server: PostgresServer;

beforeAll(async () => {
  if (HAVE_POSTGRES) server = await startPostgres();
}, 60_000);
afterAll(() => server?.stop());

describe.skipIf(!HAVE_POSTGRES)('shared deadlines in the app (needs PostgreSQL)', () => {
  it('remind while unlocked, while locked (without a name), and while the database is down', async () => {
    const dir = tempDir();
    const { vault, clock } = makeVault(dir, () => 0);
    await vault.create(PASSWORD);
    const events: string[] = [];
    const team = new TeamApp({
      dataDir: dir,
      vault,
      clock,
      scheduler: clock,
      refresher: () => Promise.reject(new Error('no refresh here')),
      emit: (event) => void events.push(event),
    });
    team.start();
    const entries = mergedEntries(vault, team);
    try {
      await team.connect({ mode: 'init', connectionString: server.url, name: 'alice' });
      const key: NewEntry = {
        label: 'partner key',
        provider: 'api-key',
        kind: 'api-key',
        status: 'active',
        headerName: 'X-Api-Key',
        template: '{token}',
        extraHeaders: [],
        expiresAt: clock.now() + 2 * DAY,
      };
      const personal = vault.add(key, { secret: 'pk_live_0123456789' });
      const shared: EntryView = await team.share(personal.id);
      expect(events).toContain('event:team-status');
      const named = listReminderItems(entries.list(), DEFAULT_SETTINGS, clock.now());
      expect(named).toContainEqual(
        expect.objectContaining({ entryId: shared.id, label: 'partner key', severity: 'warning' }),
      );

      // Locked: no name, but the shared deadline is still there.
      vault.lock();
      await new Promise((resolve) => setImmediate(resolve));
      expect(entries.list()).toEqual([]);
      const locked = listLockedReminderItems(entries.lockedIndex(), DEFAULT_SETTINGS, clock.now());
      expect(locked.map((r) => r.entryId)).toContain(shared.id);
      expect(JSON.stringify(locked)).not.toContain('partner key');

      // The database stops; unlocked again, the app reads the sealed copy and still reminds.
      server.kill();
      try {
        const opened = new Promise<void>((resolve) => {
          const off = team.onChange((reason) => {
            if (reason !== 'team-open') return;
            off();
            resolve();
          });
        });
        await vault.unlock(PASSWORD);
        await opened;
        expect(entries.list().map((e) => e.id)).toContain(shared.id);
        expect(team.status().offlineSince).toBeDefined();
        expect(
          listReminderItems(entries.list(), DEFAULT_SETTINGS, clock.now()).map((r) => r.entryId),
        ).toContain(shared.id);
      } finally {
        server.restart();
      }
    } finally {
      await team.stop();
    }
  });
});
