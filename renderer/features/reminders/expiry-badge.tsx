// The reminder state of an entry as a small badge: words first (OK, Expires soon, Expired,
// Needs re-auth, Revoked), a shape second, colour last, so it reads without colour vision.
import type { EntryView } from '../../../preload/api';
import { t } from '../../i18n/i18n';
import { useLeadTimes } from './lead-times.context';
import { badgeOf, badgeText, isSnoozed, type BadgeKind } from './reminder-state';
import './reminders.css';

const glyph: Record<BadgeKind, string> = {
  ok: '✓',
  soon: '◷',
  expired: '!',
  'needs-reauth': '↻',
  revoked: '⊘',
};

export interface ExpiryBadgeProps {
  entry: EntryView;
  now: number;
  /** Shown next to the entry's status: leave out a badge that would repeat it. */
  besideStatus?: boolean;
}

export function ExpiryBadge({ entry, now, besideStatus = false }: ExpiryBadgeProps) {
  const leads = useLeadTimes();
  const kind = badgeOf(entry, now, leads);
  const repeatsStatus = besideStatus && (kind === entry.status || kind === 'revoked');
  const quiet = entry.muted
    ? t('reminders.badge.muted')
    : isSnoozed(entry, now)
      ? t('reminders.badge.snoozed')
      : undefined;
  return (
    <span className="rbadges">
      {repeatsStatus ? null : (
        <span className={`rbadge rbadge--${kind}`} data-badge={kind}>
          <span className="rbadge__glyph" aria-hidden="true">
            {glyph[kind]}
          </span>
          {t(badgeText[kind])}
        </span>
      )}
      {quiet ? <span className="rbadge rbadge--quiet">{quiet}</span> : null}
    </span>
  );
}
