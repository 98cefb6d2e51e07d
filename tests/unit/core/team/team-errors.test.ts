// What the renderer sees of a team failure: a code it knows, main's sentence, nothing of the
// connection string (it may hold the database password).
import { describe, expect, it } from 'vitest';
import { toApiError, secretsOf } from '../../../../main/core/ipc/ipc.errors';
import { TeamConnectionError, teamPoolConfig } from '../../../../main/core/team/team-connection';
import { TeamError } from '../../../../main/core/team/team-errors';
import { checkMemberName, isUnreachable } from '../../../../main/core/team/team.service';

describe('team errors at the IPC boundary', () => {
  it('offline is a network error with its sentence; not-admin is forbidden', () => {
    expect(
      toApiError(
        new TeamError('team-offline', 'The team database cannot be reached (offline since x).'),
      ),
    ).toEqual({
      code: 'network-error',
      message: 'The team database cannot be reached (offline since x).',
    });
    expect(toApiError(new TeamError('not-admin', 'Only a team admin can invite.')).code).toBe(
      'forbidden',
    );
  });

  it('a refused connection string is named beside its field, and its password is masked', () => {
    const url = 'postgres://ops:s3cret-pw@db.example.net/ops?sslmode=require';
    let thrown: unknown;
    try {
      teamPoolConfig(url);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(TeamConnectionError);
    const api = toApiError(thrown, secretsOf({ connectionString: url }));
    expect(api).toMatchObject({ code: 'invalid-input', field: 'connectionString' });
    expect(api.message).toMatch(/sslmode=require does not verify/);
    // Even a sentence that quoted the whole string would not carry it out.
    const quoted = toApiError(
      new TeamError('invalid-input', `bad: ${url}`),
      secretsOf({ connectionString: url }),
    );
    expect(quoted.message).not.toContain('s3cret-pw');
  });

  it('member names are handles the database may see, never e-mail addresses', () => {
    expect(checkMemberName(' bob.smith ')).toBe('bob.smith');
    expect(() => checkMemberName('bob@example.com')).toThrow(/not an e-mail/);
    expect(() => checkMemberName('')).toThrow(TeamError);
  });

  it('tells an unreachable database from a refused statement', () => {
    expect(
      isUnreachable(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' })),
    ).toBe(true);
    expect(
      isUnreachable(Object.assign(new Error('terminating connection'), { code: '57P01' })),
    ).toBe(true);
    expect(isUnreachable(new Error('Connection terminated unexpectedly'))).toBe(true);
    expect(isUnreachable(Object.assign(new Error('duplicate key'), { code: '23505' }))).toBe(false);
  });
});
