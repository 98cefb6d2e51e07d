// API keys under the provider contract: any service's static credential. The header and its
// template come from the entry (what the user chose when adding it), so one kind covers
// `Authorization: Bearer …`, GitHub's `Authorization: token …`, `X-Api-Key: …` and Basic.
import type { ApiKeyEntry } from '../../../../preload/api';
import type { EntryKindModule } from '../contract';
import { fillTemplate } from './api-key.rules';

export const apiKey: EntryKindModule<ApiKeyEntry> = {
  kind: 'api-key',
  provider: 'api-key',
  providerName: 'API key',
  trayName: 'API key',
  reminderNoun: 'API key',
  secretFields: ['secret'],
  bearerField: 'secret',
  refreshedAccess: false,
  reauthorizable: false,
  deadlineKind: 'token-expiry',
  deadlineAt: (e) => e.expiresAt,
  tokenExpiresAt: (e) => e.expiresAt,
  authHeader: (e, secret) => fillTemplate(e, secret),
  extraHeaders: (e) => e.extraHeaders.map((h) => ({ name: h.name, value: h.value })),
  fields: (e): Record<string, string> => (e.basicUser === undefined ? {} : { user: e.basicUser }),
  defaultEnv: { API_KEY: 'token' },
};
