// What the connect dialog shows once the form is sent: the waiting state while the user
// approves in the browser (with the authorize URL in case the browser did not open, and a
// countdown to the flow's 10-minute expiry), then the outcome.
import { useEffect, useState } from 'react';
import type { AccountInfo, ConnectEvent, PendingConnect } from '../../../preload/api';
import { describeProblem, errorText } from '../../i18n/api-errors';
import { t } from '../../i18n/i18n';
import { Described } from '../../ui/described';
import { Progress } from '../../ui/progress';
import { formatCountdown } from './faxplus-form';

export function ConnectWaiting({ pending }: { pending: PendingConnect }) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), 1000);
    return () => window.clearInterval(timer);
  }, []);
  return (
    <div className="fp-wait">
      <Progress>
        <strong className="fp-wait__title">{t('faxplus.wait.title')}</strong>
      </Progress>
      <p>{t('faxplus.wait.body')}</p>
      <p className="fp-wait__label" id="fp-authorize-url-label">
        {t('faxplus.wait.url')}
      </p>
      <code className="fp-url" aria-labelledby="fp-authorize-url-label" data-testid="authorize-url">
        {pending.authorizeUrl}
      </code>
      <p className="fp-wait__countdown">
        {t('faxplus.wait.countdown', { time: formatCountdown(pending.expiresAt - now) })}
      </p>
    </div>
  );
}

export function AccountDetails({ account }: { account: AccountInfo | undefined }) {
  if (!account) return null;
  const rows: [string, string | undefined][] = [
    [t('faxplus.detail.email'), account.email],
    [t('faxplus.detail.name'), account.name],
    [t('faxplus.detail.accountType'), account.accountType],
  ];
  return (
    <dl className="fp-facts">
      {rows
        .filter((row): row is [string, string] => !!row[1])
        .map(([term, value]) => (
          <div className="fp-facts__row" key={term}>
            <dt>{term}</dt>
            <dd>{value}</dd>
          </div>
        ))}
    </dl>
  );
}

export function ConnectOutcome({ event, reauth }: { event: ConnectEvent; reauth: boolean }) {
  switch (event.outcome) {
    case 'connected':
      return (
        <div className="fp-outcome fp-outcome--ok" role="status">
          <p className="fp-outcome__title">
            {t(reauth ? 'faxplus.result.reauthorized' : 'faxplus.result.connected', {
              label: event.entry?.label ?? '',
            })}
          </p>
          <AccountDetails account={event.entry?.account} />
          {event.entry?.lastError ? (
            <p className="fp-outcome__problem">
              <Described description={describeProblem(event.entry.status, event.entry.lastError)} />
            </p>
          ) : null}
        </div>
      );
    case 'failed':
      return (
        <div className="fp-outcome fp-outcome--error" role="alert">
          <p className="fp-outcome__title">{t('faxplus.result.failed')}</p>
          <p>{event.error ? errorText(event.error) : null}</p>
        </div>
      );
    case 'expired':
      return (
        <p className="fp-outcome fp-outcome--error" role="alert">
          {t('faxplus.result.expired')}
        </p>
      );
    case 'cancelled':
      return (
        <p className="fp-outcome" role="status">
          {t('faxplus.result.cancelled')}
        </p>
      );
  }
}
