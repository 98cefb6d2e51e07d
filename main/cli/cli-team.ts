// The team service as the command line uses it (issue 15): loaded only when the vault folder
// has a team membership (or a `team` command runs), synced once per command, and offline
// said on stderr: shared entries then come from the sealed local copy.
import { providerEndpoints } from '../core/app/provider-endpoints';
import { HttpClient, fetchTransport } from '../core/providers/http';
import { sharedRefresher } from '../core/team/shared-refresher';
import { timeOf } from '../core/team/team-errors';
import { TeamService, type TeamServiceDeps } from '../core/team/team.service';

export interface CliTeamOptions {
  dir: string;
  env: Record<string, string | undefined>;
  filesKey: () => Uint8Array;
  personal?: TeamServiceDeps['personal'];
  warn: (message: string) => void;
}

/** Real time; the team code needs nothing else of a clock. */
const systemClock = { now: () => Date.now() };

export function newTeamService(options: CliTeamOptions): TeamService {
  const urls = providerEndpoints(options.env);
  return new TeamService({
    dir: options.dir,
    filesKey: options.filesKey,
    ...(options.personal ? { personal: options.personal } : {}),
    clock: systemClock,
    refresher: sharedRefresher({
      http: new HttpClient({ transport: fetchTransport }),
      clock: systemClock,
      faxplusEndpoints: () => urls.faxplus,
    }),
  });
}

/** The team of this vault, synced (or from its sealed copy, said on stderr). */
export async function openTeamService(options: CliTeamOptions): Promise<TeamService> {
  // Sync failures other than being offline (a key that does not open) are the command's error.
  const team = newTeamService(options);
  const status = await team.sync();
  if (status.offlineSince !== undefined) {
    options.warn(
      `the team database cannot be reached (offline since ${timeOf(status.offlineSince)}); shared entries come from the sealed local copy and are read-only.`,
    );
  }
  return team;
}
