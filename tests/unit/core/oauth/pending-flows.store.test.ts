import { describe, expect, it } from 'vitest';
import { FLOW_LIFETIME_MS, PendingFlows } from '../../../../main/core/oauth/pending-flows.store';
import type { Random } from '../../../../main/core/ports';
import { FakeClock } from '../../../fakes/fake-clock';
import { seededRandom } from './redirect-fuzz.cases';

function seeded(seed = 7): Random & { calls: number[] } {
  const rnd = seededRandom(seed);
  const calls: number[] = [];
  return {
    calls,
    bytes: (n) => {
      calls.push(n);
      return Uint8Array.from({ length: n }, () => Math.floor(rnd() * 256));
    },
  };
}

function setup(random: Random = seeded()) {
  const clock = new FakeClock();
  const flows = new PendingFlows<{ label: string }>({ clock, scheduler: clock, random });
  return { clock, flows };
}

describe('PendingFlows (security.md 12-13)', () => {
  it('draws each state from 32 random bytes, base64url', () => {
    const random = seeded();
    const { flows } = setup(random);
    const flow = flows.create({ label: 'a' }, { allowMissingState: false });
    expect(random.calls).toContain(32);
    expect(flow.state).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(flow.state, 'base64url')).toHaveLength(32);
  });

  it('gives every flow its own state', () => {
    const { flows } = setup();
    const states = Array.from(
      { length: 200 },
      (_, i) => flows.create({ label: String(i) }, { allowMissingState: false }).state,
    );
    expect(new Set(states).size).toBe(200);
  });

  it('refuses a random source that repeats itself', () => {
    const { flows } = setup({ bytes: (n) => new Uint8Array(n) });
    flows.create({ label: 'a' }, { allowMissingState: false });
    expect(() => flows.create({ label: 'b' }, { allowMissingState: false })).toThrow(/repeating/);
  });

  it('hands a flow out once; the second use is a replay', () => {
    const { flows } = setup();
    const flow = flows.create({ label: 'a' }, { allowMissingState: false });
    expect(flows.consume(flow.state)).toEqual({ ok: true, flow });
    expect(flows.consume(flow.state)).toEqual({ ok: false, reason: 'replayed' });
  });

  it('binds a state to its own flow only', () => {
    const { flows } = setup();
    const a = flows.create({ label: 'a' }, { allowMissingState: false });
    const b = flows.create({ label: 'b' }, { allowMissingState: false });
    expect(flows.consume(b.state)).toMatchObject({ ok: true, flow: { data: { label: 'b' } } });
    expect(flows.get(a.flowId)).toBe(a);
    expect(flows.consume('x'.repeat(43))).toEqual({ ok: false, reason: 'unknown' });
  });

  it('expires after 10 minutes, once, and calls back', () => {
    const { clock, flows } = setup();
    const expired: string[] = [];
    const flow = flows.create(
      { label: 'a' },
      { allowMissingState: false, onExpire: (f) => expired.push(f.flowId) },
    );
    clock.advance(FLOW_LIFETIME_MS - 1);
    expect(expired).toEqual([]);
    clock.advance(1);
    expect(expired).toEqual([flow.flowId]);
    expect(flows.consume(flow.state)).toEqual({ ok: false, reason: 'replayed' });
    expect(clock.pending()).toBe(0);
  });

  it('checks the deadline itself when the clock jumped past the timer', () => {
    const { clock, flows } = setup();
    const flow = flows.create({ label: 'a' }, { allowMissingState: false });
    clock.jump(FLOW_LIFETIME_MS);
    expect(flows.consume(flow.state)).toEqual({ ok: false, reason: 'expired' });
  });

  it('cancel removes the flow and its timer, without the expiry callback', () => {
    const { clock, flows } = setup();
    let expired = 0;
    const flow = flows.create(
      { label: 'a' },
      { allowMissingState: false, onExpire: () => expired++ },
    );
    expect(flows.cancel(flow.flowId)).toBe(flow);
    expect(flows.cancel(flow.flowId)).toBeUndefined();
    clock.advance(FLOW_LIFETIME_MS);
    expect(expired).toBe(0);
    expect(flows.consume(flow.state)).toMatchObject({ ok: false });
  });

  it('accepts a missing state only for a single flow that allows it', () => {
    const { flows } = setup();
    flows.create({ label: 'strict' }, { allowMissingState: false });
    expect(flows.consume(undefined)).toEqual({ ok: false, reason: 'missing' });
    const lenient = flows.create({ label: 'lenient' }, { allowMissingState: true });
    const second = flows.create({ label: 'lenient2' }, { allowMissingState: true });
    expect(flows.consume(undefined)).toEqual({ ok: false, reason: 'ambiguous' });
    flows.cancel(second.flowId);
    expect(flows.consume('')).toEqual({ ok: true, flow: lenient });
    expect(flows.consume(undefined)).toEqual({ ok: false, reason: 'missing' });
  });
});
