import { listReminderItems } from '../../core/reminders/reminder-items';
import type { CommandRun } from '../cli-context';
import { JSON_VERSION, json, reminderJson, table } from '../cli-output';

/** Computed from metadata only, like the app's tray: works without the password. */
export const run: CommandRun = async (ctx) => {
  const core = await ctx.core();
  core.requireVault();
  const settings = await core.settings();
  const items = listReminderItems(core.vault.list(), settings, core.clock.now(), 'en');
  const reminders = items.map(reminderJson);
  if (ctx.flag('json')) {
    ctx.io.stdout(json({ version: JSON_VERSION, reminders }));
    return;
  }
  if (reminders.length === 0) {
    ctx.io.stderr('Nothing to remind: no entry has a deadline.\n');
    return;
  }
  ctx.io.stdout(
    table(
      ['SEVERITY', 'LABEL', 'PROVIDER', 'DEADLINE', 'MESSAGE'],
      reminders.map((r) => [
        r.severity,
        r.label,
        r.provider,
        r.deadline ? r.deadline.slice(0, 16).replace('T', ' ') : '-',
        r.message,
      ]),
    ),
  );
};
