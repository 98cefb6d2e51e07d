// The sandbox's memory: registered clients, authorization requests, codes, tokens and PATs,
// plus the switchable faults. Time comes from an injected clock so tests expire things
// without sleeping.
import { randomBytes } from 'node:crypto';

export type FaxplusFault =
  | 'server-error'
  | 'unauthorized'
  | 'invalid-grant'
  | 'html'
  | 'slow'
  | 'no-expires-in'
  | 'drop-state';

/** Which endpoints a fault hits. */
export type FaultTarget = 'token' | 'api' | 'login' | 'any';

export interface SandboxClient {
  clientId: string;
  clientSecret: string;
  /** Exact URIs; a loopback URI without a port matches any port (RFC 8252 7.3). */
  redirectUris: string[];
  name?: string;
}

export interface SandboxAccount {
  uid: string;
  email: string;
  name: string;
  lastname: string;
  account_type: string;
  status: string;
  creation_date: string;
}

export interface SandboxPat {
  token: string;
  id: string;
  name: string;
  scopes: string[];
  createdAt: number;
  /** null = never expires. */
  expiresAt: number | null;
  lastUsed: number | null;
}

export interface AuthRequest {
  clientId: string;
  redirectUri: string;
  state: string | undefined;
}

export interface CodeGrant {
  clientId: string;
  redirectUri: string;
  expiresAt: number;
  used: boolean;
}

export interface OAuthToken {
  clientId: string;
  expiresAt: number | null;
  revoked: boolean;
}

/** How a refresh answers: a new refresh token (and the old one dies), or none at all. */
export type RefreshRotation = 'new' | 'none';

export interface ActiveFault {
  fault: FaxplusFault;
  target: FaultTarget;
  remaining: number;
}

export function randomToken(prefix: string, bytes = 24): string {
  return `${prefix}${randomBytes(bytes).toString('base64url')}`;
}

export class SandboxState {
  readonly clients = new Map<string, SandboxClient>();
  readonly authRequests = new Map<string, AuthRequest>();
  readonly codes = new Map<string, CodeGrant>();
  readonly accessTokens = new Map<string, OAuthToken>();
  readonly refreshTokens = new Map<string, OAuthToken>();
  readonly pats = new Map<string, SandboxPat>();
  faults: ActiveFault[] = [];
  rotation: RefreshRotation = 'new';
  advancedSecurity: boolean;
  accessTokenSeconds: number;
  codeSeconds: number;

  constructor(
    readonly now: () => number,
    readonly account: SandboxAccount,
    options: { accessTokenSeconds: number; codeSeconds: number; advancedSecurity: boolean },
  ) {
    this.accessTokenSeconds = options.accessTokenSeconds;
    this.codeSeconds = options.codeSeconds;
    this.advancedSecurity = options.advancedSecurity;
  }

  /** Takes one use of the first fault aimed at `target`, if any. */
  takeFault(target: Exclude<FaultTarget, 'any'>, only?: FaxplusFault[]): FaxplusFault | undefined {
    const hit = this.faults.find(
      (f) => (f.target === target || f.target === 'any') && (!only || only.includes(f.fault)),
    );
    if (!hit) return undefined;
    hit.remaining -= 1;
    if (hit.remaining <= 0) this.faults = this.faults.filter((f) => f !== hit);
    return hit.fault;
  }

  hasFault(fault: FaxplusFault): boolean {
    return this.faults.some((f) => f.fault === fault);
  }

  redirectAllowed(client: SandboxClient, uri: string): boolean {
    for (const registered of client.redirectUris) {
      if (registered === uri) return true;
      const loose = /^http:\/\/127\.0\.0\.1\/(.*)$/.exec(registered);
      const given = /^http:\/\/127\.0\.0\.1:\d{1,5}\/(.*)$/.exec(uri);
      if (loose && given && loose[1] === given[1]) return true;
    }
    return false;
  }

  issueCode(clientId: string, redirectUri: string): string {
    const code = randomToken('code_', 18);
    this.codes.set(code, {
      clientId,
      redirectUri,
      expiresAt: this.now() + this.codeSeconds * 1000,
      used: false,
    });
    return code;
  }

  issueTokens(clientId: string, withRefresh: boolean): { access: string; refresh?: string } {
    const access = randomToken('fp_at_');
    this.accessTokens.set(access, {
      clientId,
      expiresAt: this.now() + this.accessTokenSeconds * 1000,
      revoked: false,
    });
    if (!withRefresh) return { access };
    const refresh = randomToken('fp_rt_');
    this.refreshTokens.set(refresh, {
      clientId,
      // Advanced security controls: the whole authorization dies after 30 days.
      expiresAt: this.advancedSecurity ? this.now() + 30 * 24 * 3600 * 1000 : null,
      revoked: false,
    });
    return { access, refresh };
  }

  isLive(token: OAuthToken | undefined): token is OAuthToken {
    return !!token && !token.revoked && (token.expiresAt === null || token.expiresAt > this.now());
  }

  addPat(p: Partial<SandboxPat> & { name?: string }): SandboxPat {
    const pat: SandboxPat = {
      token: p.token ?? randomToken('alohi_pat_'),
      id: p.id ?? String(this.pats.size + 1001),
      name: p.name ?? 'sandbox PAT',
      scopes: p.scopes ?? ['fax:all:read'],
      createdAt: p.createdAt ?? this.now(),
      expiresAt: p.expiresAt === undefined ? this.now() + 90 * 24 * 3600 * 1000 : p.expiresAt,
      lastUsed: null,
    };
    this.pats.set(pat.token, pat);
    return pat;
  }
}
