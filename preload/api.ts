// THE contract between the renderer and main (DESIGN.md "The IPC contract").
// Type declarations plus two small runtime tables (channel names, event names) and the
// `createApi` factory. It imports nothing at runtime, so the sandboxed preload, the renderer
// (types only) and main (types + channel table) can all depend on it.
//
// Rule of the house: no secret value ever crosses this boundary towards the renderer, except
// `MintedToken.token`, the one-time display of a newly minted SMSFactor token.

// ---------------------------------------------------------------------------------------------
// Results

export interface ApiError {
  /** Stable machine code, e.g. 'wrong-password', 'invalid-input', 'provider-error'. */
  code: ErrorCode;
  /** A sentence for the user. Never holds a secret or a stack. */
  message: string;
  /** For 'invalid-input': which form field is wrong, so the UI can show the error beside it. */
  field?: string;
}

export type ErrorCode =
  | 'invalid-input'
  | 'wrong-password'
  | 'weak-password'
  | 'vault-missing'
  | 'vault-exists'
  | 'locked'
  | 'not-found'
  | 'duplicate-label'
  | 'storage-error'
  | 'network-error'
  | 'timeout'
  | 'provider-error'
  | 'auth-error'
  | 'needs-reauth'
  | 'cancelled'
  | 'forbidden'
  | 'unsupported'
  | 'internal';

export type Result<T> = { ok: true; value: T } | { ok: false; error: ApiError };

// ---------------------------------------------------------------------------------------------
// Domain views (metadata only)

export type ProviderId = 'faxplus' | 'smsfactor' | 'api-key' | 'oauth2';
export type EntryKind = 'faxplus-oauth' | 'faxplus-pat' | 'smsfactor-token' | 'api-key' | 'oauth2';
/** How an OAuth client proves itself at the token endpoint. */
export type OAuth2ClientAuth = 'basic' | 'post' | 'none';
export type EntryStatus = 'active' | 'needs-reauth' | 'revoked' | 'error';
export type WireFormat = 'json' | 'xml';
export type RedirectMode = 'scheme' | 'loopback';
export type HeaderFormat = 'http' | 'curl' | 'json' | 'env' | 'fetch' | 'python';

export interface AccountInfo {
  id?: string;
  email?: string;
  name?: string;
  accountType?: string;
  company?: string;
  credits?: string;
}

interface EntryBase {
  id: string;
  label: string;
  provider: ProviderId;
  kind: EntryKind;
  status: EntryStatus;
  /** epoch ms */
  createdAt: number;
  updatedAt: number;
  account?: AccountInfo;
  lastVerifiedAt?: number;
  /** Last problem seen with this entry, as a user sentence. */
  lastError?: string;
  /** Masked preview of the secret, e.g. `alohi_pat_…3f9c`. */
  preview?: string;
  /** Reminders muted for this entry. */
  muted?: boolean;
  /** Reminders snoozed until (epoch ms). */
  snoozedUntil?: number;
  /** Shared through this team (its name); absent for a personal entry. */
  team?: string;
}

export interface FaxplusOAuthEntry extends EntryBase {
  kind: 'faxplus-oauth';
  provider: 'faxplus';
  clientId: string;
  redirectMode: RedirectMode;
  loopbackPort?: number;
  /** Provider drops `state` on redirect (providers.md [?]); off by default. */
  allowMissingState: boolean;
  advancedSecurity: boolean;
  authorizedAt: number;
  accessExpiresAt?: number;
  /** null = the refresh token does not expire. */
  refreshExpiresAt: number | null;
}

export interface FaxplusPatEntry extends EntryBase {
  kind: 'faxplus-pat';
  provider: 'faxplus';
  /** null = no expiry known. */
  expiresAt: number | null;
  scopes: string[];
  patId?: string;
}

export interface SmsfactorTokenEntry extends EntryBase {
  kind: 'smsfactor-token';
  provider: 'smsfactor';
  tokenId?: string;
  /** null = unlimited. */
  ttlSeconds: number | null;
  expiresAt: number | null;
  allowedIps: string[];
  /** Sub-account the token was minted for; absent = the account itself. */
  subAccountId?: string;
  /** Vault entry of the token that minted this one. */
  parentId?: string;
  format: WireFormat;
  revokedAt?: number;
}

/** One HTTP header, name and value as sent. */
export interface HeaderLine {
  name: string;
  value: string;
}

/** Any service's static credential: an API key, a bearer token, Basic user + secret. */
export interface ApiKeyEntry extends EntryBase {
  kind: 'api-key';
  provider: 'api-key';
  /** The header that carries the key: `Authorization`, `X-Api-Key`, … */
  headerName: string;
  /**
   * Its value, with `{token}` where the key goes (`Bearer {token}`, `token {token}`,
   * `{token}`) or `{basic}` for base64(`basicUser:key`) (`Basic {basic}`).
   */
  template: string;
  /** The user name of HTTP Basic; set exactly when the template uses `{basic}`. */
  basicUser?: string;
  /** Fixed headers sent after it (metadata, not secret: `Stripe-Version: 2024-06-20`). */
  extraHeaders: HeaderLine[];
  /** The date the user typed (end of that day, local time); null = does not expire. */
  expiresAt: number | null;
  /** A GET with the headers must answer 2xx; absent = the key cannot be verified. */
  verifyUrl?: string;
}

/** A connection to any OAuth 2.0 server (authorization code + PKCE). */
export interface OAuth2Entry extends EntryBase {
  kind: 'oauth2';
  provider: 'oauth2';
  /** The built-in profile it was made from (github, google, microsoft, slack), if any. */
  profile?: string;
  /** The issuer discovery confirmed; absent when explicit endpoints were given. */
  issuer?: string;
  authorizeUrl: string;
  tokenUrl: string;
  revocationUrl?: string;
  /** The server sends `iss` on its authorization responses (RFC 9207). */
  issParameter: boolean;
  clientId: string;
  clientAuth: OAuth2ClientAuth;
  scopes: string[];
  scopeSeparator: ' ' | ',';
  authorizeParams: Record<string, string>;
  redirectMode: RedirectMode;
  loopbackPort?: number;
  authorizedAt: number;
  /** undefined = the server did not say (the token is used until it is refused). */
  accessExpiresAt?: number;
  /** null = the refresh token does not expire (or there is none to track). */
  refreshExpiresAt: number | null;
  /** Days the user typed for the refresh deadline, when the server does not send one. */
  refreshDays?: number;
  /** The server gave a refresh token (without one, an expired access token means reconnect). */
  hasRefreshToken: boolean;
  /** A GET with the token that must answer 2xx ("Verify"); a 401 refreshes once first. */
  verifyUrl?: string;
}

export type EntryView =
  FaxplusOAuthEntry | FaxplusPatEntry | SmsfactorTokenEntry | ApiKeyEntry | OAuth2Entry;

/** The Team section's state (issue 15). */
export interface TeamStatusView {
  /** False when this vault belongs to no team. */
  member: boolean;
  teamName?: string;
  /** This member's handle. */
  name?: string;
  /** This member's fingerprint, to read out to an admin. */
  fingerprint?: string;
  /** Set while the team database cannot be reached: since when (epoch ms). */
  offlineSince?: number;
  /** Shared entries this member cannot open (not invited yet, or removed). */
  unreadable: number;
  /** Whether this member holds the team key (an admin invited them). */
  active: boolean;
}

export interface TeamMemberView {
  name: string;
  fingerprint: string;
  status: 'pending' | 'active' | 'removed';
  admin: boolean;
  /** This machine's member. */
  you: boolean;
}

export interface TeamRemoval {
  epoch: number;
  resealed: number;
  /** Labels of the shared entries whose credentials the removed member could read. */
  rotate: string[];
}

export interface AuditRecord {
  at: number;
  entryId: string;
  label: string;
  action:
    | 'created'
    | 'refreshed'
    | 'copied'
    | 'revoked'
    | 're-authorized'
    | 'verified'
    | 'renamed'
    | 'deleted'
    | 'minted'
    | 'needs-reauth'
    /** A shared entry's history (from the team's audit): shared into the team. */
    | 'shared';
  detail?: string;
}

export interface VaultStatus {
  exists: boolean;
  locked: boolean;
  /** Set once after start when the vault file was found corrupt and a backup restored. */
  recoveryNotice?: string;
  /**
   * Set after an unlock found the file changed outside Token Vault (a sealed part fails its
   * check, or the document MAC does): what was found, what is intact, where the last-good
   * copy is. The vault still opens with the intact entries.
   */
  integrityNotice?: string;
  /** Set when a newer Token Vault wrote the file: it is left untouched and cannot be opened. */
  newerFormat?: string;
  keychainUnlockAvailable: boolean;
  keychainUnlockEnabled: boolean;
}

export interface Settings {
  /** 0 = never auto-lock. */
  idleLockMinutes: number;
  /** 0 = never clear. */
  clipboardClearSeconds: number;
  defaultHeaderFormat: HeaderFormat;
  /** Lead times before a deadline, in minutes (defaults 7 d, 3 d, 1 d, 1 h). */
  reminderLeadMinutes: number[];
  closeToTray: boolean;
  lockOnSuspend: boolean;
  theme: 'system' | 'light' | 'dark';
  language: 'system' | 'en' | 'it' | 'zh-CN';
  loopbackPort: number;
}

export interface PasswordRules {
  minLength: number;
  /** Human sentence the UI shows beside the field. */
  description: string;
}

export interface PendingConnect {
  flowId: string;
  authorizeUrl: string;
  redirectUri: string;
  expiresAt: number;
}

export interface ConnectEvent {
  flowId: string;
  outcome: 'connected' | 'failed' | 'cancelled' | 'expired';
  entry?: FaxplusOAuthEntry | OAuth2Entry;
  error?: ApiError;
}

export interface RemoteSmsfactorToken {
  tokenId: string;
  name: string;
  createdAt?: string;
  expiresAt: string | null;
  ttlSeconds: number | null;
  active: boolean;
  allowedIps: string[];
  /** Vault entry holding this token, when this vault has it. */
  entryId?: string;
}

export interface SubAccount {
  id: string;
  email?: string;
  name?: string;
}

export interface MintedToken {
  entry: SmsfactorTokenEntry;
  /** The one secret the renderer may see: shown once, right after minting. */
  token: string;
  /**
   * Set when SMSFactor made the token but the vault could not store it: `entry` is then NOT
   * in the vault (its id is ''), and this sentence says why. The UI must urge the user to
   * copy the token now (it cannot be read again) or revoke it by `entry.tokenId`.
   */
  unsavedReason?: string;
}

/** A built-in OAuth 2.0 profile, as the connect dialog offers it. */
export interface OAuth2ProfileInfo {
  id: string;
  name: string;
  defaultScopes: string[];
  clientAuth: OAuth2ClientAuth;
  /** Whether the profile finds its server by discovery (else fixed endpoints). */
  discovery: boolean;
  note: string;
}

export interface HeaderPreview {
  format: HeaderFormat;
  /** The formatted text with the secret masked. */
  text: string;
}

export interface ReminderItem {
  entryId: string;
  label: string;
  provider: ProviderId;
  kind: 'refresh-expiry' | 'pat-expiry' | 'token-expiry' | 'needs-reauth' | 'revoked';
  deadline: number | null;
  severity: 'ok' | 'warning' | 'expired';
  message: string;
}

/** What an import does with an entry the vault already has (same id, or provider + label). */
export type BackupConflictRule = 'skip' | 'replace' | 'keep-both';

export interface BackupImportSummary {
  added: number;
  replaced: number;
  skipped: number;
  /** Added under a suffixed label ("keep both", or a label already taken). */
  renamed: number;
}

export interface BackupExportResult {
  /** Where main saved the file (the user chose it in a save dialog). */
  path: string;
  entries: number;
}

export interface KeychainStatus {
  available: boolean;
  enabled: boolean;
  /** Why keychain unlock cannot be used here (shown beside the disabled toggle). */
  reason?: string;
}

// ---------------------------------------------------------------------------------------------
// Channels: method name -> channel, request, response

export interface ChannelMap {
  'vault:get-status': { req: void; res: VaultStatus };
  'vault:get-password-rules': { req: void; res: PasswordRules };
  'vault:create': { req: { password: string }; res: VaultStatus };
  'vault:unlock': { req: { password: string }; res: VaultStatus };
  'vault:lock': { req: void; res: VaultStatus };
  'vault:change-password': { req: { current: string; next: string }; res: VaultStatus };
  'settings:get': { req: void; res: Settings };
  'settings:update': { req: Partial<Settings>; res: Settings };
  'tokens:list': { req: void; res: EntryView[] };
  'tokens:get': { req: { id: string }; res: EntryView };
  'tokens:rename': { req: { id: string; label: string }; res: EntryView };
  /** `revoke`: first revoke the credential at the provider, when its kind can. */
  'tokens:delete': { req: { id: string; revoke?: boolean }; res: void };
  'tokens:verify': { req: { id: string }; res: EntryView };
  'tokens:audit': { req: { id?: string }; res: AuditRecord[] };
  'tokens:set-reminders': {
    req: { id: string; muted?: boolean; snoozedUntil?: number | null };
    res: EntryView;
  };
  'faxplus:connect': {
    req: {
      label: string;
      clientId: string;
      clientSecret: string;
      redirectMode: RedirectMode;
      advancedSecurity: boolean;
      allowMissingState: boolean;
    };
    res: PendingConnect;
  };
  'faxplus:reauthorize': { req: { id: string }; res: PendingConnect };
  'faxplus:cancel-connect': { req: { flowId: string }; res: void };
  'faxplus:redirect-uri': { req: { redirectMode: RedirectMode }; res: string };
  'faxplus:add-pat': {
    req: { label: string; pat: string; expiresAt?: number | null; scopes?: string[] };
    res: EntryView;
  };
  'smsfactor:add-token': {
    req: { label: string; token: string; format: WireFormat };
    res: EntryView;
  };
  'smsfactor:mint': {
    req: {
      parentId: string;
      name: string;
      label?: string;
      ttlSeconds: number | null;
      allowedIps: string[];
      subAccountId?: string;
    };
    res: MintedToken;
  };
  'smsfactor:list-remote': { req: { parentId: string }; res: RemoteSmsfactorToken[] };
  'smsfactor:sub-accounts': { req: { parentId: string }; res: SubAccount[] };
  'smsfactor:revoke': { req: { id: string }; res: EntryView };
  'smsfactor:set-format': { req: { id: string; format: WireFormat }; res: EntryView };
  'apikey:add': {
    req: {
      label: string;
      /** The key itself; main keeps it, the page clears its field once this resolves. */
      secret: string;
      headerName: string;
      template: string;
      basicUser?: string;
      extraHeaders: HeaderLine[];
      expiresAt: number | null;
      verifyUrl?: string;
    };
    res: EntryView;
  };
  'oauth2:connect': {
    req: {
      label: string;
      /** A built-in profile id (github, google, microsoft, slack). */
      profile?: string;
      issuer?: string;
      authorizeUrl?: string;
      tokenUrl?: string;
      revocationUrl?: string;
      clientId: string;
      clientSecret?: string;
      clientAuth?: OAuth2ClientAuth;
      scopes?: string[];
      redirectMode: RedirectMode;
      refreshDays?: number;
      verifyUrl?: string;
    };
    res: PendingConnect;
  };
  'oauth2:reauthorize': { req: { id: string }; res: PendingConnect };
  'oauth2:cancel-connect': { req: { flowId: string }; res: void };
  'oauth2:redirect-uri': { req: { redirectMode: RedirectMode }; res: string };
  'oauth2:profiles': { req: void; res: OAuth2ProfileInfo[] };
  'headers:preview': { req: { id: string; format: HeaderFormat }; res: HeaderPreview };
  'headers:copy': { req: { id: string; format?: HeaderFormat }; res: { clearsAt: number | null } };
  'reminders:list': { req: void; res: ReminderItem[] };
  /** Main asks where to save (save dialog); `password` is the backup's own passphrase. */
  'backup:export': { req: { password: string }; res: BackupExportResult };
  /** Main asks which file to read (open dialog). */
  'backup:import': {
    req: { password: string; onConflict: BackupConflictRule };
    res: BackupImportSummary;
  };
  'team:status': { req: void; res: TeamStatusView };
  /** `init` makes a team in an empty database; `join` asks to join one (pending). */
  'team:connect': {
    req: { mode: 'init' | 'join'; connectionString: string; name: string; teamName?: string };
    res: TeamStatusView;
  };
  'team:sync': { req: void; res: TeamStatusView };
  'team:members': { req: void; res: TeamMemberView[] };
  'team:invite': { req: { name: string; fingerprint: string }; res: TeamMemberView };
  'team:remove': { req: { name: string }; res: TeamRemoval };
  'team:share': { req: { id: string }; res: EntryView };
  'team:unshare': { req: { id: string }; res: EntryView };
  'keychain:status': { req: void; res: KeychainStatus };
  'keychain:enable': { req: void; res: VaultStatus };
  'keychain:disable': { req: void; res: VaultStatus };
  'keychain:unlock': { req: void; res: VaultStatus };
}

export type Channel = keyof ChannelMap;
export type Req<C extends Channel> = ChannelMap[C]['req'];
export type Res<C extends Channel> = ChannelMap[C]['res'];

/** Method name on `window.tokenVault` -> channel. Task-named methods, never a raw invoke. */
export const channels = {
  getVaultStatus: 'vault:get-status',
  getPasswordRules: 'vault:get-password-rules',
  createVault: 'vault:create',
  unlock: 'vault:unlock',
  lock: 'vault:lock',
  changePassword: 'vault:change-password',
  getSettings: 'settings:get',
  updateSettings: 'settings:update',
  listEntries: 'tokens:list',
  getEntry: 'tokens:get',
  renameEntry: 'tokens:rename',
  deleteEntry: 'tokens:delete',
  verifyEntry: 'tokens:verify',
  listAudit: 'tokens:audit',
  setReminders: 'tokens:set-reminders',
  connectFaxplus: 'faxplus:connect',
  reauthorizeFaxplus: 'faxplus:reauthorize',
  cancelFaxplusConnect: 'faxplus:cancel-connect',
  getFaxplusRedirectUri: 'faxplus:redirect-uri',
  addFaxplusPat: 'faxplus:add-pat',
  addSmsfactorToken: 'smsfactor:add-token',
  mintSmsfactorToken: 'smsfactor:mint',
  listSmsfactorRemote: 'smsfactor:list-remote',
  listSmsfactorSubAccounts: 'smsfactor:sub-accounts',
  revokeSmsfactorToken: 'smsfactor:revoke',
  setSmsfactorFormat: 'smsfactor:set-format',
  addApiKey: 'apikey:add',
  connectOAuth2: 'oauth2:connect',
  reauthorizeOAuth2: 'oauth2:reauthorize',
  cancelOAuth2Connect: 'oauth2:cancel-connect',
  getOAuth2RedirectUri: 'oauth2:redirect-uri',
  listOAuth2Profiles: 'oauth2:profiles',
  previewHeaders: 'headers:preview',
  copyHeaders: 'headers:copy',
  listReminders: 'reminders:list',
  exportBackup: 'backup:export',
  importBackup: 'backup:import',
  getKeychainStatus: 'keychain:status',
  enableKeychainUnlock: 'keychain:enable',
  disableKeychainUnlock: 'keychain:disable',
  unlockWithKeychain: 'keychain:unlock',
  getTeamStatus: 'team:status',
  connectTeam: 'team:connect',
  syncTeam: 'team:sync',
  listTeamMembers: 'team:members',
  inviteTeamMember: 'team:invite',
  removeTeamMember: 'team:remove',
  shareEntry: 'team:share',
  unshareEntry: 'team:unshare',
} as const satisfies Record<string, Channel>;

// ---------------------------------------------------------------------------------------------
// Events main -> renderer

export interface EventMap {
  /** The vault was locked or unlocked (explicitly, by idle, by suspend). */
  'event:vault-status': VaultStatus;
  /** Entries changed (here, from the CLI on disk, by a refresh). Re-fetch the list. */
  'event:entries-changed': { reason: string };
  'event:connect': ConnectEvent;
  /** The user clicked a notification or tray item about an entry. */
  'event:focus-entry': { id: string };
  'event:settings': Settings;
  /** The team's state changed (connected, online/offline, members). */
  'event:team-status': TeamStatusView;
}

export type EventName = keyof EventMap;

export const events = {
  onVaultStatus: 'event:vault-status',
  onEntriesChanged: 'event:entries-changed',
  onConnect: 'event:connect',
  onFocusEntry: 'event:focus-entry',
  onSettings: 'event:settings',
  onTeamStatus: 'event:team-status',
} as const satisfies Record<string, EventName>;

// ---------------------------------------------------------------------------------------------
// The API object

type ChannelMethods = {
  [M in keyof typeof channels]: Req<(typeof channels)[M]> extends void
    ? () => Promise<Result<Res<(typeof channels)[M]>>>
    : (payload: Req<(typeof channels)[M]>) => Promise<Result<Res<(typeof channels)[M]>>>;
};

type EventMethods = {
  [M in keyof typeof events]: (
    listener: (payload: EventMap[(typeof events)[M]]) => void,
  ) => () => void;
};

/** What the renderer sees on `window.tokenVault`. */
export type TokenVaultApi = ChannelMethods & EventMethods;

export type Invoke = (channel: Channel, payload: unknown) => Promise<unknown>;
/** Subscribes to an event; the listener receives the payload only (never an Electron event). */
export type Subscribe = (event: EventName, listener: (payload: unknown) => void) => () => void;

/** Builds the API object from a transport. Used by the preload and by the e2e harness. */
export function createApi(invoke: Invoke, subscribe: Subscribe): TokenVaultApi {
  const api: Record<string, unknown> = {};
  for (const [method, channel] of Object.entries(channels)) {
    api[method] = (payload?: unknown) => invoke(channel, payload);
  }
  for (const [method, event] of Object.entries(events)) {
    api[method] = (listener: (payload: unknown) => void) => subscribe(event, listener);
  }
  return Object.freeze(api) as TokenVaultApi;
}
