// Confirmation before DELETE /token/:id. The vault entry is marked revoked by main only once
// SMSFactor confirmed it (smsfactor-revoke.policy.ts); a failure leaves it as it was and says so.
import { useState } from 'react';
import type { ApiError, SmsfactorTokenEntry } from '../../../preload/api';
import { t } from '../../i18n/i18n';
import { Button } from '../../ui/button';
import { Dialog } from '../../ui/dialog';
import { Progress } from '../../ui/progress';
import { useToast } from '../../ui/toast';
import { settle, useApi } from '../../vault-client';
import { FormError } from './smsfactor-bits';

export interface SmsfactorRevokeDialogProps {
  entry: SmsfactorTokenEntry;
  onClose: () => void;
}

export function SmsfactorRevokeDialog({ entry, onClose }: SmsfactorRevokeDialogProps) {
  const api = useApi();
  const toast = useToast();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | undefined>();

  const revoke = async () => {
    if (busy) return;
    setBusy(true);
    setError(undefined);
    const result = await settle(() => api.revokeSmsfactorToken({ id: entry.id }));
    setBusy(false);
    if (result.ok) {
      toast.show(t('smsfactor.revoke.done', { label: entry.label }), 'success');
      onClose();
    } else {
      setError(result.error);
    }
  };

  return (
    <Dialog
      title={t('smsfactor.revoke.title', { label: entry.label })}
      onClose={onClose}
      footer={
        <>
          {/* Cancel first and focused: Enter on an open confirmation must not destroy. */}
          <Button autoFocus onClick={onClose}>
            {t('smsfactor.cancel')}
          </Button>
          <Button variant="danger" busy={busy} onClick={() => void revoke()}>
            {t('smsfactor.revoke.confirm')}
          </Button>
        </>
      }
    >
      <p>{t('smsfactor.revoke.body', { tokenId: entry.tokenId ?? '?' })}</p>
      {busy ? <Progress>{t('smsfactor.revoke.working')}</Progress> : null}
      <FormError error={error} />
    </Dialog>
  );
}
