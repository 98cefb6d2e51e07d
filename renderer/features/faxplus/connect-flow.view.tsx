// The dialog of a running or finished OAuth flow (body and buttons), shared by the connect
// dialog and the re-authorize dialog of the entry detail.
import type { EntryView } from '../../../preload/api';
import { t } from '../../i18n/i18n';
import { Button } from '../../ui/button';
import { Dialog } from '../../ui/dialog';
import { ConnectOutcome, ConnectWaiting } from './connect-progress';
import type { FlowState } from '../oauth/use-connect-flow';

type ActiveState = Extract<FlowState, { phase: 'waiting' | 'finished' }>;

/** The flow has left the form: main is waiting for the browser, or has the outcome. */
export function isActive(state: FlowState): state is ActiveState {
  return state.phase === 'waiting' || state.phase === 'finished';
}

export function FlowView({ state, reauth }: { state: ActiveState; reauth: boolean }) {
  return state.phase === 'waiting' ? (
    <ConnectWaiting pending={state.pending} />
  ) : (
    <ConnectOutcome event={state.event} reauth={reauth} />
  );
}

export interface FlowFooterProps {
  state: ActiveState;
  onCancel: () => void;
  /** Back to the form (connect) or start again (re-authorize). */
  onRetry: () => void;
  onClose: () => void;
  onDone: (entry?: EntryView) => void;
}

export function FlowFooter({ state, onCancel, onRetry, onClose, onDone }: FlowFooterProps) {
  if (state.phase === 'waiting') {
    return (
      <Button onClick={onCancel} autoFocus>
        {t('faxplus.wait.cancel')}
      </Button>
    );
  }
  if (state.event.outcome === 'connected') {
    return (
      <Button variant="primary" autoFocus onClick={() => onDone(state.event.entry)}>
        {t('faxplus.done')}
      </Button>
    );
  }
  return (
    <>
      <Button onClick={onClose}>{t('common.close')}</Button>
      <Button variant="primary" autoFocus onClick={onRetry}>
        {t('faxplus.result.tryAgain')}
      </Button>
    </>
  );
}

export interface FlowDialogProps extends FlowFooterProps {
  title: string;
  reauth: boolean;
}

export function FlowDialog({ title, reauth, ...footer }: FlowDialogProps) {
  return (
    <Dialog title={title} onClose={footer.onClose} footer={<FlowFooter {...footer} />}>
      <FlowView state={footer.state} reauth={reauth} />
    </Dialog>
  );
}
