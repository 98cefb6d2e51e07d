// The renderer's side of one OAuth connect or re-authorize flow (Fax.Plus or any OAuth 2.0
// server): start it through main, wait for main's 'event:connect' about that flow, cancel it.
// Closing the dialog while waiting cancels the flow, so no sign-in is left pending in main
// with nobody watching.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ApiError, ConnectEvent, PendingConnect, Result } from '../../../preload/api';
import { settle, useApi, useVaultEvent } from '../../vault-client';

export type FlowState =
  | { phase: 'idle' }
  | { phase: 'starting' }
  | { phase: 'waiting'; pending: PendingConnect }
  | { phase: 'finished'; event: ConnectEvent };

export interface ConnectFlow {
  state: FlowState;
  /** Runs `start`; resolves with main's error when it refused to begin (e.g. a form error). */
  begin: (start: () => Promise<Result<PendingConnect>>) => Promise<ApiError | undefined>;
  cancel: () => void;
  reset: () => void;
}

/** The API method that cancels a waiting flow of this kind of connection. */
export type CancelMethod = 'cancelFaxplusConnect' | 'cancelOAuth2Connect';

export function useConnectFlow(cancelMethod: CancelMethod = 'cancelFaxplusConnect'): ConnectFlow {
  const api = useApi();
  const [state, setState] = useState<FlowState>({ phase: 'idle' });
  const waitingFor = useRef<string | undefined>(undefined);
  /** Events that arrived before main's answer to the start call (kept per flow id). */
  const early = useRef(new Map<string, ConnectEvent>());

  useVaultEvent('onConnect', (event) => {
    if (waitingFor.current === event.flowId) {
      waitingFor.current = undefined;
      setState({ phase: 'finished', event });
    } else {
      early.current.set(event.flowId, event);
    }
  });

  const begin = useCallback(async (start: () => Promise<Result<PendingConnect>>) => {
    setState({ phase: 'starting' });
    const result = await settle(start);
    if (!result.ok) {
      setState({ phase: 'idle' });
      return result.error;
    }
    const pending = result.value;
    const seen = early.current.get(pending.flowId);
    early.current.clear();
    if (seen) {
      setState({ phase: 'finished', event: seen });
    } else {
      waitingFor.current = pending.flowId;
      setState({ phase: 'waiting', pending });
    }
    return undefined;
  }, []);

  const cancel = useCallback(() => {
    const flowId = waitingFor.current;
    if (!flowId) return;
    // Main answers with a 'cancelled' event; show it at once rather than after the round trip.
    waitingFor.current = undefined;
    setState({ phase: 'finished', event: { flowId, outcome: 'cancelled' } });
    void settle(() => api[cancelMethod]({ flowId }));
  }, [api, cancelMethod]);

  const reset = useCallback(() => setState({ phase: 'idle' }), []);

  // Unmounting while waiting (dialog closed, Esc) cancels the flow in main.
  useEffect(
    () => () => {
      const flowId = waitingFor.current;
      if (flowId) void settle(() => api[cancelMethod]({ flowId }));
    },
    [api, cancelMethod],
  );

  return { state, begin, cancel, reset };
}
