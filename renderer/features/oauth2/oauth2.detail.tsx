// The OAuth 2.0 part of an entry's detail (plugged in through entryDetails in registry.ts; the
// generic detail shows status, deadlines, "Verify", "Copy headers" and the history): the
// server, the client, scopes, whether it renews itself, and "Reconnect…", THE action once the
// server has ended the grant. Metadata only.
import { useState, type ReactNode } from 'react';
import { t } from '../../i18n/i18n';
import { Button } from '../../ui/button';
import type { EntryDetailProps } from '../provider-ui';
import { OAuth2ReconnectDialog } from './oauth2-reconnect.dialog';
import './oauth2.css';

function Fact({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div className="ef-facts__row">
      <dt>{term}</dt>
      <dd>{children}</dd>
    </div>
  );
}

export function OAuth2Detail({ entry }: EntryDetailProps) {
  const [reconnect, setReconnect] = useState(false);
  if (entry.kind !== 'oauth2') return null;
  const needsReauth = entry.status === 'needs-reauth';
  return (
    <div className="o2-detail" data-testid="oauth2-detail">
      {needsReauth ? (
        <p className="notice notice--warning" role="status">
          {t('oauth2.detail.needsReauth')}
        </p>
      ) : null}
      <dl className="ef-facts">
        <Fact term={t('oauth2.detail.server')}>
          <code>{entry.issuer ?? new URL(entry.authorizeUrl).origin}</code>
        </Fact>
        <Fact term={t('oauth2.detail.clientId')}>
          <code>{entry.clientId}</code>
        </Fact>
        <Fact term={t('oauth2.detail.clientAuth')}>{t(`oauth2.auth.${entry.clientAuth}`)}</Fact>
        <Fact term={t('oauth2.detail.scopes')}>
          {entry.scopes.length > 0 ? entry.scopes.join(' ') : t('oauth2.detail.scopes.none')}
        </Fact>
        <Fact term={t('oauth2.detail.refresh')}>
          {t(entry.hasRefreshToken ? 'oauth2.detail.refresh.yes' : 'oauth2.detail.refresh.no')}
        </Fact>
        <Fact term={t('oauth2.detail.revocation')}>
          {entry.revocationUrl ? (
            <code>{entry.revocationUrl}</code>
          ) : (
            t('oauth2.detail.revocation.none')
          )}
        </Fact>
      </dl>
      <div className="o2-detail__actions">
        <Button variant={needsReauth ? 'primary' : 'secondary'} onClick={() => setReconnect(true)}>
          {t('oauth2.detail.reconnect')}
        </Button>
      </div>
      {reconnect ? (
        <OAuth2ReconnectDialog entry={entry} onClose={() => setReconnect(false)} />
      ) : null}
    </div>
  );
}
