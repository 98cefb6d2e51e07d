// security.md 7 and conventions 3-4: every IPC request is checked, parsed and answered as data.
import { describe, expect, it } from 'vitest';
import { channels, type Channel } from '../../../../preload/api';
import { registerHandlers, type Handlers } from '../../../../main/core/ipc/dispatch';
import { INTERNAL_MESSAGE, IpcError } from '../../../../main/core/ipc/ipc.errors';
import { allChannels } from '../../../../main/core/ipc/schemas';
import { ProviderError } from '../../../../main/core/providers/http';
import { VaultError } from '../../../../main/core/vault/vault.types';
import {
  FakeIpcMain,
  foreignSender,
  isTrusted,
  recordingHandlers,
  validPayloads,
} from './ipc-fixtures';

function setup(overrides: Partial<Record<Channel, (req: unknown) => unknown>> = {}) {
  const ipc = new FakeIpcMain();
  const calls: Array<{ channel: Channel; req: unknown }> = [];
  const handlers = { ...recordingHandlers(calls), ...overrides } as Handlers;
  const internal: Array<{ channel: Channel; error: unknown }> = [];
  const dispose = registerHandlers(ipc, handlers, {
    isTrustedSender: isTrusted,
    onInternalError: (channel, error) => internal.push({ channel, error }),
  });
  return { ipc, calls, internal, dispose };
}

describe('registration', () => {
  it('registers every contract channel exactly once and nothing else', () => {
    const { ipc } = setup();
    const contract = Object.values(channels).sort();
    expect([...ipc.handleCalls].sort()).toEqual(contract);
    expect(new Set(ipc.handleCalls).size).toBe(ipc.handleCalls.length);
    expect([...allChannels].sort()).toEqual(contract);
  });

  it.each(['vault:export-secrets', 'tokens:reveal', 'shell:open', '', 'VAULT:UNLOCK'])(
    'an unknown channel %j has no handler at all',
    async (channel) => {
      const { ipc } = setup();
      expect(ipc.listeners.has(channel)).toBe(false);
      await expect(ipc.invoke(channel, {})).rejects.toThrow(/No handler/);
    },
  );

  it('dispose removes every handler', () => {
    const { ipc, dispose } = setup();
    dispose();
    expect(ipc.listeners.size).toBe(0);
  });
});

describe('sender check', () => {
  it.each(allChannels)('%s: a foreign frame is refused before anything runs', async (channel) => {
    const { ipc, calls } = setup();
    const res = await ipc.invoke(channel, validPayloads[channel], foreignSender);
    expect(res).toEqual({ ok: false, error: { code: 'forbidden', message: expect.any(String) } });
    expect(calls).toEqual([]);
  });

  it('a sender check that throws counts as foreign', async () => {
    const ipc = new FakeIpcMain();
    const calls: Array<{ channel: Channel; req: unknown }> = [];
    registerHandlers(ipc, recordingHandlers(calls), {
      isTrustedSender: () => {
        throw new Error('frame destroyed');
      },
    });
    expect(await ipc.invoke('vault:lock', undefined)).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect(calls).toEqual([]);
  });
});

describe('payload validation', () => {
  it.each(allChannels)('%s: a valid payload reaches the handler', async (channel) => {
    const { ipc, calls } = setup();
    const res = await ipc.invoke(channel, validPayloads[channel]);
    expect(res).toEqual({ ok: true, value: { answeredBy: channel } });
    expect(calls.map((c) => c.channel)).toEqual([channel]);
  });

  const hostile: Array<[string, unknown]> = [
    ['a number', 42],
    ['a string', 'payload'],
    ['an array', [1, 2]],
    ['a function-like object', { then: 'x', constructor: 1 }],
  ];
  const cases = allChannels.flatMap((channel) =>
    hostile.map(([what, payload]) => [channel, what, payload] as const),
  );

  it.each(cases)('%s: %s -> invalid-input, handler not called', async (channel, _what, payload) => {
    const { ipc, calls } = setup();
    const res = await ipc.invoke(channel, payload);
    expect(res).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(calls).toEqual([]);
  });

  const objectChannels = allChannels.filter((c) => typeof validPayloads[c] === 'object');
  it.each(objectChannels)('%s: an unknown extra key is refused', async (channel) => {
    const { ipc, calls } = setup();
    const payload = { ...(validPayloads[channel] as object), isAdmin: true };
    expect(await ipc.invoke(channel, payload)).toMatchObject({
      ok: false,
      error: { code: 'invalid-input' },
    });
    expect(calls).toEqual([]);
  });

  it.each([
    ['vault:unlock', { password: 5 }, 'password'],
    ['vault:unlock', {}, 'password'],
    ['vault:create', { password: 'x'.repeat(2000) }, 'password'],
    ['settings:update', { idleLockMinutes: -1 }, 'idleLockMinutes'],
    ['settings:update', { clipboardClearSeconds: 1.5 }, 'clipboardClearSeconds'],
    ['settings:update', { theme: 'neon' }, 'theme'],
    ['tokens:rename', { id: 'e1', label: '   ' }, 'label'],
    ['tokens:rename', { id: 'e1', label: 'a\u0000b' }, 'label'],
    ['tokens:get', { id: '../../etc' }, 'id'],
    ['tokens:set-reminders', { id: 'e1', snoozedUntil: Number.NaN }, 'snoozedUntil'],
    [
      'faxplus:connect',
      { ...validPayloads['faxplus:connect'], redirectMode: 'http' },
      'redirectMode',
    ],
    ['faxplus:connect', { ...validPayloads['faxplus:connect'], clientId: 'AP IK' }, 'clientId'],
    ['smsfactor:mint', { ...validPayloads['smsfactor:mint'], allowedIps: [5] }, 'allowedIps.0'],
    ['smsfactor:mint', { ...validPayloads['smsfactor:mint'], ttlSeconds: 0 }, 'ttlSeconds'],
    ['headers:preview', { id: 'e1', format: 'yaml' }, 'format'],
  ] as const)('%s %j -> invalid-input on field %s', async (channel, payload, field) => {
    const { ipc } = setup();
    const res = (await ipc.invoke(channel, payload)) as {
      ok: false;
      error: { code: string; field?: string; message: string };
    };
    expect(res.ok).toBe(false);
    expect(res.error.code).toBe('invalid-input');
    expect(res.error.field).toBe(field);
    expect(res.error.message.startsWith(`${field}: `)).toBe(true);
  });

  it('an invalid-input message never quotes the submitted value', async () => {
    const { ipc } = setup();
    const secret = 'hunter2-super-secret';
    const res = await ipc.invoke('vault:unlock', { password: [secret] });
    expect(JSON.stringify(res)).not.toContain(secret);
  });
});

describe('errors become data without stacks or secrets', () => {
  const password = 'my master password 42';

  it.each([
    [
      'VaultError',
      new VaultError('wrong-password', 'Wrong password.'),
      'wrong-password',
      'Wrong password.',
    ],
    [
      'VaultError quoting the password',
      new VaultError('locked', `Locked (${password})`),
      'locked',
      'Locked ([redacted])',
    ],
    [
      'ProviderError',
      new ProviderError('auth-error', 'Fax.Plus refused the token.', 401),
      'auth-error',
      'Fax.Plus refused the token.',
    ],
    ['IpcError', new IpcError('cancelled', 'You cancelled.'), 'cancelled', 'You cancelled.'],
    ['a plain Error', new Error(`ENOENT open /home/u/${password}`), 'internal', INTERNAL_MESSAGE],
    ['a TypeError', new TypeError('x is undefined'), 'internal', INTERNAL_MESSAGE],
    ['a thrown string', password, 'internal', INTERNAL_MESSAGE],
    ['undefined', undefined, 'internal', INTERNAL_MESSAGE],
  ])('%s -> %s', async (_name, thrown, code, message) => {
    const { ipc, internal } = setup({
      'vault:unlock': () => {
        throw thrown;
      },
    });
    const res = await ipc.invoke('vault:unlock', { password });
    expect(res).toEqual({ ok: false, error: { code, message } });
    const text = JSON.stringify(res);
    expect(text).not.toContain(password);
    expect(text).not.toMatch(/\bat .*\(|stack/);
    expect(internal.length).toBe(code === 'internal' ? 1 : 0);
  });

  it('a rejected promise is mapped the same way', async () => {
    const { ipc } = setup({
      'tokens:verify': () => Promise.reject(new ProviderError('timeout', 'No answer in 15 s.')),
    });
    expect(await ipc.invoke('tokens:verify', { id: 'e1' })).toEqual({
      ok: false,
      error: { code: 'timeout', message: 'No answer in 15 s.' },
    });
  });

  it('an IpcError keeps the form field it concerns', async () => {
    const { ipc } = setup({
      'smsfactor:mint': () => {
        throw new IpcError('invalid-input', 'Not an IP address.', 'allowedIps');
      },
    });
    expect(await ipc.invoke('smsfactor:mint', validPayloads['smsfactor:mint'])).toEqual({
      ok: false,
      error: { code: 'invalid-input', message: 'Not an IP address.', field: 'allowedIps' },
    });
  });
});
