// The reminders part of the settings: lead times as chips (remove with ×, add "2d", "12h"…)
// and the close-to-tray switch. Each change is saved at once through main, whose answer
// (sorted, validated) is what the chips then show.
import { useId, useState } from 'react';
import type { Settings } from '../../../preload/api';
import { errorText } from '../../i18n/api-errors';
import { t } from '../../i18n/i18n';
import { Button } from '../../ui/button';
import { TextField } from '../../ui/text-field';
import type { SettingsState } from '../../vault-client';
import { addLead, DEFAULT_LEADS, formatLead } from './reminder-state';
import './reminders.css';

export interface RemindersSettingsProps {
  saved: Settings;
  update: SettingsState['update'];
}

export function RemindersSettingsSection({ saved, update }: RemindersSettingsProps) {
  const [draft, setDraft] = useState('');
  const [problem, setProblem] = useState<string | undefined>();
  const [status, setStatus] = useState<'idle' | 'saving' | 'saved'>('idle');
  /** The switch follows the click at once; main's answer then replaces it. */
  const [trayChoice, setTrayChoice] = useState<boolean | undefined>();
  const leadsId = useId();
  const leads = saved.reminderLeadMinutes;

  const save = async (patch: Partial<Settings>): Promise<boolean> => {
    setStatus('saving');
    const result = await update(patch);
    if (result.ok) {
      setStatus('saved');
      return true;
    }
    setStatus('idle');
    setProblem(errorText(result.error));
    return false;
  };

  const add = async () => {
    const next = addLead(leads, draft);
    if ('problem' in next) {
      setStatus('idle');
      setProblem(t(next.problem));
      return;
    }
    setProblem(undefined);
    if (await save({ reminderLeadMinutes: next.leads })) setDraft('');
  };

  const isDefault =
    leads.length === DEFAULT_LEADS.length && leads.every((m, i) => m === DEFAULT_LEADS[i]);

  return (
    <fieldset className="settings__group reminders-settings">
      <legend className="settings__legend">{t('reminders.settings.title')}</legend>
      <p className="field__label" id={leadsId}>
        {t('reminders.settings.leads')}
      </p>
      <p className="field__hint">{t('reminders.settings.leadsHint')}</p>
      <p className="field__hint">{t('reminders.settings.locked')}</p>
      {leads.length > 0 ? (
        <ul className="chips" aria-labelledby={leadsId}>
          {leads.map((minutes) => {
            const text = formatLead(minutes);
            return (
              <li key={minutes} className="chip">
                <span>{text}</span>
                <button
                  type="button"
                  className="chip__remove"
                  aria-label={t('reminders.settings.remove', { lead: text })}
                  disabled={status === 'saving'}
                  onClick={() =>
                    void save({ reminderLeadMinutes: leads.filter((m) => m !== minutes) })
                  }
                >
                  ×
                </button>
              </li>
            );
          })}
        </ul>
      ) : (
        <p className="chips__none">{t('reminders.settings.none')}</p>
      )}
      {/* Inside the settings form: Enter adds here instead of submitting that form. */}
      <div className="chips__add">
        <TextField
          label={t('reminders.settings.addLabel')}
          hint={t('reminders.settings.addHint')}
          value={draft}
          error={problem}
          onChange={(e) => {
            setDraft(e.target.value);
            setProblem(undefined);
          }}
          name="reminderLead"
          autoComplete="off"
          onKeyDown={(e) => {
            if (e.key !== 'Enter') return;
            e.preventDefault();
            void add();
          }}
        />
        <Button disabled={draft.trim() === '' || status === 'saving'} onClick={() => void add()}>
          {t('reminders.settings.add')}
        </Button>
        <Button
          variant="ghost"
          disabled={isDefault || status === 'saving'}
          onClick={() => void save({ reminderLeadMinutes: [...DEFAULT_LEADS] })}
        >
          {t('reminders.settings.reset')}
        </Button>
      </div>
      <label className="switch">
        <input
          type="checkbox"
          role="switch"
          checked={trayChoice ?? saved.closeToTray}
          disabled={status === 'saving'}
          onChange={(e) => {
            const closeToTray = e.target.checked;
            setTrayChoice(closeToTray);
            void save({ closeToTray }).finally(() => setTrayChoice(undefined));
          }}
        />
        <span>{t('reminders.settings.closeToTray')}</span>
      </label>
      <p className="field__hint">{t('reminders.settings.closeToTrayHint')}</p>
      <span className="settings__saved" role="status">
        {status === 'saved' ? t('reminders.settings.saved') : ''}
      </span>
    </fieldset>
  );
}
