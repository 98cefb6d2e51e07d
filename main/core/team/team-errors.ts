// What a team operation throws when it cannot be done (a code and a sentence for the user),
// and the small pieces every layer uses without loading the team code (no pg here).
export type TeamErrorCode =
  | 'no-team'
  | 'team-offline'
  | 'not-admin'
  | 'not-found'
  | 'invalid-input'
  | 'duplicate-label'
  | 'conflict';

export class TeamError extends Error {
  constructor(
    readonly code: TeamErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'TeamError';
  }
}

/** Shared entries' ids start with this (personal ones never do), so any layer can route. */
export const SHARED_PREFIX = 'team-';
export const isSharedId = (id: string): boolean => id.startsWith(SHARED_PREFIX);

/** A time in the sentences team errors and notices say ("2026-12-07 07:17 UTC"). */
export const timeOf = (ms: number): string =>
  `${new Date(ms).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
