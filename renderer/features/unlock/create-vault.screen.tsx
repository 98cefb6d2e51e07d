// First run: choose the master password. The rules come from main (getPasswordRules) and are
// checked as the user types; the button stays disabled until every check passes.
import { useState, type FormEvent } from 'react';
import type { VaultStatus } from '../../../preload/api';
import { errorText } from '../../i18n/api-errors';
import { t } from '../../i18n/i18n';
import { Button } from '../../ui/button';
import { TextField } from '../../ui/text-field';
import { settle, useApi, usePasswordRules } from '../../vault-client';
import { checkNewPassword } from './password-check';
import { DerivingKey } from './deriving-key';
import { GateForm } from './gate-form';

export function CreateVaultScreen({ onCreated }: { onCreated: (status: VaultStatus) => void }) {
  const api = useApi();
  const rules = usePasswordRules();
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>();

  // Say "differ" only once typing on cannot fix it: not while the confirmation is a prefix.
  const mismatch = confirm.length > 0 && !password.startsWith(confirm);
  const result = rules.value ? checkNewPassword(rules.value, password, confirm) : undefined;
  const checkText = {
    length: t('create.rule.length', { min: rules.value?.minLength ?? 0 }),
    match: t('create.rule.match'),
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!result?.valid || busy) return;
    setBusy(true);
    setError(undefined);
    const created = await settle(() => api.createVault({ password }));
    setBusy(false);
    if (created.ok) {
      setPassword('');
      setConfirm('');
      onCreated(created.value);
    } else {
      setError(errorText(created.error));
    }
  };

  return (
    <GateForm
      titleId="create-title"
      title={t('create.title')}
      lead={t('create.lead')}
      onSubmit={submit}
    >
      <TextField
        label={t('create.password')}
        type="password"
        autoComplete="new-password"
        autoFocus
        value={password}
        onChange={(e) => setPassword(e.target.value)}
        disabled={busy}
        hint={rules.value ? t('create.hint', { min: rules.value.minLength }) : undefined}
      />
      <TextField
        label={t('create.confirm')}
        type="password"
        autoComplete="new-password"
        value={confirm}
        onChange={(e) => setConfirm(e.target.value)}
        disabled={busy}
        error={mismatch ? t('create.mismatch') : undefined}
      />
      <ul className="rules" aria-label={t('create.rules')}>
        {result?.checks.map((check) => (
          <li key={check.id} className={check.ok ? 'rules__item rules__item--ok' : 'rules__item'}>
            <span className="rules__mark" aria-hidden="true">
              {check.ok ? '✓' : '•'}
            </span>
            {checkText[check.id]}
            <span className="visually-hidden">
              {check.ok ? t('create.rule.met') : t('create.rule.unmet')}
            </span>
          </li>
        ))}
      </ul>
      {error ? (
        <p className="gate__error" role="alert">
          {error}
        </p>
      ) : null}
      {busy ? <DerivingKey /> : null}
      <Button type="submit" variant="primary" disabled={!result?.valid} busy={busy}>
        {t('create.submit')}
      </Button>
      <p className="gate__note">{t('create.warning')}</p>
    </GateForm>
  );
}
