// Re-authorize an OAuth entry: main re-runs the browser flow with the client id and secret it
// already holds (the renderer never sees the secret), and on success updates the same entry.
import { useEffect, useRef, useState } from 'react';
import type { FaxplusOAuthEntry } from '../../../preload/api';
import { errorText } from '../../i18n/api-errors';
import { t } from '../../i18n/i18n';
import { Button } from '../../ui/button';
import { Dialog } from '../../ui/dialog';
import { Progress } from '../../ui/progress';
import { useApi } from '../../vault-client';
import { FlowDialog, isActive } from './connect-flow.view';
import { useConnectFlow } from '../oauth/use-connect-flow';
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
  if (isActive(state)) {
    return (
      <FlowDialog
        title={title}
        reauth
        state={state}
        onCancel={flow.cancel}
        onRetry={start}
        onClose={onClose}
        onDone={onClose}
      />
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
        <Progress>{t('faxplus.wait.title')}</Progress>
      )}
    </Dialog>
  );
}
