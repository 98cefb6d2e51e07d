// "Reconnect…": main runs the browser flow again with the client it already holds (the
// renderer never sees its secret) and, on success, updates the same entry.
import { useEffect, useRef, useState } from 'react';
import type { OAuth2Entry } from '../../../preload/api';
import { errorText } from '../../i18n/api-errors';
import { t } from '../../i18n/i18n';
import { Button } from '../../ui/button';
import { Dialog } from '../../ui/dialog';
import { Progress } from '../../ui/progress';
import { useApi } from '../../vault-client';
import { useConnectFlow } from '../oauth/use-connect-flow';
import { OAuth2Outcome, OAuth2Waiting } from './oauth2-flow.view';
import './oauth2.css';

export function OAuth2ReconnectDialog({
  entry,
  onClose,
}: {
  entry: OAuth2Entry;
  onClose: () => void;
}) {
  const api = useApi();
  const flow = useConnectFlow('cancelOAuth2Connect');
  const { begin } = flow;
  const started = useRef(false);
  const [startError, setStartError] = useState<string | undefined>();

  const start = () => {
    setStartError(undefined);
    void begin(() => api.reauthorizeOAuth2({ id: entry.id })).then((error) =>
      setStartError(error ? errorText(error) : undefined),
    );
  };

  useEffect(() => {
    // Once per dialog, also under StrictMode's simulated remount.
    if (started.current) return;
    started.current = true;
    start();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const title = t('oauth2.reconnectTitle', { label: entry.label });
  const { state } = flow;
  const footer =
    state.phase === 'waiting' ? (
      <Button onClick={flow.cancel}>{t('oauth2.cancel')}</Button>
    ) : state.phase === 'finished' && state.event.outcome !== 'connected' ? (
      <>
        <Button onClick={start}>{t('oauth2.tryAgain')}</Button>
        <Button variant="primary" onClick={onClose}>
          {t('common.close')}
        </Button>
      </>
    ) : (
      <Button variant="primary" onClick={onClose}>
        {t(state.phase === 'finished' ? 'oauth2.done' : 'common.close')}
      </Button>
    );
  return (
    <Dialog
      title={title}
      onClose={state.phase === 'waiting' ? flow.cancel : onClose}
      footer={footer}
    >
      {state.phase === 'waiting' ? <OAuth2Waiting pending={state.pending} /> : null}
      {state.phase === 'finished' ? <OAuth2Outcome event={state.event} reconnect /> : null}
      {state.phase === 'idle' && startError ? (
        <p className="ef-form__error" role="alert">
          {startError}
        </p>
      ) : null}
      {state.phase === 'starting' ? <Progress>{t('oauth2.wait.title')}</Progress> : null}
    </Dialog>
  );
}
