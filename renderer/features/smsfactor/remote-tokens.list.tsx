// Per parent token, what SMSFactor lists (GET /token): created, expires, active, allowed IPs,
// and which of those tokens this vault holds. Loaded when shown, again on "Refresh" and
// whenever entries change (a mint or revoke here changes the list there).
import { useCallback, useEffect, useState } from 'react';
import type { ApiError, RemoteSmsfactorToken } from '../../../preload/api';
import { t } from '../../i18n/i18n';
import { Button } from '../../ui/button';
import { Progress } from '../../ui/progress';
import { settle, useApi, useVaultEvent } from '../../vault-client';
import { FormError } from './smsfactor-bits';

export function RemoteTokensList({ parentId }: { parentId: string }) {
  const api = useApi();
  const [tokens, setTokens] = useState<RemoteSmsfactorToken[] | undefined>();
  const [error, setError] = useState<ApiError | undefined>();
  const [tick, setTick] = useState(0);
  /** The request whose answer is on screen; loading while it lags behind `tick`. */
  const [answered, setAnswered] = useState(-1);
  const loading = answered !== tick;
  const refresh = useCallback(() => setTick((n) => n + 1), []);

  useVaultEvent('onEntriesChanged', refresh);

  useEffect(() => {
    let current = true;
    void settle(() => api.listSmsfactorRemote({ parentId })).then((result) => {
      if (!current) return;
      setAnswered(tick);
      if (result.ok) {
        setTokens(result.value);
        setError(undefined);
      } else {
        setError(result.error);
      }
    });
    return () => {
      current = false;
    };
  }, [api, parentId, tick]);

  return (
    <section className="sf-remote" aria-labelledby={`sf-remote-${parentId}`}>
      <div className="sf-remote__head">
        <h3 className="sf-remote__title" id={`sf-remote-${parentId}`}>
          {t('smsfactor.remote.title')}
        </h3>
        <Button busy={loading} onClick={refresh}>
          {t('smsfactor.remote.refresh')}
        </Button>
      </div>
      {loading ? <Progress>{t('smsfactor.remote.loading')}</Progress> : null}
      <FormError error={error} />
      {tokens && tokens.length === 0 ? (
        <p className="field__hint">{t('smsfactor.remote.empty')}</p>
      ) : null}
      {tokens && tokens.length > 0 ? (
        // Cards rather than a wide table: the detail pane is narrow.
        <div className="sf-remote__items">
          {tokens.map((token) => (
            <div
              className="sf-remote__item"
              key={token.tokenId}
              role="group"
              aria-label={token.name}
              data-token-id={token.tokenId}
            >
              <div className="sf-remote__line">
                <strong className="sf-remote__name">{token.name}</strong>
                <code className="sf-remote__id">
                  {t('smsfactor.remote.id')} {token.tokenId}
                </code>
                <span className={token.active ? 'status status--ok' : 'status status--muted'}>
                  {token.active ? t('smsfactor.remote.activeYes') : t('smsfactor.remote.activeNo')}
                </span>
                {token.entryId ? (
                  <span className="badge badge--smsfactor">{t('smsfactor.remote.inVault')}</span>
                ) : null}
              </div>
              <dl className="sf-remote__facts">
                <div>
                  <dt>{t('smsfactor.remote.created')}</dt>
                  <dd>{token.createdAt ?? '—'}</dd>
                </div>
                <div>
                  <dt>{t('smsfactor.remote.expires')}</dt>
                  <dd>{token.expiresAt ?? t('smsfactor.remote.never')}</dd>
                </div>
                <div>
                  <dt>{t('smsfactor.remote.ips')}</dt>
                  <dd className="sf-remote__ips">
                    {token.allowedIps.length > 0
                      ? token.allowedIps.join(', ')
                      : t('smsfactor.remote.any')}
                  </dd>
                </div>
              </dl>
            </div>
          ))}
        </div>
      ) : null}
    </section>
  );
}
