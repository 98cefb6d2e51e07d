// The API-key part of an entry's detail (plugged in through entryDetails in registry.ts; the
// generic detail around it shows status, expiry, preview, "Verify", "Copy headers" and the
// history): the header it is sent in, the Basic user, the extra headers and the
// verification URL. Metadata only: no secret reaches this page.
import type { ReactNode } from 'react';
import { t } from '../../i18n/i18n';
import type { EntryDetailProps } from '../provider-ui';
import './api-key.css';

function Fact({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div className="ef-facts__row">
      <dt>{term}</dt>
      <dd>{children}</dd>
    </div>
  );
}

export function ApiKeyDetail({ entry }: EntryDetailProps) {
  if (entry.kind !== 'api-key') return null;
  return (
    <div className="ak-detail" data-testid="apikey-detail">
      <dl className="ef-facts">
        <Fact term={t('apikey.detail.header')}>
          <code>
            {entry.headerName}: {entry.template}
          </code>
        </Fact>
        {entry.basicUser !== undefined ? (
          <Fact term={t('apikey.detail.basicUser')}>
            <code>{entry.basicUser}</code>
          </Fact>
        ) : null}
        <Fact term={t('apikey.detail.extra')}>
          {entry.extraHeaders.length > 0 ? (
            <ul>
              {entry.extraHeaders.map((h) => (
                <li key={h.name}>
                  <code>
                    {h.name}: {h.value}
                  </code>
                </li>
              ))}
            </ul>
          ) : (
            t('apikey.detail.extra.none')
          )}
        </Fact>
        <Fact term={t('apikey.detail.verifyUrl')}>
          {entry.verifyUrl !== undefined ? (
            <code>{entry.verifyUrl}</code>
          ) : (
            t('apikey.detail.verifyUrl.none')
          )}
        </Fact>
      </dl>
    </div>
  );
}
