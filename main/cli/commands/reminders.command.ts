import { listLockedReminderItems, listReminderItems } from '../../core/reminders/reminder-items';
import type { EntryView } from '../../../preload/api';
import type { LockedDeadline } from '../../core/reminders/reminder.types';
import type { CommandRun } from '../cli-context';
import { CliError, EXIT } from '../cli-errors';
import type { CliReadCore } from '../cli-read-core';
import { loadSettings } from '../cli-settings';
import { JSON_VERSION, json, lockedReminderJson, reminderJson, tableBytes } from '../cli-output';

const minute = (iso: string | null): string => (iso ? iso.slice(0, 16).replace('T', ' ') : '-');

/**
 * With a session or the master password: every reminder, named, from the read path (the
 * sealed listing, as `list` reads it). Without (--locked, or no session, nobody to ask and no
 * TOKENVAULT_PASSWORD): the locked view from the locked index, which names no entry.
 */
export const run: CommandRun = async (ctx) => {
  const canAskPassword =
    ctx.io.stdinIsTTY || ctx.flag('password-stdin') || Boolean(ctx.io.env['TOKENVAULT_PASSWORD']);
  const session = Boolean(ctx.io.env['TOKENVAULT_SESSION']);
  let locked = ctx.flag('locked') || !(canAskPassword || session);
  let reader: CliReadCore | undefined;
  if (!locked) {
    try {
      reader = await ctx.unlockedReader({ extent: 'listing' });
    } catch (error) {
      // A session that has ended, with no password to fall back on: the locked view, as
      // without a session (the message says why).
      if (canAskPassword || !(error instanceof CliError) || error.exitCode !== EXIT.vault) {
        throw error;
      }
      ctx.io.stderr(`tokenvault: ${error.message}\n`);
      locked = true;
    }
  }
  const now = Date.now();
  // No reader unlocked: the locked view.
  if (!reader) {
    const personal = await (await ctx.reader()).lockedIndex();
    const settings = await loadSettings(ctx.vaultDir);
    // Shared deadlines too: the team's offline copy keeps its own locked index.
    // (An empty list without a team: the copy file is not there.)
    const shared: LockedDeadline[] = new (await import('../../core/team/team-local')).TeamFiles(
      ctx.vaultDir,
    ).lockedIndex();
    const items = listLockedReminderItems([...personal, ...shared], settings, now, 'en');
    const reminders = items.map(lockedReminderJson);
    if (ctx.flag('json')) {
      ctx.io.stdout(json({ version: JSON_VERSION, locked: true, reminders }));
      return;
    }
    ctx.io.stderr(
      'tokenvault: the vault is locked; entry names need the master password (run at a terminal, set TOKENVAULT_PASSWORD, or `tokenvault unlock`).\n',
    );
    if (reminders.length === 0) {
      ctx.io.stderr('Nothing to remind: no entry has a deadline.\n');
      return;
    }
    ctx.io.stdout(
      tableBytes(
        ['SEVERITY', 'DEADLINE', 'MESSAGE'],
        [
          reminders.map((r) => r.severity),
          reminders.map((r) => minute(r.deadline)),
          reminders.map((r) => r.message),
        ],
      ),
    );
    return;
  }
  // Personal entries, then the team's shared ones (synced first, as `list` does).
  const entries: EntryView[] = await reader.list();
  const settings = await loadSettings(ctx.vaultDir);
  const reminders = listReminderItems(entries, settings, now, 'en').map(reminderJson);
  if (ctx.flag('json')) {
    ctx.io.stdout(json({ version: JSON_VERSION, reminders }));
    return;
  }
  if (reminders.length === 0) {
    ctx.io.stderr('Nothing to remind: no entry has a deadline.\n');
    return;
  }
  ctx.io.stdout(
    tableBytes(
      ['SEVERITY', 'LABEL', 'PROVIDER', 'DEADLINE', 'MESSAGE'],
      [
        reminders.map((r) => r.severity),
        reminders.map((r) => r.label),
        reminders.map((r) => r.provider),
        reminders.map((r) => minute(r.deadline)),
        reminders.map((r) => r.message),
      ],
    ),
  );
};
