// API-key entries end to end in main (issue 20 part 2): every header template verified against
// a real local server, refusals in plain words that store nothing, later verification,
// expiry reminders, header export in every format, backup round trip and removal.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { HeaderFormat } from '../../../preload/api';
import { nodeBackupFiles } from '../../../main/core/backup/backup.files';
import { BackupService } from '../../../main/core/backup/backup.service';
import { HEADER_FORMATS } from '../../../main/core/export/header-formats';
import { DEFAULT_LEAD_MINUTES } from '../../../main/core/reminders/reminder.types';
import { listReminderItems } from '../../../main/core/reminders/reminder-items';
import { nodeRandom } from '../../../main/core/vault/crypto';
import { makeVault, tempDir } from '../../unit/core/vault/vault-helpers';
import { startApiKeyHarness, type ApiKeyHarness } from './api-key.harness';

const DAY = 24 * 3600 * 1000;
let h: ApiKeyHarness;

beforeEach(async () => {
  h = await startApiKeyHarness();
});
afterEach(async () => {
  await h.close();
});

const http = async (id: string) => h.headers.render(id, 'http');

describe('adding API keys, one per header template', () => {
  it('Stripe style: Bearer plus a fixed Stripe-Version, verified before it is stored', async () => {
    const entry = await h.service.add(
      h.request('stripe live', {
        extraHeaders: [{ name: 'Stripe-Version', value: '2024-06-20' }],
      }),
    );
    expect(entry).toMatchObject({
      kind: 'api-key',
      provider: 'api-key',
      label: 'stripe live',
      status: 'active',
      headerName: 'Authorization',
      template: 'Bearer {token}',
      preview: `sk_test_…${h.sandbox.keys.stripe.slice(-4)}`,
      lastVerifiedAt: h.clock.now(),
    });
    expect(JSON.stringify(entry)).not.toContain(h.sandbox.keys.stripe);
    expect(await http(entry.id)).toBe(
      `Authorization: Bearer ${h.sandbox.keys.stripe}\nStripe-Version: 2024-06-20`,
    );
    const seen = h.sandbox.requests.at(-1);
    expect(seen?.path).toBe('/stripe/v1/balance');
    expect(seen?.headers.authorization).toBe(`Bearer ${h.sandbox.keys.stripe}`);
    expect(seen?.headers['stripe-version']).toBe('2024-06-20');
    expect(h.vault.audit(entry.id).map((a) => a.action)).toEqual(['created']);
  });

  it('GitHub classic: "Authorization: token …"', async () => {
    const entry = await h.service.add(
      h.request('gh', {
        secret: h.sandbox.keys.github,
        template: 'token {token}',
        verifyUrl: `${h.sandbox.url}/github/user`,
      }),
    );
    expect(entry.preview).toBe(`ghp_…${h.sandbox.keys.github.slice(-4)}`);
    expect(await http(entry.id)).toBe(`Authorization: token ${h.sandbox.keys.github}`);
    expect(h.sandbox.requests.at(-1)?.headers['user-agent']).toMatch(/^TokenVault\//);
  });

  it('a header of its own: "X-Api-Key: …"', async () => {
    const entry = await h.service.add(
      h.request('xapi', {
        secret: h.sandbox.keys.xapi,
        headerName: 'X-Api-Key',
        template: '{token}',
        verifyUrl: `${h.sandbox.url}/xapi/me`,
      }),
    );
    expect(await http(entry.id)).toBe(`X-Api-Key: ${h.sandbox.keys.xapi}`);
    expect(h.sandbox.requests.at(-1)?.headers.authorization).toBeUndefined();
  });

  it('Basic from a user name and the secret; previews mask the encoded pair', async () => {
    const { user, secret } = h.sandbox.keys.basic;
    const entry = await h.service.add(
      h.request('basic', {
        secret,
        template: 'Basic {basic}',
        basicUser: user,
        verifyUrl: `${h.sandbox.url}/basic/me`,
      }),
    );
    const encoded = Buffer.from(`${user}:${secret}`).toString('base64');
    expect(await http(entry.id)).toBe(`Authorization: Basic ${encoded}`);
    const preview = h.headers.preview(entry.id, 'http').text;
    expect(preview).toBe(`Authorization: Basic ••••••••${encoded.slice(-4)}`);
    expect(preview).not.toContain(encoded);
    expect(preview).not.toContain(secret);
  });

  it('without a verification URL: stored unchecked, and Verify says why it cannot', async () => {
    const before = h.sandbox.requests.length;
    const entry = await h.service.add(
      h.request('offline', { secret: 'k'.repeat(20), verifyUrl: undefined }),
    );
    expect(h.sandbox.requests.length).toBe(before);
    expect(entry.lastVerifiedAt).toBeUndefined();
    await expect(h.service.verify(entry.id)).rejects.toThrow(
      '"offline" has no verification URL, so it cannot be checked.',
    );
  });

  it('exports its headers in every format, and the masked preview never shows the key', async () => {
    const entry = await h.service.add(
      h.request('formats', { extraHeaders: [{ name: 'Stripe-Version', value: '2024-06-20' }] }),
    );
    const key = h.sandbox.keys.stripe;
    const expected: Record<HeaderFormat, string> = {
      http: `Authorization: Bearer ${key}\nStripe-Version: 2024-06-20`,
      curl: `--oauth2-bearer ${key} -H Stripe-Version:2024-06-20`,
      json: JSON.stringify(
        { Authorization: `Bearer ${key}`, 'Stripe-Version': '2024-06-20' },
        null,
        2,
      ),
      env: `TOKENVAULT_AUTHORIZATION='Bearer ${key}'\nTOKENVAULT_STRIPE_VERSION='2024-06-20'`,
      fetch: `{\n  headers: {\n    "Authorization": "Bearer ${key}",\n    "Stripe-Version": "2024-06-20",\n  },\n}`,
      python: `{\n    "Authorization": "Bearer ${key}",\n    "Stripe-Version": "2024-06-20",\n}`,
    };
    for (const format of HEADER_FORMATS) {
      expect(await h.headers.render(entry.id, format)).toBe(expected[format]);
      const preview = h.headers.preview(entry.id, format).text;
      expect(preview).not.toContain(key);
      expect(preview).toContain(`••••••••${key.slice(-4)}`);
    }
    await h.headers.copy(entry.id, 'curl');
    expect(h.copied).toEqual([expected.curl]);
    expect(h.vault.audit(entry.id).at(-1)).toMatchObject({ action: 'copied', detail: 'curl' });
  });
});

describe('a key the verification URL does not accept is not stored', () => {
  const vaultBytes = () => readFileSync(h.path, 'utf8');

  it.each([
    ['a wrong key', '/stripe/v1/balance', 'auth-error', 'refused the key (HTTP 401 Unauthorized)'],
    ['a 403', '/xapi/me', 'auth-error', 'refused the key (HTTP 403 Forbidden)'],
    ['a wrong address', '/nope', 'provider-error', 'answered HTTP 404 Not Found, not a success'],
    ['a redirect', '/moved', 'provider-error', 'answered with a redirect (HTTP 302 Found)'],
  ])('%s', async (_name, path, code, words) => {
    const before = vaultBytes();
    const url = `${h.sandbox.url}${path}`;
    await expect(
      h.service.add(
        h.request('refused', { secret: 'sk_test_not_the_right_key_0000', verifyUrl: url }),
      ),
    ).rejects.toMatchObject({
      code,
      message: `${url} ${words}${path === '/moved' ? '; use the address it points to, so the key is not sent on blindly.' : path === '/nope' ? '; check the verification URL.' : '.'} The key was not stored.`,
    });
    expect(h.vault.list()).toEqual([]);
    expect(vaultBytes()).toBe(before);
    // A redirect is never followed with the key.
    expect(h.sandbox.requests.filter((r) => r.path === '/xapi/me').length).toBe(
      path === '/xapi/me' ? 1 : 0,
    );
  });

  it('an address nobody answers at', async () => {
    const url = h.sandbox.url;
    await h.sandbox.close();
    await expect(
      h.service.add(h.request('down', { verifyUrl: `${url}/stripe/v1/balance` })),
    ).rejects.toMatchObject({
      code: 'network-error',
      message: expect.stringMatching(/not stored\.$/),
    });
    expect(h.vault.list()).toEqual([]);
  });

  it('the key never appears in a refusal message', async () => {
    const secret = 'sk_test_wrong_but_secret_9999';
    const err: unknown = await h.service.add(h.request('x', { secret })).catch((e: unknown) => e);
    expect(String(err)).not.toContain(secret);
  });
});

describe('verifying later', () => {
  it('a key the service revoked is marked, and a working one clears the mark', async () => {
    const entry = await h.service.add(h.request('stripe'));
    h.clock.advance(DAY);
    h.sandbox.revoke(h.sandbox.keys.stripe);
    await expect(h.service.verify(entry.id)).rejects.toMatchObject({ code: 'auth-error' });
    expect(h.vault.get(entry.id)).toMatchObject({
      status: 'error',
      lastError: `${h.sandbox.url}/stripe/v1/balance refused the key (HTTP 401 Unauthorized).`,
    });

    const other = await h.service.add(
      h.request('xapi', {
        secret: h.sandbox.keys.xapi,
        headerName: 'X-Api-Key',
        template: '{token}',
        verifyUrl: `${h.sandbox.url}/xapi/me`,
      }),
    );
    h.clock.advance(DAY);
    const verified = await h.service.verify(other.id);
    expect(verified).toMatchObject({ status: 'active', lastVerifiedAt: h.clock.now() });
    expect(h.vault.audit(other.id).map((a) => a.action)).toEqual(['created', 'verified']);
  });
});

describe('input is checked before anything is sent, and names the field at fault', () => {
  it.each([
    ['label', { label: '  ' }, 'Give the entry a label.'],
    ['secret', { secret: 'two words' }, 'The key cannot contain spaces or line breaks.'],
    ['secret', { secret: 'clé-non-ascii-1234' }, 'The key can hold only plain ASCII characters.'],
    ['headerName', { headerName: 'X Api Key' }, /is not a header name/],
    ['headerName', { headerName: 'Host' }, 'Host is set by the HTTP client itself.'],
    ['template', { template: 'Bearer' }, /Put \{token\} where the key goes/],
    [
      'template',
      { template: '{token} {basic}', basicUser: 'u' },
      'Use {token} or {basic}, not both.',
    ],
    ['basicUser', { template: 'Basic {basic}' }, '{basic} needs the Basic user name.'],
    ['basicUser', { template: 'Basic {basic}', basicUser: 'a:b' }, /cannot contain a colon/],
    ['basicUser', { basicUser: 'someone' }, /used only with Basic \{basic\}/],
    [
      'extraHeaders',
      { extraHeaders: [{ name: 'authorization', value: 'x' }] },
      'authorization already carries the key.',
    ],
    [
      'extraHeaders',
      {
        extraHeaders: [
          { name: 'A', value: '1' },
          { name: 'a', value: '2' },
        ],
      },
      'a is there twice.',
    ],
    ['extraHeaders', { extraHeaders: [{ name: 'A', value: ' ' }] }, 'A has no value.'],
    ['expiresAt', { expiresAt: 1 }, 'That date has already passed.'],
    ['verifyUrl', { verifyUrl: 'http://api.example.com/me' }, /Use an https:\/\/ address/],
    ['verifyUrl', { verifyUrl: 'https://u:p@api.example.com/me' }, /Leave user names/],
    ['verifyUrl', { verifyUrl: 'api.example.com' }, /Type a full address/],
  ])('%s: %j', async (field, extra, message) => {
    await expect(h.service.add(h.request('checked', extra))).rejects.toMatchObject({
      code: 'invalid-input',
      field,
      message: typeof message === 'string' ? message : expect.stringMatching(message),
    });
    expect(h.transport.requests).toEqual([]);
    expect(h.vault.list()).toEqual([]);
  });

  it('a label another API key has is refused before the network is asked', async () => {
    await h.service.add(h.request('Stripe'));
    const sent = h.transport.requests.length;
    await expect(h.service.add(h.request('stripe'))).rejects.toMatchObject({
      code: 'duplicate-label',
    });
    expect(h.transport.requests.length).toBe(sent);
  });
});

describe('deadlines, backup and removal', () => {
  it('a typed expiry is tracked by the reminders like any other deadline', async () => {
    const entry = await h.service.add(
      h.request('expiring', { expiresAt: h.clock.now() + 5 * DAY }),
    );
    const settings = { reminderLeadMinutes: [...DEFAULT_LEAD_MINUTES] };
    const [item] = listReminderItems(h.vault.list(), settings, h.clock.now());
    expect(item).toMatchObject({
      entryId: entry.id,
      provider: 'api-key',
      kind: 'token-expiry',
      deadline: h.clock.now() + 5 * DAY,
      severity: 'warning',
      message: "Replace API key 'expiring' within 5 days",
    });
    h.clock.advance(6 * DAY);
    expect(listReminderItems(h.vault.list(), settings, h.clock.now())[0]).toMatchObject({
      severity: 'expired',
      message: "API key 'expiring' expired 1 day ago; replace it",
    });
    const never = await h.service.add(h.request('forever'));
    expect(
      listReminderItems(h.vault.list(), settings, h.clock.now()).map((i) => i.entryId),
    ).toEqual([entry.id]);
    expect(never.expiresAt).toBeNull();
  });

  it('survives a backup round trip into another vault, headers and all', async () => {
    const entry = await h.service.add(
      h.request('stripe', {
        extraHeaders: [{ name: 'Stripe-Version', value: '2024-06-20' }],
        expiresAt: h.clock.now() + 30 * DAY,
      }),
    );
    const file = join(h.dir, 'keys.tvbackup');
    const backupOf = (vault: typeof h.vault, clock: typeof h.clock) =>
      new BackupService({
        vault,
        files: nodeBackupFiles(),
        clock,
        random: nodeRandom(),
        kdfIterations: 1000,
      });
    await backupOf(h.vault, h.clock).exportTo(file, 'backup passphrase for keys');
    expect(readFileSync(file, 'utf8')).not.toContain(h.sandbox.keys.stripe);

    const other = makeVault(tempDir());
    await other.vault.create('another master password 77');
    expect(
      await backupOf(other.vault, other.clock).importFrom(file, 'backup passphrase for keys'),
    ).toMatchObject({ added: 1 });
    const [copy] = other.vault.list();
    expect(copy).toMatchObject({
      label: 'stripe',
      headerName: entry.headerName,
      template: entry.template,
      extraHeaders: entry.extraHeaders,
      expiresAt: entry.expiresAt,
      verifyUrl: entry.verifyUrl,
      preview: entry.preview,
    });
    expect(other.vault.readSecret(copy?.id ?? '', 'secret')).toBe(h.sandbox.keys.stripe);
    other.vault.lock();
  });

  it('is removed like any entry; its headers are gone with it', async () => {
    const entry = await h.service.add(h.request('gone soon'));
    h.vault.remove(entry.id);
    expect(h.vault.list()).toEqual([]);
    await expect(http(entry.id)).rejects.toMatchObject({ code: 'not-found' });
    const file = JSON.parse(readFileSync(h.path, 'utf8')) as { entries: unknown[] };
    expect(file.entries).toEqual([]);
  });
});
