// English strings of the reminders: row badges, the "Needs attention" group, per-entry mute
// and snooze, and the reminders section of the settings.
export const enReminders = {
  'reminders.badge.ok': 'OK',
  'reminders.badge.soon': 'Expires soon',
  'reminders.badge.expired': 'Expired',
  'reminders.badge.needsReauth': 'Needs re-auth',
  'reminders.badge.revoked': 'Revoked',
  'reminders.badge.muted': 'Reminders off',
  'reminders.badge.snoozed': 'Snoozed',

  'reminders.attention.title': 'Needs attention',
  'reminders.attention.count': '{count} need attention',
  'reminders.attention.open': 'Open {label}',
  'reminders.attention.showAll': 'Show all {count}',
  'reminders.attention.noDeadline': 'Action needed now',

  'reminders.entry.title': 'Reminders',
  'reminders.entry.remind': 'Remind me before this expires',
  'reminders.entry.mutedHint':
    'No notifications about this entry; it stays out of “Needs attention”.',
  'reminders.entry.snoozedUntil': 'Snoozed until {date}.',
  'reminders.entry.snoozeLabel': 'Snooze',
  'reminders.entry.resume': 'Resume reminders',
  'reminders.entry.saved': 'Reminders updated for “{label}”.',
  'reminders.snooze.day': '1 day',
  'reminders.snooze.threeDays': '3 days',
  'reminders.snooze.week': '1 week',

  'reminders.settings.title': 'Reminders',
  'reminders.settings.leads': 'Remind me before a deadline',
  'reminders.settings.leadsHint':
    'A notification at each of these times before a token or authorization expires. Changes here are saved at once.',
  'reminders.settings.remove': 'Remove {lead}',
  'reminders.settings.addLabel': 'Add a time before the deadline',
  'reminders.settings.addHint': 'For example 2d, 12h, 30m or 2w (up to 90 days).',
  'reminders.settings.add': 'Add',
  'reminders.settings.reset': 'Restore defaults',
  'reminders.settings.none': 'No reminders before deadlines; only when something expires.',
  'reminders.settings.closeToTray': 'Keep running in the tray when the window is closed',
  'reminders.settings.closeToTrayHint':
    'Reminders arrive only while Token Vault runs. Quit it from the tray menu.',
  'reminders.settings.locked':
    'While the vault is locked, reminders and the tray still say what is due and when, but not which entry: names are sealed with your master password. Unlock to see them.',
  'reminders.settings.saved': 'Saved',
  'reminders.lead.invalid': 'Enter a duration such as 2d, 12h or 30m, from 1 minute to 90 days.',
  'reminders.lead.duplicate': 'That time is already in the list.',
  'reminders.lead.tooMany': 'Up to 10 times; remove one first.',
} as const;
