// Per-entry reminder controls in the entry detail: mute (no notifications, out of "Needs
// attention") and snooze for a while. Saved in the vault's metadata through setReminders,
// so they also work while the vault is locked elsewhere (tray, notifications).
import { useId, useState } from 'react';
import type { EntryView } from '../../../preload/api';
import { errorText } from '../../i18n/api-errors';
import { formatDateTime, t } from '../../i18n/i18n';
import { Button } from '../../ui/button';
import { useToast } from '../../ui/toast';
import { settle, useApi } from '../../vault-client';
import { isSnoozed, snoozeChoices } from './reminder-state';
import './reminders.css';

export function ReminderControls({ entry, now }: { entry: EntryView; now: number }) {
  const api = useApi();
  const toast = useToast();
  const [busy, setBusy] = useState(false);
  const muteId = useId();
  const snoozed = isSnoozed(entry, now);
  /** The switch follows the click at once; the entry's refreshed metadata then takes over. */
  const [mutedChoice, setMutedChoice] = useState<boolean | undefined>();
  // Once main's answer arrived (the entry says the same), the entry is the truth again.
  if (mutedChoice !== undefined && (entry.muted === true) === mutedChoice)
    setMutedChoice(undefined);
  const muted = mutedChoice ?? entry.muted === true;

  const save = async (patch: { muted?: boolean; snoozedUntil?: number | null }) => {
    setBusy(true);
    const result = await settle(() => api.setReminders({ id: entry.id, ...patch }));
    setBusy(false);
    if (result.ok) toast.show(t('reminders.entry.saved', { label: entry.label }), 'success');
    else toast.show(errorText(result.error), 'error');
    return result.ok;
  };

  return (
    <section className="detail__section reminder-controls" aria-labelledby={`${muteId}-title`}>
      <h4 className="detail__heading" id={`${muteId}-title`}>
        {t('reminders.entry.title')}
      </h4>
      <label className="switch" htmlFor={muteId}>
        <input
          id={muteId}
          type="checkbox"
          role="switch"
          checked={!muted}
          disabled={busy}
          onChange={(e) => {
            const next = !e.target.checked;
            setMutedChoice(next);
            void save({ muted: next }).then((ok) => {
              if (!ok) setMutedChoice(undefined);
            });
          }}
        />
        <span>{t('reminders.entry.remind')}</span>
      </label>
      {muted ? <p className="reminder-controls__hint">{t('reminders.entry.mutedHint')}</p> : null}
      {!muted ? (
        <div
          className="reminder-controls__snooze"
          role="group"
          aria-label={t('reminders.entry.snoozeLabel')}
        >
          <span className="reminder-controls__label">{t('reminders.entry.snoozeLabel')}</span>
          {snoozeChoices.map((choice) => (
            <Button
              key={choice.key}
              disabled={busy}
              onClick={() => void save({ snoozedUntil: now + choice.ms })}
            >
              {t(choice.key)}
            </Button>
          ))}
        </div>
      ) : null}
      {snoozed && entry.snoozedUntil !== undefined && !muted ? (
        <p className="reminder-controls__hint">
          {t('reminders.entry.snoozedUntil', {
            date: formatDateTime(entry.snoozedUntil),
          })}{' '}
          <Button variant="ghost" disabled={busy} onClick={() => void save({ snoozedUntil: null })}>
            {t('reminders.entry.resume')}
          </Button>
        </p>
      ) : null}
    </section>
  );
}
