import { describe, expect, it } from 'vitest';
import type { EntryView, HeaderFormat, VaultStatus } from '../../../../preload/api';
import { ClipboardGuard } from '../../../../main/core/export/clipboard-guard';
import { HeadersService } from '../../../../main/core/export/headers.service';
import { VaultError, type SecretField } from '../../../../main/core/vault/vault.types';
import { FakeClipboard } from '../../../fakes/fake-clipboard';
import { FakeClock } from '../../../fakes/fake-clock';

const base = { status: 'active', createdAt: 0, updatedAt: 0 } as const;
const entries: EntryView[] = [
  {
    ...base,
    id: 'oauth',
    label: 'billing',
    provider: 'faxplus',
    kind: 'faxplus-oauth',
    clientId: 'APIKclient',
    redirectMode: 'loopback',
    allowMissingState: false,
    advancedSecurity: false,
    authorizedAt: 0,
    refreshExpiresAt: null,
  },
  {
    ...base,
    id: 'pat',
    label: 'ops',
    provider: 'faxplus',
    kind: 'faxplus-pat',
    expiresAt: null,
    scopes: [],
  },
  {
    ...base,
    id: 'sms',
    label: 'alerts',
    provider: 'smsfactor',
    kind: 'smsfactor-token',
    ttlSeconds: null,
    expiresAt: null,
    allowedIps: [],
    format: 'xml',
  },
];
const secrets: Record<string, Partial<Record<SecretField, string>>> = {
  oauth: { accessToken: 'stale-access-token-0000' },
  pat: { pat: 'alohi_pat_abcdefghijklmnop' },
  sms: { token: 'sms-token-1234567890ABCD' },
};

function setup(opts: { unlocked?: boolean; format?: HeaderFormat } = {}) {
  const clock = new FakeClock();
  const clipboard = new FakeClipboard();
  const audits: { id: string; action: string; detail?: string }[] = [];
  const statusListeners: ((s: VaultStatus) => void)[] = [];
  let unlocked = opts.unlocked ?? true;
  const refreshed: string[] = [];
  const vault = {
    get: (id: string) => {
      const e = entries.find((x) => x.id === id);
      if (!e) throw new VaultError('not-found', 'No such entry.');
      return e;
    },
    readSecret: (id: string, field: SecretField) => {
      if (!unlocked) throw new VaultError('locked', 'The vault is locked.');
      return secrets[id]?.[field];
    },
    recordAudit: (id: string, action: string, detail?: string) =>
      audits.push({ id, action, detail }),
    isUnlocked: () => unlocked,
    onStatus: (l: (s: VaultStatus) => void) => {
      statusListeners.push(l);
      return () => undefined;
    },
  };
  const guard = new ClipboardGuard({ clipboard, clock, scheduler: clock, clearSeconds: () => 30 });
  const service = new HeadersService({
    vault,
    guard,
    getAccessToken: async (id) => {
      refreshed.push(id);
      return 'fresh-access-token-9999';
    },
    defaultFormat: () => opts.format ?? 'http',
  });
  const lock = () => {
    unlocked = false;
    for (const l of statusListeners)
      l({
        exists: true,
        locked: true,
        keychainUnlockAvailable: false,
        keychainUnlockEnabled: false,
      });
  };
  return { service, clipboard, clock, audits, refreshed, lock };
}

describe('HeadersService.copy', () => {
  it.each([
    ['oauth', 'Authorization: Bearer fresh-access-token-9999\nx-fax-clientid: APIKclient'],
    ['pat', 'Authorization: Bearer alohi_pat_abcdefghijklmnop'],
    ['sms', 'Authorization: Bearer sms-token-1234567890ABCD\nAccept: application/xml'],
  ])('%s: clipboard gets the headers, audit gets no secret', async (id, expected) => {
    const { service, clipboard, clock, audits } = setup();
    const { clearsAt } = await service.copy(id);
    expect(clipboard.text).toBe(expected);
    expect(clipboard.writes[0]?.concealed).toBe(true);
    expect(clearsAt).toBe(clock.now() + 30_000);
    expect(audits).toEqual([{ id, action: 'copied', detail: 'http' }]);
    expect(JSON.stringify(audits)).not.toMatch(/token|alohi/);
  });

  it('Fax.Plus OAuth goes through getAccessToken (refresh when needed), never the stale copy', async () => {
    const { service, clipboard, refreshed } = setup();
    await service.copy('oauth', 'curl');
    expect(refreshed).toEqual(['oauth']);
    expect(clipboard.text).not.toContain('stale');
  });

  it('uses the default format setting when none is given', async () => {
    const { service, clipboard } = setup({ format: 'env' });
    await service.copy('pat');
    expect(clipboard.text).toBe("TOKENVAULT_AUTHORIZATION='Bearer alohi_pat_abcdefghijklmnop'");
  });

  it('locking clears the copied headers once started', async () => {
    const { service, clipboard, lock } = setup();
    service.start();
    await service.copy('pat');
    lock();
    expect(clipboard.text).toBe('');
  });

  it('a locked vault refuses to copy', async () => {
    const { service, clipboard } = setup({ unlocked: false });
    await expect(service.copy('pat')).rejects.toMatchObject({ code: 'locked' });
    expect(clipboard.writes).toEqual([]);
  });
});

describe('HeadersService.preview', () => {
  it('unlocked: masked with the last 4 characters', () => {
    const { service } = setup();
    const p = service.preview('sms', 'http');
    expect(p).toEqual({
      format: 'http',
      text: 'Authorization: Bearer ••••••••ABCD\nAccept: application/xml',
    });
  });

  it('locked: fully masked, no error', () => {
    const { service } = setup({ unlocked: false });
    expect(service.preview('oauth', 'http').text).toBe(
      'Authorization: Bearer ••••••••\nx-fax-clientid: APIKclient',
    );
  });

  it('does not refresh or copy', () => {
    const { service, refreshed, clipboard } = setup();
    service.preview('oauth', 'json');
    expect(refreshed).toEqual([]);
    expect(clipboard.writes).toEqual([]);
  });
});
