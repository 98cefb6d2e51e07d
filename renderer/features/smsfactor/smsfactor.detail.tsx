// The SMSFactor part of an entry's detail (plugged in through entryDetails in registry.ts;
// the generic detail around it shows status, expiry, token id, account and "Verify"):
// lifetime, allowed IPs, sub-account, parent, the wire format switch, "Revoke…", and for a
// parent token (one added from the platform, not minted here) "Mint token…" and the remote
// token list.
import { useState, type ReactNode } from 'react';
import type { ApiError, EntryView, SmsfactorTokenEntry, WireFormat } from '../../../preload/api';
import { t } from '../../i18n/i18n';
import { Button } from '../../ui/button';
import { useToast } from '../../ui/toast';
import { settle, useApi, useEntries } from '../../vault-client';
import type { EntryDetailProps } from '../provider-ui';
import { FormatChoice } from './format-choice';
import { RemoteTokensList } from './remote-tokens.list';
import { FormError } from './smsfactor-bits';
import { TTL_OPTIONS } from './smsfactor-form';
import { SmsfactorMintDialog } from './smsfactor-mint.dialog';
import { SmsfactorRevokeDialog } from './smsfactor-revoke.dialog';
import './smsfactor.css';

function Fact({ name, children }: { name: string; children: ReactNode }) {
  return (
    <div className="sf-facts__row">
      <dt>{name}</dt>
      <dd>{children}</dd>
    </div>
  );
}

/** "7 days (604800 seconds)" for a preset, "5000 seconds" for a custom lifetime. */
function describeTtl(seconds: number | null): string {
  if (seconds === null) return t('smsfactor.ttl.unlimited');
  const preset = TTL_OPTIONS.find((o) => o.seconds === seconds && o.id !== 'custom');
  return preset
    ? t('smsfactor.detail.ttlPreset', { preset: t(preset.key), seconds })
    : t('smsfactor.detail.ttlSeconds', { seconds });
}

function parentLabel(entries: EntryView[] | undefined, id: string): string {
  return entries?.find((e) => e.id === id)?.label ?? t('smsfactor.detail.parent.missing');
}

export function SmsfactorDetail({ entry }: EntryDetailProps) {
  if (entry.kind !== 'smsfactor-token') return null;
  return <SmsfactorDetailPanel entry={entry} />;
}

function SmsfactorDetailPanel({ entry }: { entry: SmsfactorTokenEntry }) {
  const api = useApi();
  const toast = useToast();
  const entries = useEntries(entry.parentId !== undefined);
  const [dialog, setDialog] = useState<'mint' | 'revoke' | undefined>();
  const [busy, setBusy] = useState(false);
  /** The format just picked, shown until the entry comes back from main with it. */
  const [picked, setPicked] = useState<{ format: WireFormat; since: number } | undefined>();
  const shownFormat = picked && picked.since === entry.updatedAt ? picked.format : entry.format;
  const [error, setError] = useState<ApiError | undefined>();

  const isParent = entry.parentId === undefined;
  const revoked = entry.status === 'revoked';

  const setFormat = async (format: WireFormat) => {
    if (format === shownFormat) return;
    setPicked({ format, since: entry.updatedAt });
    setBusy(true);
    setError(undefined);
    const result = await settle(() => api.setSmsfactorFormat({ id: entry.id, format }));
    setBusy(false);
    if (result.ok) {
      toast.show(
        t('smsfactor.detail.formatSaved', { label: entry.label, format: format.toUpperCase() }),
        'success',
      );
    } else {
      setPicked(undefined);
      setError(result.error);
    }
  };

  return (
    <div className="sf-detail" data-testid="smsfactor-detail">
      <dl className="sf-facts">
        <Fact name={t('smsfactor.detail.ttl')}>{describeTtl(entry.ttlSeconds)}</Fact>
        <Fact name={t('smsfactor.detail.ips')}>
          {entry.allowedIps.length > 0 ? (
            <span className="sf-facts__ips">
              {entry.allowedIps.map((ip) => (
                <code key={ip}>{ip}</code>
              ))}
            </span>
          ) : (
            t('smsfactor.detail.ips.any')
          )}
        </Fact>
        {entry.tokenId ? null : (
          <Fact name={t('smsfactor.detail.tokenId')}>{t('smsfactor.detail.tokenId.unknown')}</Fact>
        )}
        {entry.subAccountId ? (
          <Fact name={t('smsfactor.detail.subAccount')}>
            <code>{entry.subAccountId}</code>
          </Fact>
        ) : null}
        {entry.parentId ? (
          <Fact name={t('smsfactor.detail.parent')}>
            {parentLabel(entries.value, entry.parentId)}
          </Fact>
        ) : null}
        {entry.account?.company ? (
          <Fact name={t('smsfactor.account.company')}>{entry.account.company}</Fact>
        ) : null}
        {isParent && entry.account?.credits !== undefined ? (
          <Fact name={t('smsfactor.account.credits')}>{entry.account.credits}</Fact>
        ) : null}
      </dl>

      <FormatChoice
        compact
        value={shownFormat}
        disabled={busy || revoked}
        onChange={(format) => void setFormat(format)}
      />
      <FormError error={error} />

      {revoked ? null : (
        <div className="sf-detail__buttons">
          {isParent ? (
            <Button variant="primary" onClick={() => setDialog('mint')}>
              {t('smsfactor.mint.open')}
            </Button>
          ) : null}
          {entry.tokenId ? (
            <Button variant="danger" onClick={() => setDialog('revoke')}>
              {t('smsfactor.detail.revoke')}
            </Button>
          ) : null}
        </div>
      )}

      {isParent && !revoked ? <RemoteTokensList parentId={entry.id} /> : null}

      {dialog === 'mint' ? (
        <SmsfactorMintDialog parent={entry} onClose={() => setDialog(undefined)} />
      ) : null}
      {dialog === 'revoke' ? (
        <SmsfactorRevokeDialog entry={entry} onClose={() => setDialog(undefined)} />
      ) : null}
    </div>
  );
}
