// "Needs attention" above the list: entries expiring within the longest lead time, expired,
// or needing re-authorization, most urgent first; muted and snoozed ones stay out. A click
// opens the entry; "Show all" switches the list to its attention filter.
import { useMemo } from 'react';
import type { EntryView } from '../../../preload/api';
import { t } from '../../i18n/i18n';
import { Button } from '../../ui/button';
import { providerNameKey, relativeTime } from '../tokens/entry-format';
import { ExpiryBadge } from './expiry-badge';
import { useLeadTimes } from './lead-times.context';
import { attentionEntries, deadlineOf } from './reminder-state';
import './reminders.css';

export interface AttentionGroupProps {
  entries: readonly EntryView[];
  now: number;
  onOpen: (entry: EntryView) => void;
  /** Shows every attention entry in the list itself (its filter). */
  onShowAll?: () => void;
  /** Rows shown before "Show all". */
  limit?: number;
}

export function AttentionGroup({
  entries,
  now,
  onOpen,
  onShowAll,
  limit = 5,
}: AttentionGroupProps) {
  const leads = useLeadTimes();
  // The whole vault is scanned: only again when the entries, the time or the lead times change.
  const urgent = useMemo(() => attentionEntries(entries, now, leads), [entries, now, leads]);
  if (urgent.length === 0) return null;
  return (
    <section className="attention" aria-labelledby="attention-title">
      <div className="attention__head">
        <h3 id="attention-title" className="attention__title">
          <span className="attention__mark" aria-hidden="true">
            !
          </span>
          {t('reminders.attention.title')}
        </h3>
        <span className="attention__count">
          {t('reminders.attention.count', { count: urgent.length })}
        </span>
        {urgent.length > limit && onShowAll ? (
          <Button variant="ghost" className="attention__all" onClick={onShowAll}>
            {t('reminders.attention.showAll', { count: urgent.length })}
          </Button>
        ) : null}
      </div>
      <ul className="attention__list">
        {urgent.slice(0, limit).map((entry) => {
          const at = deadlineOf(entry);
          return (
            <li key={entry.id} className="attention__item">
              <button
                type="button"
                className="attention__open"
                aria-label={t('reminders.attention.open', { label: entry.label })}
                onClick={() => onOpen(entry)}
              >
                <span className="attention__label">{entry.label}</span>
                <span className="attention__provider">{t(providerNameKey[entry.provider])}</span>
                <ExpiryBadge entry={entry} now={now} />
                <span className="attention__when">
                  {at !== null && entry.status !== 'needs-reauth'
                    ? relativeTime(at, now)
                    : t('reminders.attention.noDeadline')}
                </span>
              </button>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
