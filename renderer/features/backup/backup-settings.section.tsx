// Settings -> Backup and keychain: encrypted export/import (main shows the file dialogs; the
// renderer only sends the passphrase) and the "unlock with the system keychain" toggle, which
// is disabled with main's reason where no real keychain exists.
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import type { BackupConflictRule, KeychainStatus } from '../../../preload/api';
import { describeKeychainReason, errorText } from '../../i18n/api-errors';
import { formatNumber, t } from '../../i18n/i18n';
import { Button } from '../../ui/button';
import { Described } from '../../ui/described';
import { SelectField } from '../../ui/select-field';
import { TextField } from '../../ui/text-field';
import { settle, useApi } from '../../vault-client';
import {
  conflictOptions,
  exportPassphraseError,
  importSummaryText,
  isConflictRule,
} from './backup-form';

type Feedback = { kind: 'ok' | 'error'; text: string } | undefined;

export function BackupSettingsSection() {
  return (
    <>
      <KeychainToggle />
      <ExportForm />
      <ImportForm />
    </>
  );
}

function KeychainToggle() {
  const api = useApi();
  const [status, setStatus] = useState<KeychainStatus | undefined>();
  const [feedback, setFeedback] = useState<Feedback>();
  const [busy, setBusy] = useState(false);

  const load = useCallback(async () => {
    const result = await settle(() => api.getKeychainStatus());
    if (result.ok) setStatus(result.value);
    else setFeedback({ kind: 'error', text: errorText(result.error) });
  }, [api]);
  useEffect(() => {
    let live = true;
    void settle(() => api.getKeychainStatus()).then((result) => {
      if (live && result.ok) setStatus(result.value);
    });
    return () => {
      live = false;
    };
  }, [api]);

  const toggle = async (on: boolean) => {
    setBusy(true);
    setFeedback(undefined);
    const result = await settle(() =>
      on ? api.enableKeychainUnlock() : api.disableKeychainUnlock(),
    );
    setBusy(false);
    if (!result.ok) setFeedback({ kind: 'error', text: errorText(result.error) });
    await load();
  };

  return (
    <fieldset className="settings__group" aria-busy={busy}>
      <legend className="settings__legend">{t('keychain.title')}</legend>
      <label className="switch">
        <input
          type="checkbox"
          role="switch"
          checked={status?.enabled ?? false}
          disabled={!status || busy || (!status.available && !status.enabled)}
          onChange={(e) => void toggle(e.target.checked)}
        />
        <span>{t('keychain.toggle')}</span>
      </label>
      <p className="field__hint">
        {status && !status.available ? (
          <Described description={describeKeychainReason(status.reason ?? '')} />
        ) : (
          t('keychain.hint')
        )}
      </p>
      {feedback ? <Message feedback={feedback} /> : null}
    </fieldset>
  );
}

function ExportForm() {
  const api = useApi();
  const [passphrase, setPassphrase] = useState('');
  const [confirm, setConfirm] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [feedback, setFeedback] = useState<Feedback>();
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const problem = exportPassphraseError(passphrase, confirm);
    setError(problem);
    setFeedback(undefined);
    if (problem) return;
    setBusy(true);
    const result = await settle(() => api.exportBackup({ password: passphrase }));
    setBusy(false);
    if (result.ok) {
      setPassphrase('');
      setConfirm('');
      setFeedback({
        kind: 'ok',
        text: t('backup.export.done', {
          count: formatNumber(result.value.entries),
          path: result.value.path,
        }),
      });
    } else if (result.error.code !== 'cancelled') {
      setFeedback({ kind: 'error', text: errorText(result.error) });
    }
  };

  return (
    <form className="settings__form" onSubmit={(e) => void submit(e)} noValidate>
      <fieldset className="settings__group">
        <legend className="settings__legend">{t('backup.export.title')}</legend>
        <TextField
          label={t('backup.passphrase')}
          type="password"
          autoComplete="new-password"
          value={passphrase}
          onChange={(e) => setPassphrase(e.target.value)}
          hint={t('backup.passphrase.hint')}
        />
        <TextField
          label={t('backup.passphrase.repeat')}
          type="password"
          autoComplete="new-password"
          value={confirm}
          onChange={(e) => setConfirm(e.target.value)}
          error={error}
        />
        <div className="settings__actions">
          <Button type="submit" variant="secondary" busy={busy}>
            {t('backup.export.submit')}
          </Button>
        </div>
        {feedback ? <Message feedback={feedback} /> : null}
      </fieldset>
    </form>
  );
}

function ImportForm() {
  const api = useApi();
  const [passphrase, setPassphrase] = useState('');
  const [rule, setRule] = useState<BackupConflictRule>('skip');
  const [feedback, setFeedback] = useState<Feedback>();
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setFeedback(undefined);
    setBusy(true);
    const result = await settle(() => api.importBackup({ password: passphrase, onConflict: rule }));
    setBusy(false);
    if (result.ok) {
      setPassphrase('');
      setFeedback({ kind: 'ok', text: importSummaryText(result.value) });
    } else if (result.error.code !== 'cancelled') {
      setFeedback({ kind: 'error', text: errorText(result.error) });
    }
  };

  return (
    <form className="settings__form" onSubmit={(e) => void submit(e)} noValidate>
      <fieldset className="settings__group">
        <legend className="settings__legend">{t('backup.import.title')}</legend>
        <TextField
          label={t('backup.passphrase')}
          type="password"
          autoComplete="off"
          value={passphrase}
          onChange={(e) => setPassphrase(e.target.value)}
        />
        <SelectField
          label={t('backup.import.conflict')}
          value={rule}
          onChange={(e) => {
            if (isConflictRule(e.target.value)) setRule(e.target.value);
          }}
          options={conflictOptions()}
        />
        <div className="settings__actions">
          <Button type="submit" variant="secondary" busy={busy} disabled={passphrase === ''}>
            {t('backup.import.submit')}
          </Button>
        </div>
        {feedback ? <Message feedback={feedback} /> : null}
      </fieldset>
    </form>
  );
}

function Message({ feedback }: { feedback: NonNullable<Feedback> }) {
  return feedback.kind === 'ok' ? (
    <p className="settings__saved" role="status">
      {feedback.text}
    </p>
  ) : (
    <p className="settings__error" role="alert">
      {feedback.text}
    </p>
  );
}
