// Where the providers live: the real hosts, unless TOKENVAULT_*_URL points elsewhere (the
// local sandbox of tests and `npm run sandbox`; DESIGN.md "Provider endpoints are configurable").
import type { FaxplusEndpoints } from '../providers/faxplus/faxplus.client';

export interface ProviderEndpoints {
  faxplus: FaxplusEndpoints;
  smsfactorApiUrl: string;
}

/** Provider base URLs: the real hosts unless TOKENVAULT_*_URL points elsewhere (sandbox). */
export function providerEndpoints(env: Record<string, string | undefined>): ProviderEndpoints {
  return {
    faxplus: {
      accountsUrl: env['TOKENVAULT_FAXPLUS_ACCOUNTS_URL'] || 'https://accounts.fax.plus',
      apiUrl: env['TOKENVAULT_FAXPLUS_API_URL'] || 'https://restapi.fax.plus/v3',
    },
    smsfactorApiUrl: env['TOKENVAULT_SMSFACTOR_API_URL'] || 'https://api.smsfactor.com',
  };
}

/** Origins the Browser adapter may open besides the allow-list: overridden provider hosts. */
export function overriddenProviderOrigins(env: Record<string, string | undefined>): string[] {
  const urls = [env['TOKENVAULT_FAXPLUS_ACCOUNTS_URL']];
  return urls
    .filter((u): u is string => !!u)
    .flatMap((u) => {
      try {
        const parsed = new URL(u);
        return [`${parsed.protocol}//${parsed.host}`];
      } catch {
        return [];
      }
    });
}
