import { describe, expect, it } from 'vitest';
import type { EntryView } from '../../../../preload/api';
import { credentialFields } from '../../../../main/core/export/credential-fields';
import { headerPairs } from '../../../../main/core/export/header-formats';
import { childEnvironment, parseEnvSpecs } from '../../../../main/cli/exec-env';

const base = { id: 'e1', status: 'active', createdAt: 1, updatedAt: 1 } as const;
const oauth: EntryView = {
  ...base,
  label: 'billing',
  provider: 'faxplus',
  kind: 'faxplus-oauth',
  clientId: 'APIKclient',
  redirectMode: 'loopback',
  allowMissingState: false,
  advancedSecurity: true,
  authorizedAt: 1,
  accessExpiresAt: Date.UTC(2026, 11, 6, 13),
  refreshExpiresAt: null,
};
const sms: EntryView = {
  ...base,
  label: 'acme',
  provider: 'smsfactor',
  kind: 'smsfactor-token',
  tokenId: '42',
  ttlSeconds: null,
  expiresAt: null,
  allowedIps: [],
  format: 'xml',
};

describe('credential fields', () => {
  it('Fax.Plus OAuth: token, client id, every header by name, and the env defaults', () => {
    const c = credentialFields(oauth, headerPairs(oauth, 'tok'));
    expect(c.fields).toMatchObject({
      token: 'tok',
      header: 'Authorization: Bearer tok',
      headers: 'Authorization: Bearer tok\nx-fax-clientid: APIKclient',
      authorization: 'Bearer tok',
      'x-fax-clientid': 'APIKclient',
      client_id: 'APIKclient',
      label: 'billing',
    });
    expect(c.defaultEnv).toEqual({
      AUTH_HEADER: 'header',
      FAXPLUS_ACCESS_TOKEN: 'token',
      FAXPLUS_CLIENT_ID: 'client_id',
    });
    expect(c.tokenExpiresAt).toBe(Date.UTC(2026, 11, 6, 13));
  });

  it('SMSFactor: SMSFACTOR_TOKEN, the Accept header as a field, no expiry', () => {
    const c = credentialFields(sms, headerPairs(sms, 'sf'));
    expect(c.fields).toMatchObject({ token: 'sf', accept: 'application/xml', token_id: '42' });
    expect(c.defaultEnv).toEqual({ AUTH_HEADER: 'header', SMSFACTOR_TOKEN: 'token' });
    expect(c.tokenExpiresAt).toBeNull();
  });
});

describe('exec environment', () => {
  const creds = credentialFields(oauth, headerPairs(oauth, 'tok'));
  const parent = {
    PATH: '/bin',
    TOKENVAULT_PASSWORD: 'master',
    TOKENVAULT_BACKUP_PASSPHRASE: 'backup',
    TOKENVAULT_HOME: '/v',
  };

  it('keeps the parent environment but never the vault passwords', () => {
    const env = childEnvironment(parent, creds, [], { defaults: true });
    expect(env).toMatchObject({ PATH: '/bin', TOKENVAULT_HOME: '/v', FAXPLUS_ACCESS_TOKEN: 'tok' });
    expect(env['TOKENVAULT_PASSWORD']).toBeUndefined();
    expect(env['TOKENVAULT_BACKUP_PASSPHRASE']).toBeUndefined();
    expect(env['TOKENVAULT_TOKEN_EXPIRES_AT']).toBe('2026-12-06T13:00:00.000Z');
  });

  it('--env overrides a default; --no-defaults sets only what was asked', () => {
    const specs = parseEnvSpecs(['AUTH_HEADER=authorization', 'CID=client_id']);
    expect(childEnvironment(parent, creds, specs, { defaults: true })['AUTH_HEADER']).toBe(
      'Bearer tok',
    );
    const only = childEnvironment(parent, creds, specs, { defaults: false });
    expect(only['CID']).toBe('APIKclient');
    expect(only['FAXPLUS_ACCESS_TOKEN']).toBeUndefined();
  });

  it('refuses malformed --env values and unknown fields with a usage error', () => {
    expect(() => parseEnvSpecs(['1BAD=token'])).toThrow(/NAME=FIELD/);
    expect(() => parseEnvSpecs(['NOFIELD'])).toThrow(/NAME=FIELD/);
    expect(() =>
      childEnvironment(parent, creds, parseEnvSpecs(['X=nope']), { defaults: false }),
    ).toThrow(/no field "nope"/);
  });
});
