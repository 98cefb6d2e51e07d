// The entry kinds the renderer knows, as data (provider-ui.ts KindUi): rows, filters, sorting,
// badges and the detail view ask here and never compare a kind or a provider name. Adding a
// provider is its feature folder plus one line here and one in registry.ts.
import type { EntryKind, EntryView, ProviderId } from '../../preload/api';
import type { MessageKey } from '../i18n/en';
import { apiKeyUi } from './api-key/api-key.kinds';
import { faxplusOauthUi, faxplusPatUi } from './faxplus/faxplus.kinds';
import { oauth2Ui } from './oauth2/oauth2.kinds';
import type { KindUi } from './provider-ui';
import { smsfactorTokenUi } from './smsfactor/smsfactor.kinds';

export const KIND_UIS: readonly KindUi[] = [
  faxplusOauthUi as KindUi,
  faxplusPatUi as KindUi,
  smsfactorTokenUi as KindUi,
  apiKeyUi as KindUi,
  oauth2Ui as KindUi,
];

const BY_KIND = new Map<string, KindUi>(KIND_UIS.map((k) => [k.kind, k]));

export const KINDS: readonly EntryKind[] = KIND_UIS.map((k) => k.kind);
export const PROVIDERS: readonly ProviderId[] = [...new Set(KIND_UIS.map((k) => k.provider))];

export function kindUi(kind: EntryKind): KindUi {
  const found = BY_KIND.get(kind);
  if (!found) throw new Error(`No screen module for entry kind "${kind}".`);
  return found;
}

export const uiOf = (entry: Pick<EntryView, 'kind'>): KindUi => kindUi(entry.kind);

/** Who issued the entry's credential, as the user knows it: its service, else its provider. */
export function issuerName(entry: EntryView, providerName: string): string {
  return uiOf(entry).issuer?.(entry) ?? providerName;
}

export const providerNameKey = Object.fromEntries(
  KIND_UIS.map((k) => [k.provider, k.providerNameKey]),
) as Record<ProviderId, MessageKey>;

export const kindNameKey = Object.fromEntries(KIND_UIS.map((k) => [k.kind, k.nameKey])) as Record<
  EntryKind,
  MessageKey
>;
