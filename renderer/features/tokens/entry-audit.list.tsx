// The entry's history from the vault's audit log, newest first. Records hold actions and
// non-secret details only (security.md). The action is a word from the catalog; the detail is
// main's own English sentence, shown as secondary text and marked lang="en" when the UI speaks
// another language (screen readers, hyphenation), as Described does for error details.
import { useEffect, useId, useState } from 'react';
import type { AuditRecord } from '../../../preload/api';
import { errorText } from '../../i18n/api-errors';
import { currentLanguage, formatDateTime, t } from '../../i18n/i18n';
import type { MessageKey } from '../../i18n/en';
import { settle, useApi } from '../../vault-client';
import { relativeTime } from './entry-format';

const actionKey: Record<AuditRecord['action'], MessageKey> = {
  created: 'audit.created',
  refreshed: 'audit.refreshed',
  copied: 'audit.copied',
  revoked: 'audit.revoked',
  're-authorized': 'audit.re-authorized',
  verified: 'audit.verified',
  renamed: 'audit.renamed',
  deleted: 'audit.deleted',
  minted: 'audit.minted',
  'needs-reauth': 'audit.needs-reauth',
  shared: 'audit.shared',
};

/** Newest first; ties keep the log's order reversed (later writes first). */
export function newestFirst(records: readonly AuditRecord[]): AuditRecord[] {
  return records
    .map((record, index) => ({ record, index }))
    .sort((a, b) => b.record.at - a.record.at || b.index - a.index)
    .map(({ record }) => record);
}

export function EntryAuditList({ id, version, now }: { id: string; version: string; now: number }) {
  const api = useApi();
  const titleId = useId();
  const [state, setState] = useState<{
    for: string;
    records?: AuditRecord[];
    error?: string;
    fetchedAt?: number;
  }>();
  const requestKey = `${id}:${version}`;

  useEffect(() => {
    let current = true;
    void settle(() => api.listAudit({ id })).then((result) => {
      if (!current) return;
      setState(
        result.ok
          ? { for: requestKey, records: newestFirst(result.value), fetchedAt: Date.now() }
          : { for: requestKey, error: errorText(result.error) },
      );
    });
    return () => {
      current = false;
    };
  }, [api, id, requestKey]);

  const records = state?.records;
  // The minute tick may lag behind a record made a moment ago; never say "in 1 minute".
  const current = Math.max(now, state?.fetchedAt ?? now);
  const detailLang = currentLanguage() === 'en' ? undefined : 'en';
  return (
    <section className="detail__section" aria-labelledby={titleId}>
      <h4 className="detail__heading" id={titleId}>
        {t('detail.history')}
      </h4>
      {state?.error ? (
        <p className="detail__error" role="alert">
          {state.error}
        </p>
      ) : !records ? (
        <p className="detail__muted">{t('detail.history.loading')}</p>
      ) : records.length === 0 ? (
        <p className="detail__muted">{t('detail.history.empty')}</p>
      ) : (
        <ol className="history">
          {records.slice(0, 50).map((record, index) => (
            <li key={`${record.at}-${index}`} className="history__item">
              <span className="history__action">{t(actionKey[record.action])}</span>
              {record.detail ? (
                <span className="history__detail" lang={detailLang}>
                  {record.detail}
                </span>
              ) : null}
              <time
                className="history__when"
                dateTime={new Date(record.at).toISOString()}
                title={formatDateTime(record.at)}
              >
                {relativeTime(Math.min(record.at, current), current)}
              </time>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
