// The command table: names, options, help and completion data. It imports nothing from core
// but the provider registry (plain data), so parsing and `--help` cost nothing; each
// command's code is imported only when it runs.
import type { ParseArgsConfig } from 'node:util';
import { PROVIDER_IDS } from '../core/providers/registry';
import type { CommandRun } from './cli-context';

type Options = NonNullable<ParseArgsConfig['options']>;

/** Entry labels (read without a password), file names, or a fixed list of words. */
export type CompletionSource = 'label' | 'file' | readonly string[];

export interface CommandSpec {
  /** One or two words, e.g. 'headers', 'add faxplus-pat'. */
  name: string;
  usage: string;
  summary: string;
  /** Extra help lines after the usage. */
  details: string[];
  options: Options;
  /** Number of positional arguments after the command words: [min, max]. */
  positionals: [number, number];
  /** Everything after the first `--` is a command line of its own (`exec`). */
  passthrough?: boolean;
  /** Left out of the general help (the shell-completion helper). */
  hidden?: boolean;
  /**
   * Unlocks the vault with the master password first thing, so the bin starts the KDF
   * before the program loads when the password is in the environment (bin-early.ts).
   */
  unlocks?: boolean;
  /** What shell completion offers for the positional arguments and for option values. */
  completes?: { positional?: CompletionSource; values?: Record<string, CompletionSource> };
  load: () => Promise<CommandRun>;
}

/** Options every command accepts. */
export const GLOBAL_OPTIONS: Options = {
  vault: { type: 'string' },
  'password-stdin': { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
};

export const GLOBAL_HELP = [
  'Global options:',
  "  --vault DIR         vault folder (default: $TOKENVAULT_HOME, else the app's data folder)",
  '  --password-stdin    read the master password from the first line of standard input',
  '  -h, --help          show help',
  '',
  'The vault opens with the session in TOKENVAULT_SESSION (`tokenvault unlock`), else the master',
  'password from TOKENVAULT_PASSWORD, --password-stdin or a hidden prompt.',
  'Secrets (client secret, PAT, token, API key) are read from standard input (one line each, after',
  'the password line when --password-stdin is used), never from arguments.',
  'Exit codes: 0 success, 1 provider/network or other failure, 2 usage error,',
  '            3 wrong password or vault missing.',
];

const FORMATS = 'http|curl|json|env|fetch|python';
const PROVIDERS = PROVIDER_IDS.join('|');
const WIRE_FORMATS = ['json', 'xml'] as const;

/** Option values every command completes the same way. */
export const GLOBAL_COMPLETES: Record<string, CompletionSource> = { vault: 'file' };

export const COMMANDS: CommandSpec[] = [
  {
    name: 'init',
    usage: 'tokenvault init',
    summary: 'create a new, empty vault',
    details: ['Asks for the new master password twice when typed at a terminal.'],
    options: {},
    positionals: [0, 0],
    load: () => import('./commands/init.command').then((m) => m.run),
  },
  {
    name: 'unlock',
    usage: 'tokenvault unlock [--for LENGTH] [--raw]',
    summary: 'start a session: commands then need no password for a while (default 15m)',
    details: [
      'Asks for the master password once and prints a shell line that sets TOKENVAULT_SESSION:',
      '  eval "$(tokenvault unlock --for 1h)"            (bash, zsh)',
      '  set -gx TOKENVAULT_SESSION (tokenvault unlock --raw)   (fish)',
      'LENGTH: 10s to 24h (90s, 15m, 8h; a number alone is minutes). The session ends then, at',
      '`tokenvault lock`, when the app is locked by hand, or when the master password changes.',
      'It works only where the variable is set; `exec` never passes it on.',
    ],
    options: { for: { type: 'string' }, raw: { type: 'boolean' } },
    positionals: [0, 0],
    load: () => import('./commands/unlock.command').then((m) => m.run),
  },
  {
    name: 'lock',
    usage: 'tokenvault lock',
    summary: 'end every session of the vault (TOKENVAULT_SESSION stops working)',
    details: ['Needs no password.'],
    options: {},
    positionals: [0, 0],
    load: () => import('./commands/lock.command').then((m) => m.run),
  },
  {
    name: 'list',
    unlocks: true,
    usage: 'tokenvault list [--json]',
    summary: 'list entries (metadata only; labels are sealed: needs the password or a session)',
    details: ['--json prints { "version": 1, "entries": [...] } (see README).'],
    options: { json: { type: 'boolean' } },
    positionals: [0, 0],
    load: () => import('./commands/list.command').then((m) => m.run),
  },
  {
    name: 'headers',
    unlocks: true,
    usage: `tokenvault headers <label> [--format ${FORMATS}] [--provider ${PROVIDERS}]`,
    summary: 'print the HTTP auth headers of an entry (refreshes an OAuth token first)',
    details: [
      'Default format: http. Example:',
      '  curl $(tokenvault headers billing --format curl) https://restapi.fax.plus/v3/accounts/self',
      '--provider picks the entry when several providers have one with that label.',
    ],
    options: { format: { type: 'string' }, provider: { type: 'string' } },
    positionals: [1, 1],
    completes: {
      positional: 'label',
      values: { format: FORMATS.split('|'), provider: PROVIDER_IDS },
    },
    load: () => import('./commands/headers.command').then((m) => m.run),
  },
  {
    name: 'token',
    unlocks: true,
    usage: `tokenvault token <label> [--provider ${PROVIDERS}]`,
    summary: 'print only the bearer token of an entry, for $(...) (refreshes an OAuth token)',
    details: ['Example:', '  curl -H "Authorization: Bearer $(tokenvault token billing)" …'],
    options: { provider: { type: 'string' } },
    positionals: [1, 1],
    completes: { positional: 'label', values: { provider: PROVIDER_IDS } },
    load: () => import('./commands/token.command').then((m) => m.run),
  },
  {
    name: 'exec',
    unlocks: true,
    usage:
      'tokenvault exec <label> [--env NAME=FIELD]... [--no-defaults] [--min-valid SECONDS] ' +
      `[--provider ${PROVIDERS}] -- <command> [args...]`,
    summary: "run a command with an entry's credentials in its environment",
    details: [
      'Sets AUTH_HEADER (the full "Authorization: Bearer …" line) and, per provider,',
      'FAXPLUS_ACCESS_TOKEN + FAXPLUS_CLIENT_ID (Fax.Plus), SMSFACTOR_TOKEN (SMSFactor),',
      "OAUTH2_ACCESS_TOKEN (OAuth 2.0) or API_KEY (API keys; AUTH_HEADER is then the key's",
      'own header line),',
      'plus TOKENVAULT_TOKEN_EXPIRES_AT (ISO time, when known). --env NAME=FIELD adds or',
      'replaces one (fields: token, header, headers, authorization, label, client_id, …);',
      '--no-defaults sets only those. --min-valid refreshes an OAuth token first unless it',
      'stays valid that many seconds. The exit code and signals of the command pass through;',
      'TOKENVAULT_PASSWORD and TOKENVAULT_SESSION are never passed on. Example:',
      '  tokenvault exec billing -- sh -c \'curl -H "$AUTH_HEADER" https://restapi.fax.plus/v3/accounts/self\'',
    ],
    options: {
      env: { type: 'string', multiple: true },
      'no-defaults': { type: 'boolean' },
      'min-valid': { type: 'string' },
      provider: { type: 'string' },
    },
    positionals: [1, 1],
    passthrough: true,
    completes: { positional: 'label', values: { provider: PROVIDER_IDS } },
    load: () => import('./commands/exec.command').then((m) => m.run),
  },
  {
    name: 'inject',
    unlocks: true,
    usage: 'tokenvault inject [-i TEMPLATE] [-o FILE]',
    summary: 'fill {{ tokenvault://<label>/<field> }} references in a template',
    details: [
      'Reads the template from -i (else standard input) and writes to -o (else standard',
      'output). FILE is written atomically with mode 0600; an unknown label or field is an',
      'error naming it, and nothing is written. Labels with spaces are written as they are',
      '(or %-encoded). When several providers use a label, put the provider first:',
      'tokenvault://api-key:<label>/<field>.',
    ],
    options: {
      in: { type: 'string', short: 'i' },
      out: { type: 'string', short: 'o' },
    },
    positionals: [0, 0],
    completes: { values: { in: 'file', out: 'file' } },
    load: () => import('./commands/inject.command').then((m) => m.run),
  },
  {
    name: 'add faxplus-pat',
    usage: 'tokenvault add faxplus-pat --label <l> [--expires YYYY-MM-DD] < pat.txt',
    summary: 'store a Fax.Plus personal access token (read from standard input)',
    details: ['The token is checked against Fax.Plus; expiry and scopes are filled in from it.'],
    options: { label: { type: 'string' }, expires: { type: 'string' } },
    positionals: [0, 0],
    load: () => import('./commands/add-faxplus-pat.command').then((m) => m.run),
  },
  {
    name: 'add api-key',
    usage:
      'tokenvault add api-key --label <l> [--header NAME] [--template T] [--basic-user U] ' +
      "[--extra-header 'Name: value']... [--expires YYYY-MM-DD] [--verify-url URL] < key.txt",
    summary: "store any service's API key or static token (read from standard input)",
    details: [
      'The header defaults to Authorization and the template to "Bearer {token}" (the bare',
      'key for another header). Examples: --template "token {token}" (GitHub classic),',
      '--header X-Api-Key, --basic-user acct (Authorization: Basic base64(acct:key)).',
      '--expires is tracked by the reminders. --verify-url: a GET with the headers must',
      'answer 2xx, or the key is not stored (https, or http to 127.0.0.1/localhost only).',
    ],
    options: {
      label: { type: 'string' },
      header: { type: 'string' },
      template: { type: 'string' },
      'basic-user': { type: 'string' },
      'extra-header': { type: 'string', multiple: true },
      expires: { type: 'string' },
      'verify-url': { type: 'string' },
    },
    positionals: [0, 0],
    completes: {
      values: {
        header: ['Authorization', 'X-Api-Key'],
        template: ['Bearer {token}', 'token {token}', '{token}', 'Basic {basic}'],
      },
    },
    load: () => import('./commands/add-api-key.command').then((m) => m.run),
  },
  {
    name: 'connect faxplus',
    usage:
      'tokenvault connect faxplus --label <l> --client-id <id> --redirect loopback[:PORT] ' +
      '[--no-browser] [--refresh-days 30|none] [--timeout SECONDS] < client-secret.txt',
    summary: 'authorize a Fax.Plus OAuth app through the browser and store its tokens',
    details: [
      'Prints the authorize URL as a line of its own on standard output, opens the browser',
      'unless --no-browser, then waits (default 300 s) for the redirect to',
      'http://127.0.0.1:PORT/oauth/faxplus. --refresh-days 30 = the account has advanced',
      'security controls (the authorization must be redone every 30 days); none = default.',
    ],
    options: {
      label: { type: 'string' },
      'client-id': { type: 'string' },
      redirect: { type: 'string' },
      'no-browser': { type: 'boolean' },
      'refresh-days': { type: 'string' },
      timeout: { type: 'string' },
    },
    positionals: [0, 0],
    completes: { values: { redirect: ['loopback'], 'refresh-days': ['30', 'none'] } },
    load: () => import('./commands/connect-faxplus.command').then((m) => m.run),
  },
  {
    name: 'connect oauth2',
    usage:
      'tokenvault connect oauth2 --label <l> (--profile github|google|microsoft|slack | ' +
      '--issuer URL | --authorize-url URL --token-url URL [--revocation-url URL]) ' +
      '--client-id <id> [--scope S]... [--auth basic|post|none] [--redirect loopback[:PORT]] ' +
      '[--no-browser] [--refresh-days N] [--verify-url URL] [--timeout SECONDS] < client-secret.txt',
    summary: 'authorize any OAuth 2.0 app through the browser (PKCE) and store its tokens',
    details: [
      'Prints the authorize URL as a line of its own on standard output, opens the browser',
      'unless --no-browser, then waits (default 300 s) for http://127.0.0.1:PORT/oauth/oauth2.',
      '--issuer finds the endpoints by discovery; the client secret is read from standard',
      'input unless --auth none. --refresh-days: the refresh token lifetime when the server',
      'does not send one (e.g. 7 for a Google app in "Testing").',
    ],
    options: {
      label: { type: 'string' },
      profile: { type: 'string' },
      issuer: { type: 'string' },
      'authorize-url': { type: 'string' },
      'token-url': { type: 'string' },
      'revocation-url': { type: 'string' },
      'client-id': { type: 'string' },
      scope: { type: 'string', multiple: true },
      auth: { type: 'string' },
      redirect: { type: 'string' },
      'no-browser': { type: 'boolean' },
      'refresh-days': { type: 'string' },
      'verify-url': { type: 'string' },
      timeout: { type: 'string' },
    },
    positionals: [0, 0],
    completes: {
      values: {
        profile: ['github', 'google', 'microsoft', 'slack'],
        auth: ['basic', 'post', 'none'],
        redirect: ['loopback'],
      },
    },
    load: () => import('./commands/connect-oauth2.command').then((m) => m.run),
  },
  {
    name: 'add smsfactor',
    usage: 'tokenvault add smsfactor --label <l> [--format json|xml] < token.txt',
    summary: 'store an SMSFactor token made on the web platform (read from standard input)',
    details: ['--format is the wire format the headers ask for (Accept); default json.'],
    options: { label: { type: 'string' }, format: { type: 'string' } },
    positionals: [0, 0],
    completes: { values: { format: WIRE_FORMATS } },
    load: () => import('./commands/add-smsfactor.command').then((m) => m.run),
  },
  {
    name: 'create smsfactor',
    usage:
      'tokenvault create smsfactor --parent <l> --name <n> [--ttl SECONDS] [--allowed-ip IP]... ' +
      '[--account ID] [--format json|xml] [--label <l>]',
    summary: 'mint a new SMSFactor token with an existing one and print it once',
    details: [
      'The new token is stored in the vault first, then printed alone on standard output.',
      '--account mints for a sub-account; --label defaults to --name.',
    ],
    options: {
      parent: { type: 'string' },
      name: { type: 'string' },
      ttl: { type: 'string' },
      'allowed-ip': { type: 'string', multiple: true },
      account: { type: 'string' },
      format: { type: 'string' },
      label: { type: 'string' },
    },
    positionals: [0, 0],
    completes: { values: { parent: 'label', format: WIRE_FORMATS } },
    load: () => import('./commands/create-smsfactor.command').then((m) => m.run),
  },
  {
    name: 'revoke smsfactor',
    usage: 'tokenvault revoke smsfactor <label>',
    summary: 'revoke an SMSFactor token at the provider and mark it revoked',
    details: [],
    options: {},
    positionals: [1, 1],
    completes: { positional: 'label' },
    load: () => import('./commands/revoke-smsfactor.command').then((m) => m.run),
  },
  {
    name: 'remove',
    usage: `tokenvault remove <label> [--yes] [--keep-grant] [--provider ${PROVIDERS}]`,
    summary: 'delete an entry from the vault (asks first at a terminal)',
    details: [
      'Scripts pass --yes. An OAuth 2.0 grant is revoked at the server first (RFC 7009) when',
      'it has a revocation endpoint, unless --keep-grant. Other credentials are not revoked:',
      'for an SMSFactor token run `tokenvault revoke smsfactor <label>` first.',
    ],
    options: {
      yes: { type: 'boolean', short: 'y' },
      'keep-grant': { type: 'boolean' },
      provider: { type: 'string' },
    },
    positionals: [1, 1],
    completes: { positional: 'label', values: { provider: PROVIDER_IDS } },
    load: () => import('./commands/remove.command').then((m) => m.run),
  },
  {
    name: 'team init',
    usage:
      'tokenvault team init --name <you> [--team NAME] [--db URL] [--ca FILE] < connection.txt',
    summary: "create a team in the team's PostgreSQL; you become its first admin",
    details: [
      'The connection string (postgres://user:password@host:port/database) is read from',
      'standard input, or given with --db when it holds no password; it is kept sealed beside',
      'the vault. TLS with certificate verification is required except to this machine',
      '(--ca FILE trusts a private CA). --name is a handle the database sees (not an e-mail).',
    ],
    options: {
      name: { type: 'string' },
      team: { type: 'string' },
      db: { type: 'string' },
      ca: { type: 'string' },
    },
    positionals: [0, 0],
    completes: { values: { ca: 'file' } },
    load: () => import('./commands/team.command').then((m) => m.runInit),
  },
  {
    name: 'team join',
    usage:
      'tokenvault team join --name <you> [--team NAME] [--db URL] [--ca FILE] < connection.txt',
    summary: 'ask to join a team; prints your fingerprint to read out to an admin',
    details: [
      'You are pending until an admin runs `team invite <you> --fingerprint <it>`; compare',
      'the fingerprint by a channel you trust (in person, a call), never the same chat.',
    ],
    options: {
      name: { type: 'string' },
      team: { type: 'string' },
      db: { type: 'string' },
      ca: { type: 'string' },
    },
    positionals: [0, 0],
    completes: { values: { ca: 'file' } },
    load: () => import('./commands/team.command').then((m) => m.runJoin),
  },
  {
    name: 'team invite',
    usage: 'tokenvault team invite <member> --fingerprint <fp>',
    summary: 'give a pending member the team key (admins; only if the fingerprint matches)',
    details: [
      'The fingerprint is the one the member read out to you from `team join`. At a terminal,',
      'without --fingerprint, it is shown and you are asked whether it is what they read.',
    ],
    options: { fingerprint: { type: 'string' } },
    positionals: [1, 1],
    load: () => import('./commands/team.command').then((m) => m.runInvite),
  },
  {
    name: 'team members',
    usage: 'tokenvault team members [--json]',
    summary: 'list the team: name, fingerprint, pending|active|removed, admin',
    details: ['--json prints { "version": 1, "members": [...] }.'],
    options: { json: { type: 'boolean' } },
    positionals: [0, 0],
    load: () => import('./commands/team.command').then((m) => m.runMembers),
  },
  {
    name: 'team remove',
    usage: 'tokenvault team remove <member> [--yes]',
    summary: 'remove a member: rotates the team key and re-seals every shared entry (admins)',
    details: [
      'A removed member keeps whatever they already saw: the command names the shared',
      'entries whose credentials to rotate at their provider. Scripts pass --yes.',
    ],
    options: { yes: { type: 'boolean', short: 'y' } },
    positionals: [1, 1],
    load: () => import('./commands/team.command').then((m) => m.runRemove),
  },
  {
    name: 'share',
    usage: `tokenvault share <label> [--provider ${PROVIDERS}]`,
    summary: 'move an entry into the team (end-to-end encrypted); it leaves this vault',
    details: [
      'Every member then uses it by its label: headers, token, exec, list. A shared OAuth',
      'entry is refreshed once across all machines.',
    ],
    options: { provider: { type: 'string' } },
    positionals: [1, 1],
    completes: { positional: 'label', values: { provider: PROVIDER_IDS } },
    load: () => import('./commands/share.command').then((m) => m.runShare),
  },
  {
    name: 'unshare',
    usage: `tokenvault unshare <label> [--provider ${PROVIDERS}]`,
    summary: 'move a shared entry out of the team into this vault',
    details: [],
    options: { provider: { type: 'string' } },
    positionals: [1, 1],
    completes: { positional: 'label', values: { provider: PROVIDER_IDS } },
    load: () => import('./commands/share.command').then((m) => m.runUnshare),
  },
  {
    name: 'reminders',
    usage: 'tokenvault reminders [--locked] [--json]',
    summary: 'show upcoming expiries and entries needing attention',
    details: [
      'Names are sealed: with a session or the master password the list names each entry. With',
      '--locked, or when neither is at hand (no session, no terminal, no TOKENVAULT_PASSWORD), the',
      'locked view shows what is due and when, not which entry, and asks for nothing.',
      '--json prints { "version": 1, "reminders": [...] } (with "locked": true for the locked',
      'view, whose items have no label or provider; see README).',
    ],
    options: { json: { type: 'boolean' }, locked: { type: 'boolean' } },
    positionals: [0, 0],
    load: () => import('./commands/reminders.command').then((m) => m.run),
  },
  {
    name: 'backup export',
    usage: 'tokenvault backup export <file>',
    summary: 'write an encrypted backup of every entry, protected by its own passphrase',
    details: [
      'The backup passphrase comes from TOKENVAULT_BACKUP_PASSPHRASE or standard input',
      '(after the master password line with --password-stdin). The file is created 0600.',
    ],
    options: {},
    positionals: [1, 1],
    completes: { positional: 'file' },
    load: () => import('./commands/backup.command').then((m) => m.runExport),
  },
  {
    name: 'backup import',
    usage: 'tokenvault backup import <file> [--on-conflict skip|replace|keep-both]',
    summary: 'read an encrypted backup into the vault',
    details: [
      'An entry already in the vault (same id, or same provider and label) is skipped by',
      'default; replace overwrites it; keep-both adds the copy as "<label> (imported)".',
      'A wrong passphrase or a changed file is refused and nothing is imported.',
    ],
    options: { 'on-conflict': { type: 'string' } },
    positionals: [1, 1],
    completes: { positional: 'file', values: { 'on-conflict': ['skip', 'replace', 'keep-both'] } },
    load: () => import('./commands/backup.command').then((m) => m.runImport),
  },
  {
    name: 'completion',
    usage: 'tokenvault completion bash|zsh|fish',
    summary: 'print a shell completion script (commands, options, formats and labels)',
    details: [
      'bash: add  eval "$(tokenvault completion bash)"  to ~/.bashrc',
      'zsh:  add  eval "$(tokenvault completion zsh)"   to ~/.zshrc (after compinit)',
      'fish: tokenvault completion fish > ~/.config/fish/completions/tokenvault.fish',
      'Labels are completed from the vault file; no password is asked.',
    ],
    options: {},
    positionals: [1, 1],
    completes: { positional: ['bash', 'zsh', 'fish'] },
    load: () => import('./commands/completion.command').then((m) => m.run),
  },
  {
    name: '__complete',
    usage: 'tokenvault __complete -- <words after tokenvault, the last one being completed>',
    summary: 'completion candidates (used by the completion scripts)',
    details: [],
    options: {},
    positionals: [0, 0],
    passthrough: true,
    hidden: true,
    load: () => import('./commands/completion.command').then((m) => m.runComplete),
  },
];

export function commandHelp(spec: CommandSpec): string {
  return (
    [`Usage: ${spec.usage}`, '', spec.summary, ...spec.details, '', ...GLOBAL_HELP].join('\n') +
    '\n'
  );
}

/** Whether the arguments ask for the general help (no arguments print it too, as a usage error). */
export function isGeneralHelp(argv: readonly string[]): boolean {
  return argv.length === 0 || argv[0] === '--help' || argv[0] === '-h' || argv[0] === 'help';
}

export function generalHelp(): string {
  const shown = COMMANDS.filter((c) => !c.hidden);
  const width = Math.max(...shown.map((c) => c.name.length));
  return (
    [
      'Usage: tokenvault <command> [options]',
      '',
      'Commands:',
      ...shown.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
      '',
      'Run `tokenvault <command> --help` for the options of one command.',
      '',
      ...GLOBAL_HELP,
    ].join('\n') + '\n'
  );
}
