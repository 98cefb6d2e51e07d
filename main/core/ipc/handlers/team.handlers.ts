// team:* — the Team section (issue 15): connect a database (make a team or ask to join),
// members, invite by fingerprint, remove with key rotation, share an entry and move it back.
// The connection string arrives once, as a secret, and is sealed beside the vault at once.
import type { TeamApp } from '../../team/team-app';
import type { HandlersFor } from '../dispatch';

export interface TeamHandlerDeps {
  team: TeamApp;
}

export function createTeamHandlers({ team }: TeamHandlerDeps): HandlersFor<'team'> {
  return {
    'team:status': () => team.status(),
    'team:connect': (req) => team.connect(req),
    'team:sync': () => team.sync(),
    'team:members': () => team.members(),
    'team:invite': ({ name, fingerprint }) => team.invite(name, fingerprint),
    'team:remove': ({ name }) => team.remove(name),
    'team:share': ({ id }) => team.share(id),
    'team:unshare': ({ id }) => team.unshare(id),
  };
}
