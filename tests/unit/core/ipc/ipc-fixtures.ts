// Shared fixtures for the IPC tests: a fake ipcMain, one valid payload per channel (typed by
// the contract, so a new channel without a fixture is a compile error) and a handler table.
import type { Channel, Req } from '../../../../preload/api';
import type { Handlers, IpcMainLike } from '../../../../main/core/ipc/dispatch';
import { allChannels } from '../../../../main/core/ipc/schemas';

export interface FakeSender {
  frameUrl: string;
}

export const appSender: FakeSender = { frameUrl: 'app://tokenvault/index.html' };
export const foreignSender: FakeSender = { frameUrl: 'https://evil.example/' };

type Listener = (event: FakeSender, payload: unknown) => Promise<unknown> | unknown;

/** Records registrations like Electron's ipcMain, which refuses a second handler per channel. */
export class FakeIpcMain implements IpcMainLike<FakeSender> {
  readonly listeners = new Map<string, Listener>();
  readonly handleCalls: string[] = [];

  handle(channel: string, listener: Listener): void {
    this.handleCalls.push(channel);
    if (this.listeners.has(channel)) throw new Error(`second handler for ${channel}`);
    this.listeners.set(channel, listener);
  }

  removeHandler(channel: string): void {
    this.listeners.delete(channel);
  }

  /** What ipcRenderer.invoke would resolve with; undefined listener = Electron's "no handler". */
  async invoke(
    channel: string,
    payload: unknown,
    sender: FakeSender = appSender,
  ): Promise<unknown> {
    const listener = this.listeners.get(channel);
    if (!listener) throw new Error(`No handler registered for '${channel}'`);
    return listener(sender, payload);
  }
}

export const validPayloads: { [C in Channel]: Req<C> } = {
  'vault:get-status': undefined,
  'vault:get-password-rules': undefined,
  'vault:create': { password: 'correct horse battery staple' },
  'vault:unlock': { password: 'correct horse battery staple' },
  'vault:lock': undefined,
  'vault:change-password': { current: 'old password 123', next: 'new password 456' },
  'settings:get': undefined,
  'settings:update': { idleLockMinutes: 5, clipboardClearSeconds: 20 },
  'tokens:list': undefined,
  'tokens:get': { id: 'e1' },
  'tokens:rename': { id: 'e1', label: 'billing' },
  'tokens:delete': { id: 'e1' },
  'tokens:verify': { id: 'e1' },
  'tokens:audit': { id: 'e1' },
  'tokens:set-reminders': { id: 'e1', muted: true, snoozedUntil: null },
  'faxplus:connect': {
    label: 'billing',
    clientId: 'APIKabc123',
    clientSecret: 'client-secret-value',
    redirectMode: 'scheme',
    advancedSecurity: false,
    allowMissingState: false,
  },
  'oauth2:connect': {
    label: 'gh',
    profile: 'github',
    clientId: 'Iv1.0123456789abcdef',
    clientSecret: 'github-client-secret-value',
    scopes: ['read:user'],
    redirectMode: 'loopback',
  },
  'oauth2:reauthorize': { id: 'e1' },
  'oauth2:cancel-connect': { flowId: 'flow-1' },
  'oauth2:redirect-uri': { redirectMode: 'scheme' },
  'oauth2:profiles': undefined,
  'faxplus:reauthorize': { id: 'e1' },
  'faxplus:cancel-connect': { flowId: 'flow-1' },
  'faxplus:redirect-uri': { redirectMode: 'loopback' },
  // Nullable numbers are given as numbers, so the fuzz never takes a number for a wrong type.
  'faxplus:add-pat': {
    label: 'pat',
    pat: 'alohi_pat_0123456789',
    expiresAt: 4_102_444_800_000,
    scopes: [],
  },
  'smsfactor:add-token': { label: 'sms', token: 'sms-token-value', format: 'json' },
  'apikey:add': {
    label: 'stripe',
    secret: 'sk_test_0123456789abcdef',
    headerName: 'Authorization',
    template: 'Bearer {token}',
    extraHeaders: [{ name: 'Stripe-Version', value: '2024-06-20' }],
    expiresAt: 4_102_444_800_000,
    verifyUrl: 'https://api.stripe.com/v1/balance',
  },
  'smsfactor:mint': {
    parentId: 'e1',
    name: 'ci',
    ttlSeconds: 3600,
    allowedIps: ['203.0.113.7', '2001:db8::/32'],
  },
  'smsfactor:list-remote': { parentId: 'e1' },
  'smsfactor:sub-accounts': { parentId: 'e1' },
  'smsfactor:revoke': { id: 'e1' },
  'smsfactor:set-format': { id: 'e1', format: 'xml' },
  'headers:preview': { id: 'e1', format: 'curl' },
  'headers:copy': { id: 'e1' },
  'reminders:list': undefined,
  'backup:export': { password: 'backup passphrase 123' },
  'backup:import': { password: 'backup passphrase 123', onConflict: 'keep-both' },
  'keychain:status': undefined,
  'keychain:enable': undefined,
  'keychain:disable': undefined,
  'keychain:unlock': undefined,
  'team:status': undefined,
  'team:connect': {
    mode: 'join',
    connectionString: 'postgres://bob@127.0.0.1:5432/ops',
    name: 'bob',
  },
  'team:sync': undefined,
  'team:members': undefined,
  'team:invite': { name: 'bob', fingerprint: 'K7QM-2D9X-ABCD-EFGH' },
  'team:remove': { name: 'bob' },
  'team:share': { id: 'e1' },
  'team:unshare': { id: 'team-abc' },
};

/** A handler table whose every handler records its call and answers with its channel name. */
export function recordingHandlers(calls: Array<{ channel: Channel; req: unknown }>): Handlers {
  const table: Record<string, (req: unknown) => unknown> = {};
  for (const channel of allChannels) {
    table[channel] = (req: unknown) => {
      calls.push({ channel, req });
      return { answeredBy: channel };
    };
  }
  return table as unknown as Handlers;
}

export const isTrusted = (e: FakeSender) => e.frameUrl === appSender.frameUrl;
