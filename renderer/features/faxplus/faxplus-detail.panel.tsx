// The Fax.Plus part of an entry's detail (plugged into the generic detail through
// registry.ts entryDetails). The generic detail already shows status, expiries with
// relative times, the account, "Verify" and the history; this adds what only Fax.Plus has:
// account type, how the access token lives, the OAuth app settings, PAT scopes, and
// "Re-authorize…", which is THE action when the entry needs re-authorization.
// Metadata only: no secret reaches this page.
import { useState, type ReactNode } from 'react';
import { t } from '../../i18n/i18n';
import { Button } from '../../ui/button';
import type { EntryDetailProps } from '../provider-ui';
import { FaxplusReauthDialog } from './faxplus-reauth.dialog';
import './faxplus.css';

function Fact({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div className="fp-facts__row">
      <dt>{term}</dt>
      <dd>{children}</dd>
    </div>
  );
}

export function FaxplusDetailPanel({ entry }: EntryDetailProps) {
  const [reauth, setReauth] = useState(false);
  if (entry.kind !== 'faxplus-oauth' && entry.kind !== 'faxplus-pat') return null;
  const needsReauth = entry.status === 'needs-reauth';
  const account = entry.account;

  return (
    <div className="fp-detail" data-testid="faxplus-detail">
      {needsReauth ? (
        <p className="notice notice--warning" role="status">
          {t('faxplus.detail.needsReauth')}
        </p>
      ) : null}
      <dl className="fp-facts">
        {account?.email ? <Fact term={t('faxplus.detail.email')}>{account.email}</Fact> : null}
        {account?.name ? <Fact term={t('faxplus.detail.name')}>{account.name}</Fact> : null}
        {account?.accountType ? (
          <Fact term={t('faxplus.detail.accountType')}>{account.accountType}</Fact>
        ) : null}
        {entry.kind === 'faxplus-oauth' ? (
          <>
            <Fact term={t('faxplus.detail.access')}>
              {t(needsReauth ? 'faxplus.detail.access.stopped' : 'faxplus.detail.access.renews')}
            </Fact>
            <Fact term={t('faxplus.detail.clientId')}>
              <code>{entry.clientId}</code>
            </Fact>
            <Fact term={t('faxplus.detail.redirect')}>
              {t(
                entry.redirectMode === 'scheme'
                  ? 'faxplus.redirect.scheme'
                  : 'faxplus.redirect.loopback',
              )}
            </Fact>
            <Fact term={t('faxplus.detail.advanced')}>
              {t(
                entry.advancedSecurity
                  ? 'faxplus.detail.advanced.on'
                  : 'faxplus.detail.advanced.off',
              )}
            </Fact>
            <Fact term={t('faxplus.detail.state')}>
              {t(entry.allowMissingState ? 'faxplus.detail.state.off' : 'faxplus.detail.state.on')}
            </Fact>
          </>
        ) : (
          <>
            <Fact term={t('faxplus.detail.scopes')}>
              {entry.scopes.length > 0 ? entry.scopes.join(', ') : t('faxplus.detail.scopes.none')}
            </Fact>
            {entry.patId ? (
              <Fact term={t('faxplus.detail.patId')}>
                <code>{entry.patId}</code>
              </Fact>
            ) : null}
          </>
        )}
      </dl>
      {entry.kind === 'faxplus-oauth' ? (
        <div className="fp-detail__actions">
          <Button variant={needsReauth ? 'primary' : 'secondary'} onClick={() => setReauth(true)}>
            {t('faxplus.detail.reauthorize')}
          </Button>
        </div>
      ) : null}
      {reauth && entry.kind === 'faxplus-oauth' ? (
        <FaxplusReauthDialog entry={entry} onClose={() => setReauth(false)} />
      ) : null}
    </div>
  );
}
