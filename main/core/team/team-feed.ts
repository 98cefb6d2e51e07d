// Live changes from the team database (issue 15): one connection per app LISTENs on
// `team_entries`; each notification names an entry id and its new version (0 = removed),
// written by the trigger of migration 2 inside the writing transaction. The app then reads
// the row itself. When the connection drops, `onOffline` says since when, so the app can
// show "offline since …" and keep working from its sealed local copy.
import pg from 'pg';

export interface TeamChange {
  entryId: string;
  /** The entry's version after the change; 0 when it was removed. */
  version: number;
}

export interface TeamFeedOptions {
  config: pg.ClientConfig;
  onChange: (change: TeamChange) => void;
  /** A member joined, was invited or removed (migration 4); read the members again. */
  onMembersChange?: () => void;
  onOffline?: (since: number, reason: string) => void;
  now?: () => number;
}

export interface TeamFeed {
  close(): Promise<void>;
}

const CHANNEL = 'team_entries';
const MEMBERS_CHANNEL = 'team_members';

export function parseChange(payload: string | undefined): TeamChange | undefined {
  const m = /^([A-Za-z0-9._-]{1,128}):(\d{1,18})$/.exec(payload ?? '');
  if (!m?.[1] || m[2] === undefined) return undefined;
  return { entryId: m[1], version: Number(m[2]) };
}

export async function listenForChanges(options: TeamFeedOptions): Promise<TeamFeed> {
  const client = new pg.Client(options.config);
  const now = options.now ?? Date.now;
  let closing = false;
  let offlineSaid = false;
  const offline = (reason: string) => {
    if (closing || offlineSaid) return;
    offlineSaid = true;
    options.onOffline?.(now(), reason);
  };
  client.on('notification', (message) => {
    if (message.channel === MEMBERS_CHANNEL) {
      options.onMembersChange?.();
      return;
    }
    if (message.channel !== CHANNEL) return;
    const change = parseChange(message.payload);
    if (change) options.onChange(change);
  });
  client.on('error', (error) => offline(error.message));
  client.on('end', () => offline('the connection to the team database ended'));
  await client.connect();
  await client.query(`LISTEN ${CHANNEL}`);
  await client.query(`LISTEN ${MEMBERS_CHANNEL}`);
  return {
    close: async () => {
      closing = true;
      await client.end().catch(() => undefined);
    },
  };
}
