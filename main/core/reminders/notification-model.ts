// Pure notification model: an alert becomes the words of a desktop notification and what a
// click does (open the app at the entry, or start re-authorization).
import { describeDeadline } from './reminder-items';
import { kindModule } from '../providers/registry';
import type { EntryAlert, ReminderAlert } from './reminder.types';

export type NotificationAction =
  { type: 'focus-entry'; id: string } | { type: 'reauthorize'; id: string };

export interface NotificationModel {
  id: string;
  title: string;
  body: string;
  action: NotificationAction;
}

// A summary body lists this many entries, then "and N more".
const SUMMARY_LINES = 5;

const reauthorizable = (alert: EntryAlert): boolean | undefined =>
  alert.entryKind === undefined ? undefined : kindModule(alert.entryKind).reauthorizable;

function titleFor(alert: EntryAlert): string {
  switch (alert.kind) {
    case 'needs-reauth':
      if (alert.entryKind === undefined) return 'Credential needs attention';
      return reauthorizable(alert) ? 'Re-authorization needed' : 'Credential rejected';
    case 'refresh-expiry':
      return alert.leadMinutes === 0 ? 'Authorization expired' : 'Authorization expiring';
    default:
      return alert.leadMinutes === 0 ? 'Token expired' : 'Token expiring';
  }
}

function actionFor(alert: EntryAlert): NotificationAction {
  // Re-authorizing is the one fix for an OAuth entry that lost (or is losing) its refresh
  // token; everything else opens the entry so the user can decide. An alert from the locked
  // index does not know the kind, but only OAuth entries have an authorization that expires.
  const reauth =
    (reauthorizable(alert) ?? alert.kind === 'refresh-expiry') &&
    (alert.kind === 'needs-reauth' || alert.kind === 'refresh-expiry');
  return reauth
    ? { type: 'reauthorize', id: alert.entryId }
    : { type: 'focus-entry', id: alert.entryId };
}

export function toNotification(
  alert: ReminderAlert,
  now: number,
  locale = 'en',
): NotificationModel {
  switch (alert.type) {
    case 'entry':
      return {
        id: alert.key,
        title: titleFor(alert),
        body: describeDeadline(alert, now, locale),
        action: actionFor(alert),
      };
    case 'summary': {
      const lines = alert.alerts
        .slice(0, SUMMARY_LINES)
        .map((a) => describeDeadline(a, now, locale));
      const rest = alert.alerts.length - lines.length;
      if (rest > 0) lines.push(`and ${rest} more`);
      const first = alert.alerts[0];
      return {
        id: alert.key,
        title: `${alert.alerts.length} credentials need attention`,
        body: lines.join('\n'),
        // A summary opens the app at the most urgent entry, where the rest are listed too.
        action: { type: 'focus-entry', id: first?.entryId ?? '' },
      };
    }
    case 'refresh-failed':
      return {
        id: alert.key,
        title: 'Refresh failed',
        // Fixed wording on purpose: provider error text stays out of notifications.
        body: `Could not refresh the access token of Fax.Plus '${alert.label}'. It will be tried again before use.`,
        action: { type: 'focus-entry', id: alert.entryId },
      };
  }
}
