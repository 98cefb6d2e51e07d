// IPC payload fuzz (security.md 7, issue 7 item 6): for EVERY channel of the contract, 250
// payloads that are invalid by construction (wrong top-level type, an unknown key, a field of
// the wrong type, a control character, an over-long string) go through the real dispatch into
// the real core. Each answer is a Result with code 'invalid-input'; nothing runs: the vault
// file is byte-identical, no event, request, clipboard write or browser open happens.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Channel } from '../../preload/api';
import { allChannels } from '../../main/core/ipc/schemas';
import { patEntry } from '../unit/core/vault/vault-helpers';
import { validPayloads } from '../unit/core/ipc/ipc-fixtures';
import { MASTER, ScriptedTransport, startSecurityCore, type SecurityCore } from './core-harness';
import { mulberry32, randomJson, type Prng } from './prng';

const PER_CHANNEL = 250;

function wrongTypeFor(rng: Prng, value: unknown): unknown {
  const options: unknown[] = [];
  if (typeof value !== 'string') options.push(rng.string(10, 'abc'), '');
  if (typeof value !== 'number') options.push(rng.pick([0, 1, -1, 1e308, 0.5]));
  if (typeof value !== 'boolean') options.push(rng.chance(0.5));
  if (!Array.isArray(value)) options.push([rng.string(5)], []);
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    options.push({ [rng.string(4, 'xyz')]: 1 });
  }
  return rng.pick(options);
}

/** A payload the channel's schema must refuse, whatever the random choices. */
function invalidPayload(rng: Prng, valid: unknown): unknown {
  const notNullish = (v: unknown) => (v === null || v === undefined ? rng.string(5) : v);
  if (valid === undefined) return notNullish(randomJson(rng));
  const fields = Object.entries(valid as Record<string, unknown>);
  const strings = fields.filter(([, v]) => typeof v === 'string');
  const strategy = rng.int(5);
  if (strategy === 0 || fields.length === 0) {
    return rng.pick([rng.string(20), rng.int(1000), rng.chance(0.5), [valid], [], 'undefined']);
  }
  if (strategy === 1) {
    return { ...valid, [`x_${rng.string(6, 'abcdef')}`]: randomJson(rng) };
  }
  if (strategy === 2 || strings.length === 0) {
    const [key, value] = rng.pick(fields);
    return { ...valid, [key]: wrongTypeFor(rng, value) };
  }
  const [key, value] = rng.pick(strings);
  const text = value as string;
  return strategy === 3
    ? { ...valid, [key]: `${text}${rng.pick(['\u0000', '\n', '\u0007', '\u007f'])}${text}` }
    : { ...valid, [key]: 'x'.repeat(5000 + rng.int(5000)) };
}

let h: SecurityCore;

beforeAll(async () => {
  h = startSecurityCore({ http: new ScriptedTransport() });
  await h.core.vault.create(MASTER);
  h.core.vault.add(patEntry('Office'), { pat: 'alohi_pat_ipc_fuzz' });
});
afterAll(() => h.stop());

describe('IPC payload fuzz', () => {
  it('covers every channel of the contract', () => {
    expect(Object.keys(validPayloads).sort()).toEqual([...allChannels].sort());
  });

  it.each(allChannels.map((c) => [c]))(
    `%s: ${PER_CHANNEL} invalid payloads -> invalid-input, no state change`,
    async (channel: Channel) => {
      const rng = mulberry32(0x1bc0 + allChannels.indexOf(channel));
      const before = h.vaultBytes();
      const marks = [h.events.length, h.clipboard.writes.length, h.browser.opened.length];
      const transport = h.http as ScriptedTransport;
      const requests = transport.requests.length;
      const wrong: string[] = [];
      for (let i = 0; i < PER_CHANNEL; i += 1) {
        const payload = invalidPayload(rng, validPayloads[channel]);
        const answer = (await h.call(channel, payload)) as {
          ok?: unknown;
          error?: { code?: unknown; message?: unknown };
        };
        const fine =
          answer.ok === false &&
          answer.error?.code === 'invalid-input' &&
          typeof answer.error.message === 'string';
        if (!fine)
          wrong.push(
            `#${i} ${JSON.stringify(payload)?.slice(0, 100)} -> ${JSON.stringify(answer).slice(0, 100)}`,
          );
      }
      expect(wrong.slice(0, 5)).toEqual([]);
      expect(h.vaultBytes().equals(before)).toBe(true);
      expect([h.events.length, h.clipboard.writes.length, h.browser.opened.length]).toEqual(marks);
      expect(transport.requests.length).toBe(requests);
      expect(h.core.vault.isUnlocked()).toBe(true);
    },
  );
});
