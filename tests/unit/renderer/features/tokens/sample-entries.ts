// One entry of every kind, as main would list them.
import type {
  FaxplusOAuthEntry,
  FaxplusPatEntry,
  SmsfactorTokenEntry,
} from '../../../../../preload/api';

export const now = Date.UTC(2026, 10, 22, 12, 0, 0);
const day = 24 * 3600e3;

export const oauthEntry: FaxplusOAuthEntry = {
  id: 'e-oauth',
  label: 'billing',
  provider: 'faxplus',
  kind: 'faxplus-oauth',
  status: 'active',
  createdAt: now - 10 * day,
  updatedAt: now - day,
  account: { email: 'ops@example.com' },
  clientId: 'APIKexample',
  redirectMode: 'scheme',
  allowMissingState: false,
  advancedSecurity: true,
  authorizedAt: now - 10 * day,
  accessExpiresAt: now + 3600e3,
  refreshExpiresAt: now + 3 * day,
};

export const patEntry: FaxplusPatEntry = {
  id: 'e-pat',
  label: 'reports',
  provider: 'faxplus',
  kind: 'faxplus-pat',
  status: 'active',
  createdAt: now - day,
  updatedAt: now - day,
  preview: 'alohi_pat_…3f9c',
  expiresAt: null,
  scopes: ['fax:all:read'],
};

export const smsEntry: SmsfactorTokenEntry = {
  id: 'e-sms',
  label: 'alerts',
  provider: 'smsfactor',
  kind: 'smsfactor-token',
  status: 'active',
  createdAt: now - 40 * day,
  updatedAt: now - 40 * day,
  tokenId: '4242',
  ttlSeconds: 30 * 24 * 3600,
  expiresAt: now - 2 * 3600e3,
  allowedIps: ['203.0.113.7'],
  format: 'json',
};
