// What a team operation throws when it cannot be done: a code and a sentence for the user.
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
