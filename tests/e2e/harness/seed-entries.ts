// Entries of every kind, added through the real vault service (metadata + sealed secrets).
import type { NewEntry, SecretField, VaultApi } from '../../../main/core/vault/vault.types';

const day = 24 * 3600e3;

export function seedEveryKind(vault: VaultApi, now = Date.now()): void {
  const entries: [NewEntry, Partial<Record<SecretField, string>>][] = [
    [
      {
        label: 'billing',
        provider: 'faxplus',
        kind: 'faxplus-oauth',
        status: 'active',
        account: { email: 'ops@example.com' },
        clientId: 'APIKe2eclient',
        redirectMode: 'scheme',
        allowMissingState: false,
        advancedSecurity: true,
        authorizedAt: now - 27 * day,
        accessExpiresAt: now + 3600e3,
        refreshExpiresAt: now + 3 * day,
      },
      { clientSecret: 'e2e-client-secret', accessToken: 'e2e-access', refreshToken: 'e2e-refresh' },
    ],
    [
      {
        label: 'reports',
        provider: 'faxplus',
        kind: 'faxplus-pat',
        status: 'active',
        preview: 'alohi_pat_…3f9c',
        expiresAt: now + 60 * day,
        scopes: ['fax:all:read'],
      },
      { pat: 'alohi_pat_e2e_reports_3f9c' },
    ],
    [
      {
        label: 'legacy archive',
        provider: 'faxplus',
        kind: 'faxplus-oauth',
        status: 'needs-reauth',
        lastError: 'Fax.Plus refused the refresh token; connect the app again.',
        clientId: 'APIKe2elegacy',
        redirectMode: 'loopback',
        allowMissingState: false,
        advancedSecurity: true,
        authorizedAt: now - 40 * day,
        refreshExpiresAt: now - 10 * day,
      },
      { clientSecret: 'e2e-legacy-secret' },
    ],
    [
      {
        label: 'alerts',
        provider: 'smsfactor',
        kind: 'smsfactor-token',
        status: 'active',
        tokenId: '4242',
        ttlSeconds: 30 * 24 * 3600,
        expiresAt: now - 2 * 3600e3,
        allowedIps: ['203.0.113.7'],
        format: 'json',
      },
      { token: 'e2e-smsfactor-alerts' },
    ],
    [
      {
        label: 'marketing',
        provider: 'smsfactor',
        kind: 'smsfactor-token',
        status: 'active',
        tokenId: '4243',
        ttlSeconds: null,
        expiresAt: null,
        allowedIps: [],
        format: 'xml',
      },
      { token: 'e2e-smsfactor-marketing' },
    ],
  ];
  for (const [entry, secrets] of entries) vault.add(entry, secrets);
}
