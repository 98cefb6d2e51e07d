// What an OAuth 2.0 connect shows once main has started the flow: the wait while the user
// approves in the browser (with the authorize URL, in case the browser did not open), then
// the outcome. Shared by "Connect OAuth 2.0 app" and "Reconnect…".
import type { ConnectEvent, PendingConnect } from '../../../preload/api';
import { describeProblem, errorText } from '../../i18n/api-errors';
import { formatDateTime, t } from '../../i18n/i18n';
import { Described } from '../../ui/described';
import { Progress } from '../../ui/progress';
import { hostOf } from '../../ui/url-host';

export function OAuth2Waiting({ pending }: { pending: PendingConnect }) {
  return (
    <div className="o2-wait">
      <Progress>
        <strong>{t('oauth2.wait.title')}</strong>
      </Progress>
      <p>{t('oauth2.wait.body', { host: hostOf(pending.authorizeUrl) })}</p>
      <p className="o2-wait__label" id="o2-authorize-url-label">
        {t('oauth2.wait.url')}
      </p>
      <code className="o2-url" aria-labelledby="o2-authorize-url-label" data-testid="authorize-url">
        {pending.authorizeUrl}
      </code>
    </div>
  );
}

export function OAuth2Outcome({ event, reconnect }: { event: ConnectEvent; reconnect: boolean }) {
  switch (event.outcome) {
    case 'connected': {
      const entry = event.entry;
      const deadline = entry?.kind === 'oauth2' ? entry.refreshExpiresAt : null;
      return (
        <div className="ef-outcome" role="status">
          <p className="ef-outcome__title">
            {t(reconnect ? 'oauth2.result.reconnected' : 'oauth2.result.connected', {
              label: entry?.label ?? '',
            })}
          </p>
          <p>
            {deadline !== null
              ? t('oauth2.result.deadline', { when: formatDateTime(deadline) })
              : t('oauth2.result.noDeadline')}
          </p>
          {entry?.lastError ? (
            <p>
              <Described description={describeProblem(entry.status, entry.lastError)} />
            </p>
          ) : null}
        </div>
      );
    }
    case 'failed':
      return (
        <div className="ef-outcome ef-outcome--error" role="alert">
          <p className="ef-outcome__title">{t('oauth2.result.failed')}</p>
          <p>{event.error ? errorText(event.error) : null}</p>
        </div>
      );
    case 'expired':
      return (
        <p className="ef-outcome ef-outcome--error" role="alert">
          {t('oauth2.result.expired')}
        </p>
      );
    case 'cancelled':
      return (
        <p className="ef-outcome" role="status">
          {t('oauth2.result.cancelled')}
        </p>
      );
  }
}
