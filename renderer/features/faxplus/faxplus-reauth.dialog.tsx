// Re-authorize an OAuth entry: main re-runs the browser flow with the client id and secret it
// already holds (the renderer never sees the secret), and on success updates the same entry.
import { useEffect, useRef, useState } from 'react';
import type { FaxplusOAuthEntry } from '../../../preload/api';
import { errorText } from '../../i18n/api-errors';
import { t } from '../../i18n/i18n';
import { Button } from '../../ui/button';
import { Dialog } from '../../ui/dialog';
import { useApi } from '../../vault-client';
import { FlowFooter, FlowView } from './connect-flow.view';
import { useConnectFlow } from './use-connect-flow';
import './faxplus.css';

export interface ReauthDialogProps {
  entry: FaxplusOAuthEntry;
  onClose: () => void;
}

export function FaxplusReauthDialog({ entry, onClose }: ReauthDialogProps) {
  const api = useApi();
  const flow = useConnectFlow();
  const { begin } = flow;
  const started = useRef(false);
  const [startError, setStartError] = useState<string | undefined>();

  const start = () => {
    setStartError(undefined);
    void begin(() => api.reauthorizeFaxplus({ id: entry.id })).then((error) =>
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

  const title = t('faxplus.detail.reauthTitle', { label: entry.label });
  const { state } = flow;
  if (state.phase === 'waiting' || state.phase === 'finished') {
    return (
      <Dialog
        title={title}
        onClose={onClose}
        footer={
          <FlowFooter
            state={state}
            onCancel={flow.cancel}
            onRetry={start}
            onClose={onClose}
            onDone={onClose}
          />
        }
      >
        <FlowView state={state} reauth />
      </Dialog>
    );
  }
  return (
    <Dialog
      title={title}
      onClose={onClose}
      footer={<Button onClick={onClose}>{t('common.close')}</Button>}
    >
      {state.phase === 'idle' && startError ? (
        <p className="fp-form__error" role="alert">
          {startError}
        </p>
      ) : (
        <div className="progress" role="status">
          <span className="progress__bar" aria-hidden="true" />
          {t('faxplus.wait.title')}
        </div>
      )}
    </Dialog>
  );
}
