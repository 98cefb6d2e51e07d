// Delete after confirmation. Where the provider can revoke (SMSFactor tokens still active),
// the dialog offers to revoke first, so a deleted token does not live on at the provider.
import { useState } from 'react';
import type { EntryView } from '../../../preload/api';
import { errorText } from '../../i18n/api-errors';
import { t } from '../../i18n/i18n';
import { ConfirmDialog } from '../../ui/confirm-dialog';
import { useToast } from '../../ui/toast';
import { settle, useApi } from '../../vault-client';
import { issuerName, uiOf } from '../kinds';
import { providerNameKey } from './entry-format';

/** Whether the vault can revoke this entry at its provider. */
export function canRevoke(entry: EntryView): boolean {
  return uiOf(entry).canRevoke(entry);
}

export function DeleteEntryDialog({
  entry,
  onClose,
  onDeleted,
}: {
  entry: EntryView;
  onClose: () => void;
  onDeleted: () => void;
}) {
  const api = useApi();
  const toast = useToast();
  const revocable = canRevoke(entry);
  const [revoke, setRevoke] = useState(revocable);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>();

  const confirm = async () => {
    setBusy(true);
    setError(undefined);
    // Main revokes at the provider first (when asked) and deletes only if that worked.
    const deleted = await settle(() =>
      api.deleteEntry({ id: entry.id, ...(revocable && revoke ? { revoke: true } : {}) }),
    );
    setBusy(false);
    if (!deleted.ok) return setError(errorText(deleted.error));
    toast.show(
      t(revocable && revoke ? 'delete.revokedDone' : 'delete.done', {
        label: entry.label,
        provider: issuerName(entry, t(providerNameKey[entry.provider])),
      }),
      'success',
    );
    onDeleted();
  };

  return (
    <ConfirmDialog
      title={t('delete.title', { label: entry.label })}
      message={t('delete.message')}
      confirmLabel={t(revocable && revoke ? 'delete.confirmRevoke' : 'delete.confirm')}
      busy={busy}
      onCancel={onClose}
      onConfirm={() => void confirm()}
    >
      {revocable ? (
        <label className="check">
          <input
            type="checkbox"
            checked={revoke}
            onChange={(event) => setRevoke(event.target.checked)}
          />
          <span>
            {t('delete.revoke', {
              provider: issuerName(entry, t(providerNameKey[entry.provider])),
            })}
          </span>
        </label>
      ) : (
        <p className="confirm__note">
          {t('delete.revokeNote', {
            provider: issuerName(entry, t(providerNameKey[entry.provider])),
          })}
        </p>
      )}
      {error ? (
        <p className="detail__error" role="alert">
          {error}
        </p>
      ) : null}
    </ConfirmDialog>
  );
}
