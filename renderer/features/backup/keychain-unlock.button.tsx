// "Unlock with the system keychain" for the unlock screen: shown only when keychain unlock is
// on for this vault and the keychain is usable here. Drop-in: <KeychainUnlockButton
// onUnlocked={onUnlocked} /> next to the password form.
import { useEffect, useState } from 'react';
import type { VaultStatus } from '../../../preload/api';
import { errorText } from '../../i18n/api-errors';
import { t } from '../../i18n/i18n';
import { Button } from '../../ui/button';
import { settle, useApi } from '../../vault-client';

export function KeychainUnlockButton({ onUnlocked }: { onUnlocked: (s: VaultStatus) => void }) {
  const api = useApi();
  const [usable, setUsable] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>();

  useEffect(() => {
    let live = true;
    void settle(() => api.getKeychainStatus()).then((result) => {
      if (live) setUsable(result.ok && result.value.available && result.value.enabled);
    });
    return () => {
      live = false;
    };
  }, [api]);

  if (!usable) return null;
  const unlock = async () => {
    setBusy(true);
    setError(undefined);
    const result = await settle(() => api.unlockWithKeychain());
    setBusy(false);
    if (result.ok) onUnlocked(result.value);
    else setError(errorText(result.error));
  };
  return (
    <div className="unlock__keychain">
      <Button type="button" variant="secondary" busy={busy} onClick={() => void unlock()}>
        {t('keychain.unlock')}
      </Button>
      {error ? (
        <p className="field__error" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}
