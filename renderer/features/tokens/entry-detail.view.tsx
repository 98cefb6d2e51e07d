// The generic entry detail beside the list: what the entry is, when it expires, verify,
// copy headers, rename, delete and its history; the provider's own panel comes through the
// entryDetails slot. Esc (outside a dialog) closes it.
import { useState } from 'react';
import type { EntryView } from '../../../preload/api';
import { describeProblem, errorText } from '../../i18n/api-errors';
import { formatDateTime, t } from '../../i18n/i18n';
import { Button } from '../../ui/button';
import { Described } from '../../ui/described';
import { useToast } from '../../ui/toast';
import { settle, useApi } from '../../vault-client';
import { CopyHeadersPanel } from './copy-headers.panel';
import { DeleteEntryDialog } from './delete-entry.dialog';
import { EntryAuditList } from './entry-audit.list';
import { ProviderDetailSlot } from './entry-detail.slot';
import {
  kindNameKey,
  providerNameKey,
  relativeTime,
  statusNameKey,
  statusTone,
} from './entry-format';
import { RenameEntryForm } from './rename-entry.form';
import { TeamEntryActions } from '../team/team-entry-actions';
import { ReminderControls } from '../reminders/reminder-controls';
import { issuerName, uiOf } from '../kinds';
import type { DeadlineRow } from '../provider-ui';

export type { DeadlineRow } from '../provider-ui';

/** Every deadline of an entry, as its kind lists them, for the Expiry section. */
export function deadlinesOf(entry: EntryView): DeadlineRow[] {
  return uiOf(entry).deadlines(entry);
}

function When({ at, now }: { at: number; now: number }) {
  const date = new Date(at);
  return (
    <time dateTime={date.toISOString()}>
      {t('detail.when', { when: relativeTime(at, now), date: formatDateTime(at) })}
    </time>
  );
}

export function EntryDetailView({
  entry,
  now,
  onClose,
}: {
  entry: EntryView;
  now: number;
  onClose: () => void;
}) {
  const api = useApi();
  const toast = useToast();
  const [renaming, setRenaming] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const [verifying, setVerifying] = useState(false);
  const [copies, setCopies] = useState(0);
  const provider = t(providerNameKey[entry.provider]);
  const account = entry.account;
  const tokenId = uiOf(entry).remoteId(entry);

  const verify = async () => {
    setVerifying(true);
    const result = await settle(() => api.verifyEntry({ id: entry.id }));
    setVerifying(false);
    if (result.ok) {
      const by = issuerName(entry, provider);
      toast.show(t('detail.verifyDone', { label: entry.label, provider: by }), 'success');
    } else toast.show(errorText(result.error), 'error');
  };

  return (
    <section
      className="detail"
      aria-label={t('detail.region', { label: entry.label })}
      onKeyDown={(event) => {
        const inDialog = (event.target as Element).closest('dialog');
        if (event.key === 'Escape' && !inDialog && !event.defaultPrevented) {
          event.preventDefault();
          onClose();
        }
      }}
    >
      <div className="detail__header">
        {renaming ? (
          <RenameEntryForm entry={entry} onDone={() => setRenaming(false)} />
        ) : (
          <h3 className="detail__title">{entry.label}</h3>
        )}
        <button
          type="button"
          className="dialog__close"
          aria-label={t('detail.close')}
          onClick={onClose}
        >
          ×
        </button>
      </div>
      <div className="detail__actions">
        {uiOf(entry).canVerify(entry) && !entry.team ? (
          <Button busy={verifying} onClick={() => void verify()}>
            {t('detail.verify')}
          </Button>
        ) : null}
        <Button onClick={() => setRenaming(true)} disabled={renaming}>
          {t('detail.rename')}
        </Button>
        <TeamEntryActions entry={entry} />
        {entry.team ? null : (
          <Button variant="danger" onClick={() => setDeleting(true)}>
            {t('detail.delete')}
          </Button>
        )}
      </div>
      {entry.team ? <p className="detail__team">{t('detail.team', { team: entry.team })}</p> : null}

      <CopyHeadersPanel entry={entry} onCopied={() => setCopies((n) => n + 1)} />

      <section className="detail__section" aria-label={t('detail.about')}>
        <h4 className="detail__heading">{t('detail.about')}</h4>
        <dl className="facts">
          <dt>{t('detail.provider')}</dt>
          <dd>{provider}</dd>
          <dt>{t('detail.kind')}</dt>
          <dd>{t(kindNameKey[entry.kind])}</dd>
          <dt>{t('detail.status')}</dt>
          <dd>
            <span className={`status status--${statusTone[entry.status]}`}>
              {t(statusNameKey[entry.status])}
            </span>
          </dd>
          {account?.email || account?.name || account?.id ? (
            <>
              <dt>{t('detail.account')}</dt>
              <dd>{[account.name, account.email, account.id].filter(Boolean).join(' · ')}</dd>
            </>
          ) : null}
          {tokenId ? (
            <>
              <dt>{t('detail.tokenId')}</dt>
              <dd>
                <code>{tokenId}</code>
              </dd>
            </>
          ) : null}
          {entry.preview ? (
            <>
              <dt>{t('detail.secret')}</dt>
              <dd>
                <code>{entry.preview}</code>
              </dd>
            </>
          ) : null}
          <dt>{t('detail.created')}</dt>
          <dd>
            <When at={entry.createdAt} now={now} />
          </dd>
          <dt>{t('detail.verified')}</dt>
          <dd>
            {entry.lastVerifiedAt !== undefined ? (
              <When at={entry.lastVerifiedAt} now={now} />
            ) : (
              t('detail.neverVerified')
            )}
          </dd>
          {entry.lastError ? (
            <>
              <dt>{t('detail.problem')}</dt>
              <dd className="detail__error">
                <Described description={describeProblem(entry.status, entry.lastError)} />
              </dd>
            </>
          ) : null}
        </dl>
      </section>

      <section className="detail__section" aria-label={t('detail.expiries')}>
        <h4 className="detail__heading">{t('detail.expiries')}</h4>
        <dl className="facts">
          {deadlinesOf(entry).map((row) => (
            <div key={row.key} className="facts__pair">
              <dt>{t(row.key)}</dt>
              <dd>
                {typeof row.at === 'number' ? (
                  <When at={row.at} now={now} />
                ) : (
                  t(
                    row.fallback ??
                      (row.at === null ? 'detail.expiry.never' : 'detail.expiry.unknown'),
                  )
                )}
              </dd>
            </div>
          ))}
        </dl>
      </section>

      <ReminderControls entry={entry} now={now} />

      <ProviderDetailSlot entry={entry} now={now} />

      <EntryAuditList id={entry.id} version={`${entry.updatedAt}:${copies}`} now={now} />

      {deleting ? (
        <DeleteEntryDialog
          entry={entry}
          onClose={() => setDeleting(false)}
          onDeleted={() => {
            setDeleting(false);
            onClose();
          }}
        />
      ) : null}
    </section>
  );
}
