// One entry in the list: an option of the list's listbox, one fixed height (the list is
// windowed), no controls inside (actions live in the detail pane and on the keyboard). Every
// text comes from metadata and is rendered by React as text, so a label such as
// `<img onerror=…>` shows literally (security.md 33).
import { memo } from 'react';
import type { EntryView } from '../../../preload/api';
import { describeProblem } from '../../i18n/api-errors';
import { formatDateTime, t } from '../../i18n/i18n';
import {
  describeExpiry,
  kindNameKey,
  providerNameKey,
  relativeTime,
  statusNameKey,
  statusTone,
} from './entry-format';
import { ExpiryBadge } from '../reminders/expiry-badge';

/** Fixed row height in px; .row in screens.css uses the same value. */
export const ROW_HEIGHT = 64;

export interface TokenRowProps {
  entry: EntryView;
  now: number;
  /** DOM id, for the listbox's aria-activedescendant. */
  id?: string;
  selected?: boolean;
  /** 1-based position and list size, since only a window of rows exists in the DOM. */
  position?: number;
  size?: number;
  onPick?: (entry: EntryView) => void;
}

export const TokenRow = memo(function TokenRow({
  entry,
  now,
  id,
  selected = false,
  position,
  size,
  onPick,
}: TokenRowProps) {
  const expiry = describeExpiry(entry, now);
  const when = expiry.at !== undefined ? relativeTime(expiry.at, now) : '';
  const exact = expiry.at !== undefined ? formatDateTime(expiry.at) : undefined;
  const account = entry.account?.email ?? entry.account?.name ?? entry.account?.id;
  // Main's sentence is English; other languages show one drawn from the status, main's words
  // on hover and in the detail pane. The row is one line, so the hover also shows what the
  // ellipsis cut.
  const problem = entry.lastError ? describeProblem(entry.status, entry.lastError) : undefined;
  const labelId = id ? `${id}-label` : undefined;
  return (
    <div
      role="option"
      id={id}
      className={selected ? 'row row--selected' : 'row'}
      data-entry-id={entry.id}
      aria-selected={selected}
      aria-labelledby={labelId}
      aria-posinset={position}
      aria-setsize={size}
      onClick={() => onPick?.(entry)}
    >
      <div className="row__main">
        <span className="row__label" id={labelId}>
          {entry.label}
        </span>
        <span className="row__meta">
          <span className={`badge badge--${entry.provider}`}>
            {t(providerNameKey[entry.provider])}
          </span>
          <span className="row__kind">{t(kindNameKey[entry.kind])}</span>
          {entry.team ? (
            <span className="badge badge--team">{t('row.team', { team: entry.team })}</span>
          ) : null}
          {account ? <span className="row__account">{account}</span> : null}
          {entry.preview ? <code className="row__preview">{entry.preview}</code> : null}
          {problem ? (
            <span className="row__problem" title={problem.detail ?? problem.title}>
              {problem.title}
            </span>
          ) : null}
        </span>
      </div>
      <ExpiryBadge entry={entry} now={now} besideStatus />
      <div className="row__side">
        {/* "Active" beside "Expired 2 hours ago" would contradict itself; the expiry says it. */}
        {entry.status === 'active' && expiry.tone === 'danger' ? null : (
          <span className={`status status--${statusTone[entry.status]}`}>
            {t(statusNameKey[entry.status])}
          </span>
        )}
        <span className={`expiry expiry--${expiry.tone}`} title={exact}>
          {t(expiry.key, { when })}
        </span>
      </div>
    </div>
  );
});
