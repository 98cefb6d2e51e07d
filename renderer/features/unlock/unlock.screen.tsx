// The lock screen: one password field. A wrong password is said plainly beside the field,
// which keeps focus (text selected) so the user can simply type again.
import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { VaultStatus } from '../../../preload/api';
import { describeNewerFormat, describeRecoveryNotice, errorText } from '../../i18n/api-errors';
import { t } from '../../i18n/i18n';
import { Button } from '../../ui/button';
import { Described } from '../../ui/described';
import { TextField } from '../../ui/text-field';
import { settle, useApi } from '../../vault-client';
import { KeychainUnlockButton } from '../backup/keychain-unlock.button';
import { DerivingKey } from './deriving-key';
import { GateForm } from './gate-form';

export interface UnlockScreenProps {
  recoveryNotice?: string | undefined;
  /** A newer Token Vault wrote the file (VaultStatus.newerFormat). */
  newerFormat?: string | undefined;
  onUnlocked: (status: VaultStatus) => void;
}

export function UnlockScreen({ recoveryNotice, newerFormat, onUnlocked }: UnlockScreenProps) {
  const api = useApi();
  const input = useRef<HTMLInputElement>(null);
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>();
  const [attempt, setAttempt] = useState(0);

  // After each failed attempt (and once the field is enabled again) put the caret back.
  useEffect(() => {
    if (busy) return;
    input.current?.focus();
    input.current?.select();
  }, [busy, attempt]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!password || busy) return;
    setBusy(true);
    setError(undefined);
    const result = await settle(() => api.unlock({ password }));
    setBusy(false);
    if (result.ok) {
      setPassword('');
      onUnlocked(result.value);
      return;
    }
    // The unlock screen keeps its own sentence, which asks to type again.
    setError(
      result.error.code === 'wrong-password' ? t('unlock.wrongPassword') : errorText(result.error),
    );
    setAttempt((n) => n + 1);
  };

  return (
    <GateForm
      titleId="unlock-title"
      title={t('unlock.title')}
      lead={t('unlock.lead')}
      onSubmit={submit}
    >
      {newerFormat ? (
        <div className="notice notice--warning" role="alert">
          <strong className="notice__title">{t('unlock.newerTitle')}</strong>
          <p className="notice__body">
            <Described description={describeNewerFormat(newerFormat)} />
          </p>
        </div>
      ) : null}
      {recoveryNotice ? (
        <div className="notice notice--warning" role="alert">
          <strong className="notice__title">{t('unlock.recoveryTitle')}</strong>
          <p className="notice__body">
            <Described description={describeRecoveryNotice(recoveryNotice)} />
          </p>
        </div>
      ) : null}
      <TextField
        ref={input}
        label={t('unlock.password')}
        type="password"
        autoComplete="current-password"
        value={password}
        onChange={(e) => {
          setPassword(e.target.value);
          if (error) setError(undefined);
        }}
        readOnly={busy}
        error={error}
      />
      {busy ? <DerivingKey /> : null}
      <Button type="submit" variant="primary" disabled={!password} busy={busy}>
        {t('unlock.submit')}
      </Button>
      <KeychainUnlockButton onUnlocked={onUnlocked} />
    </GateForm>
  );
}
