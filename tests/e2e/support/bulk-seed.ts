// Seeds thousands of entries straight into vault.json (metadata only, no sealed secrets),
// sealed with the master password as the app seals them, then has the running vault reload
// the file: one write instead of 10,000 IPC calls or 10,000 saves. Entries seeded this way
// cannot copy headers (they hold no secret); tests that copy use seedEveryKind's real entries.
import { join } from 'node:path';
import type { EntryView } from '../../../preload/api';
import { editVaultFile } from '../../support/vault-file-tool';

const day = 24 * 3600e3;

/** Entry `i` of the bulk set: a deterministic mix of kinds, accounts, deadlines and states. */
export function bulkEntry(i: number, now: number): EntryView {
  const n = String(i).padStart(5, '0');
  const base = {
    id: `bulk${n}`,
    label: `bulk entry ${n}`,
    status: i % 97 === 0 ? ('needs-reauth' as const) : ('active' as const),
    createdAt: now - (i % 365) * day,
    updatedAt: now - (i % 365) * day,
  };
  // Deadlines from 10 days ago to ~2 years ahead; none expires within 10 days of another on
  // a pattern, so sorting by expiry really reorders.
  const deadline = now + (((i * 7919) % 730) - 10) * day + i * 1000;
  switch (i % 3) {
    case 0:
      return {
        ...base,
        provider: 'faxplus',
        kind: 'faxplus-oauth',
        account: { email: `team${i % 50}@example.com` },
        clientId: `APIKbulk${n}`,
        redirectMode: 'scheme',
        allowMissingState: false,
        advancedSecurity: true,
        authorizedAt: base.createdAt,
        refreshExpiresAt: deadline,
      };
    case 1:
      return {
        ...base,
        provider: 'faxplus',
        kind: 'faxplus-pat',
        preview: `alohi_pat_…${n.slice(1)}`,
        expiresAt: deadline,
        scopes: ['fax:all:read'],
      };
    default:
      return {
        ...base,
        status: i % 50 === 2 ? 'revoked' : base.status,
        provider: 'smsfactor',
        kind: 'smsfactor-token',
        tokenId: String(700000 + i),
        ttlSeconds: null,
        expiresAt: i % 4 === 0 ? null : deadline,
        allowedIps: [],
        format: 'json',
        ...(i % 50 === 2 ? { revokedAt: now - day } : {}),
      };
  }
}

/** Appends `count` bulk entries to the vault file in `dataDir` and returns them. */
export async function seedBulk(
  dataDir: string,
  password: string,
  count: number,
  now = Date.now(),
): Promise<EntryView[]> {
  const added: EntryView[] = [];
  for (let i = 0; i < count; i++) added.push(bulkEntry(i, now));
  await editVaultFile(join(dataDir, 'vault.json'), password, (doc) => ({
    ...doc,
    entries: [...doc.entries, ...added.map((entry) => ({ ...entry, secrets: {} }))],
  }));
  return added;
}
