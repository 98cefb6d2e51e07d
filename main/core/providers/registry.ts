// The one list of entry kinds (the provider contract, contract.ts). Adding a provider is a
// folder beside faxplus/ and smsfactor/ and one line here.
import type { EntryKind, EntryView, ProviderId } from '../../../preload/api';
import { apiKey } from './api-key/api-key.entries';
import type { EntryKindModule } from './contract';
import { oauth2 } from './oauth2/oauth2.entries';
import { faxplusOauth, faxplusPat } from './faxplus/faxplus.entries';
import { smsfactorToken } from './smsfactor/smsfactor.entries';

const MODULES: readonly EntryKindModule[] = [
  faxplusOauth as EntryKindModule,
  faxplusPat as EntryKindModule,
  smsfactorToken as EntryKindModule,
  apiKey as EntryKindModule,
  oauth2 as EntryKindModule,
];

const BY_KIND = new Map<string, EntryKindModule>(MODULES.map((m) => [m.kind, m]));

export const ENTRY_KINDS: readonly EntryKind[] = MODULES.map((m) => m.kind);
export const PROVIDER_IDS: readonly ProviderId[] = [...new Set(MODULES.map((m) => m.provider))];

export function isEntryKind(value: unknown): value is EntryKind {
  return typeof value === 'string' && BY_KIND.has(value);
}

export function isProviderId(value: unknown): value is ProviderId {
  return typeof value === 'string' && (PROVIDER_IDS as readonly string[]).includes(value);
}

/** The module of an entry kind; throws for a kind no module claims (a bug, not input). */
export function kindModule(kind: EntryKind): EntryKindModule {
  const found = BY_KIND.get(kind);
  if (!found) throw new Error(`No provider module for entry kind "${kind}".`);
  return found;
}

export const moduleOf = (entry: Pick<EntryView, 'kind'>): EntryKindModule => kindModule(entry.kind);

/** The provider's name in messages ("Fax.Plus"). */
export function providerName(provider: ProviderId): string {
  return MODULES.find((m) => m.provider === provider)?.providerName ?? provider;
}
