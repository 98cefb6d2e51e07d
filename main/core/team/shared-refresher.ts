// The refresh of a shared entry uses the providers' own session code (the same as a personal
// entry), over the one entry held in memory under its row lock. Loaded only when a shared
// entry needs a refresh.
import type { EntryKind } from '../../../preload/api';
import type { Clock } from '../ports';
import type { FaxplusEndpoints } from '../providers/faxplus/faxplus.client';
import type { HttpClient } from '../providers/http';
import { VaultError, type SessionVault } from '../vault/vault.types';
import type { SharedRefresher } from './team.service';

type Session = (vault: SessionVault) => Promise<{
  getAccessToken(id: string, minValidMs?: number): Promise<string>;
}>;

export function sharedRefresher(deps: {
  http: HttpClient;
  clock: Clock;
  faxplusEndpoints: () => FaxplusEndpoints;
}): SharedRefresher {
  // By kind, as cli-core.ts does it: the refreshed kinds and their session code.
  const sessions: Partial<Record<EntryKind, Session>> = {
    oauth2: async (vault) => {
      const [{ OAuth2Session }, { OAuth2Client }] = await Promise.all([
        import('../providers/oauth2/oauth2-session'),
        import('../providers/oauth2/oauth2.client'),
      ]);
      return new OAuth2Session({
        vault,
        client: new OAuth2Client(deps.http),
        http: deps.http,
        clock: deps.clock,
      });
    },
    'faxplus-oauth': async (vault) => {
      const [{ FaxplusSession }, { FaxplusClient }] = await Promise.all([
        import('../providers/faxplus/faxplus-session.service'),
        import('../providers/faxplus/faxplus.client'),
      ]);
      return new FaxplusSession({
        vault,
        client: new FaxplusClient({ http: deps.http, endpoints: deps.faxplusEndpoints }),
        clock: deps.clock,
      });
    },
  };
  return async (entry, vault, minValidMs) => {
    const session = sessions[entry.kind];
    if (!session) throw new VaultError('invalid-input', `"${entry.label}" is not refreshed.`);
    return (await session(vault)).getAccessToken(entry.id, minValidMs);
  };
}
