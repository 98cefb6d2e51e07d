// Pending OAuth flows keyed by `state` (RFC 9700 4.7, security.md 12-13): 32 random bytes,
// base64url, single use, bound to one flow, 10 minutes. A state is remembered after use so a
// replayed callback is recognised as such (reported, never exchanged).
import type { Clock, Random, Scheduler, TimerHandle } from '../ports';

export const FLOW_LIFETIME_MS = 10 * 60 * 1000;
const STATE_BYTES = 32;
/** Forgotten states kept for replay detection; older ones fall back to "unknown". */
const USED_STATE_MEMORY = 256;

export interface PendingFlow<T> {
  flowId: string;
  state: string;
  createdAt: number;
  expiresAt: number;
  /** The provider is known to drop `state`: accept a callback without one for this flow. */
  allowMissingState: boolean;
  data: T;
}

export type ConsumeFailure = 'missing' | 'unknown' | 'expired' | 'replayed' | 'ambiguous';
export type ConsumeResult<T> =
  { ok: true; flow: PendingFlow<T> } | { ok: false; reason: ConsumeFailure };

export interface PendingFlowsDeps {
  clock: Clock;
  scheduler: Scheduler;
  random: Random;
  lifetimeMs?: number;
}

export function base64url(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString('base64url');
}

export class PendingFlows<T> {
  private readonly byState = new Map<string, PendingFlow<T>>();
  private readonly timers = new Map<string, TimerHandle>();
  private readonly used: string[] = [];
  private readonly lifetimeMs: number;

  constructor(private readonly deps: PendingFlowsDeps) {
    this.lifetimeMs = deps.lifetimeMs ?? FLOW_LIFETIME_MS;
  }

  /** Starts a flow; `onExpire` runs once if nobody consumes or cancels it in time. */
  create(
    data: T,
    options: { allowMissingState: boolean; onExpire?: (flow: PendingFlow<T>) => void },
  ): PendingFlow<T> {
    let state = base64url(this.deps.random.bytes(STATE_BYTES));
    // A collision would bind one state to two flows; draw again (only a broken Random repeats).
    for (let i = 0; this.byState.has(state) || this.used.includes(state); i++) {
      if (i >= 3) throw new Error('The random source keeps repeating itself.');
      state = base64url(this.deps.random.bytes(STATE_BYTES));
    }
    const now = this.deps.clock.now();
    const flow: PendingFlow<T> = {
      flowId: base64url(this.deps.random.bytes(16)),
      state,
      createdAt: now,
      expiresAt: now + this.lifetimeMs,
      allowMissingState: options.allowMissingState,
      data,
    };
    this.byState.set(state, flow);
    this.timers.set(
      flow.flowId,
      this.deps.scheduler.setTimeout(() => {
        if (this.remove(flow)) options.onExpire?.(flow);
      }, this.lifetimeMs),
    );
    return flow;
  }

  /** Takes the flow a callback belongs to. Succeeds at most once per flow. */
  consume(state: string | undefined): ConsumeResult<T> {
    let flow: PendingFlow<T> | undefined;
    if (state === undefined || state === '') {
      const lenient = this.list().filter((f) => f.allowMissingState);
      if (lenient.length === 0) return { ok: false, reason: 'missing' };
      // Without a state we cannot tell two lenient flows apart: refuse rather than guess.
      if (lenient.length > 1) return { ok: false, reason: 'ambiguous' };
      flow = lenient[0];
    } else {
      flow = this.byState.get(state);
      if (!flow) return { ok: false, reason: this.used.includes(state) ? 'replayed' : 'unknown' };
    }
    if (!flow) return { ok: false, reason: 'unknown' };
    // The timer may lag behind a clock jump (sleep, resume): the deadline is what counts.
    if (this.deps.clock.now() >= flow.expiresAt) {
      this.remove(flow);
      return { ok: false, reason: 'expired' };
    }
    this.remove(flow);
    return { ok: true, flow };
  }

  cancel(flowId: string): PendingFlow<T> | undefined {
    const flow = this.get(flowId);
    if (flow) this.remove(flow);
    return flow;
  }

  get(flowId: string): PendingFlow<T> | undefined {
    return this.list().find((f) => f.flowId === flowId);
  }

  list(): PendingFlow<T>[] {
    return [...this.byState.values()];
  }

  private remove(flow: PendingFlow<T>): boolean {
    if (this.byState.get(flow.state) !== flow) return false;
    this.byState.delete(flow.state);
    this.timers.get(flow.flowId)?.cancel();
    this.timers.delete(flow.flowId);
    this.used.push(flow.state);
    if (this.used.length > USED_STATE_MEMORY) this.used.shift();
    return true;
  }
}
