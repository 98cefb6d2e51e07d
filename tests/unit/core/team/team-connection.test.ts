import { describe, expect, it } from 'vitest';
import { isLoopbackHost, teamPoolConfig } from '../../../../main/core/team/team-connection';

describe('the team database connection string', () => {
  it('lets a database on this machine go without TLS', () => {
    for (const host of ['127.0.0.1', 'localhost', '[::1]']) {
      expect(teamPoolConfig(`postgres://team@${host}:5432/vault`).ssl).toBe(false);
    }
    expect(teamPoolConfig('postgres:///vault?host=/run/postgresql&user=team').ssl).toBe(false);
    expect(isLoopbackHost('127.10.0.1')).toBe(true);
    expect(isLoopbackHost('db.example.com')).toBe(false);
    expect(isLoopbackHost('10.0.0.5')).toBe(false);
  });

  it('requires TLS with certificate and name verification anywhere else', () => {
    const config = teamPoolConfig('postgres://team:pw@db.example.com:5432/vault');
    expect(config.ssl).toEqual({ rejectUnauthorized: true, servername: 'db.example.com' });
    expect(
      teamPoolConfig('postgresql://team@db.example.com/vault?sslmode=verify-full').ssl,
    ).toMatchObject({
      rejectUnauthorized: true,
    });
    const withCa = teamPoolConfig('postgres://team@10.0.0.5/vault', 'PEM');
    expect(withCa.ssl).toEqual({ rejectUnauthorized: true, ca: 'PEM' });
  });

  it.each(['disable', 'allow', 'prefer', 'require', 'verify-ca'])(
    'refuses sslmode=%s to a remote host, saying why',
    (mode) => {
      expect(() => teamPoolConfig(`postgres://team@db.example.com/vault?sslmode=${mode}`)).toThrow(
        `sslmode=${mode} does not verify the server's certificate`,
      );
    },
  );

  it('keeps TLS settings its own: what the string says about certificates is dropped', () => {
    const config = teamPoolConfig(
      'postgres://team@db.example.com/vault?sslrootcert=/tmp/evil.pem&application_name=tv',
    );
    expect(config.connectionString).toBe(
      'postgres://team@db.example.com/vault?application_name=tv',
    );
  });

  it.each([
    ['not a URL', 'team database please', /postgres:\/\/user@host/],
    ['another scheme', 'mysql://team@db.example.com/vault', /must start with postgres:\/\//],
    ['an unknown sslmode', 'postgres://team@127.0.0.1/vault?sslmode=maybe', /Unknown sslmode/],
  ])('refuses %s', (_name, text, message) => {
    expect(() => teamPoolConfig(text)).toThrow(message);
  });
});
