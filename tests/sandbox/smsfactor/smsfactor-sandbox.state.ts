// In-memory model of an SMSFactor platform: accounts with sub-accounts, tokens with TTL and
// allowed IPs. The HTTP layer (smsfactor-sandbox.server.ts) turns it into wire answers.
import { randomBytes } from 'node:crypto';
import ipaddr from 'ipaddr.js';

export interface SandboxAccount {
  id: string;
  parentId?: string;
  email: string;
  company: string;
  firstname: string;
  lastname: string;
  credits: number;
}

export interface SandboxToken {
  tokenId: string;
  secret: string;
  accountId: string;
  name: string;
  /** epoch ms */
  createdAt: number;
  ttl: number | null;
  allowedIps: string[] | null;
}

export type AuthResult = { ok: true; token: SandboxToken; account: SandboxAccount } | { ok: false };

export interface SandboxSeed {
  /** Platform-made token of the main account (no TTL, no IP restriction). */
  parentToken: string;
  parentTokenId: string;
  accountId: string;
  subAccountIds: string[];
  /** Another customer's token and sub-account, for "not your sub-account" checks. */
  otherToken: string;
  otherSubAccountId: string;
}

function fmt(ms: number): string {
  return new Date(ms).toISOString().replace('T', ' ').slice(0, 19);
}

export class SandboxState {
  readonly accounts = new Map<string, SandboxAccount>();
  /** by secret */
  readonly tokens = new Map<string, SandboxToken>();
  private nextTokenId = 100;
  readonly seed: SandboxSeed;

  constructor(
    private readonly now: () => number,
    /** A fixed value for the main account's platform token (manual tries, screenshots). */
    parentSecret?: string,
  ) {
    const add = (a: SandboxAccount): void => void this.accounts.set(a.id, a);
    add({
      id: '1001',
      email: 'owner@acme.test',
      company: 'Acme SMS',
      firstname: 'Ada',
      lastname: 'Owner',
      credits: 44690,
    });
    add({
      id: '2001',
      parentId: '1001',
      email: 'shop@acme.test',
      company: 'Acme Shop',
      firstname: 'Sam',
      lastname: 'Shop',
      credits: 120,
    });
    add({
      id: '2002',
      parentId: '1001',
      email: 'support@acme.test',
      company: 'Acme Support',
      firstname: 'Sue',
      lastname: 'Port',
      credits: 0,
    });
    add({
      id: '1002',
      email: 'someone@else.test',
      company: 'Else Ltd',
      firstname: 'Eli',
      lastname: 'Else',
      credits: 10,
    });
    add({
      id: '3001',
      parentId: '1002',
      email: 'sub@else.test',
      company: 'Else Sub',
      firstname: 'Sid',
      lastname: 'Sub',
      credits: 5,
    });
    const parent = this.mint('1001', 'Platform token', null, null);
    if (parentSecret) {
      this.tokens.delete(parent.secret);
      parent.secret = parentSecret;
      this.tokens.set(parentSecret, parent);
    }
    const other = this.mint('1002', 'Platform token', null, null);
    this.seed = {
      parentToken: parent.secret,
      parentTokenId: parent.tokenId,
      accountId: '1001',
      subAccountIds: ['2001', '2002'],
      otherToken: other.secret,
      otherSubAccountId: '3001',
    };
  }

  mint(
    accountId: string,
    name: string,
    ttl: number | null,
    allowedIps: string[] | null,
  ): SandboxToken {
    const token: SandboxToken = {
      tokenId: String(this.nextTokenId++),
      // Unique per run, so the secret-leak tests can grep for it.
      secret: `sf_${randomBytes(24).toString('hex')}`,
      accountId,
      name,
      createdAt: this.now(),
      ttl,
      allowedIps,
    };
    this.tokens.set(token.secret, token);
    return token;
  }

  expiresAt(t: SandboxToken): number | null {
    return t.ttl === null ? null : t.createdAt + t.ttl * 1000;
  }

  isActive(t: SandboxToken): boolean {
    const exp = this.expiresAt(t);
    return exp === null || this.now() < exp;
  }

  /** A missing, deleted or expired token, or a caller outside `allowed_ips`, is refused. */
  authenticate(authorization: string | undefined, remoteAddress: string | undefined): AuthResult {
    const m = /^Bearer (\S+)$/.exec(authorization ?? '');
    const token = m ? this.tokens.get(m[1] as string) : undefined;
    if (!token || !this.isActive(token)) return { ok: false };
    if (token.allowedIps && !ipAllowed(remoteAddress ?? '', token.allowedIps)) return { ok: false };
    const account = this.accounts.get(token.accountId);
    return account ? { ok: true, token, account } : { ok: false };
  }

  subAccountsOf(accountId: string): SandboxAccount[] {
    return [...this.accounts.values()].filter((a) => a.parentId === accountId);
  }

  tokensOf(accountId: string): SandboxToken[] {
    return [...this.tokens.values()].filter((t) => t.accountId === accountId);
  }

  byId(tokenId: string): SandboxToken | undefined {
    return [...this.tokens.values()].find((t) => t.tokenId === tokenId);
  }

  /** An account may act on its own tokens and its sub-accounts' tokens. */
  mayManage(account: SandboxAccount, t: SandboxToken): boolean {
    return t.accountId === account.id || this.accounts.get(t.accountId)?.parentId === account.id;
  }

  delete(t: SandboxToken): void {
    this.tokens.delete(t.secret);
  }

  view(t: SandboxToken): Record<string, string | boolean | null | string[]> {
    const exp = this.expiresAt(t);
    return {
      name: t.name,
      api_token_id: t.tokenId,
      created_at: fmt(t.createdAt),
      expired_at: exp === null ? null : fmt(exp),
      ttl: t.ttl === null ? null : String(t.ttl),
      is_active: this.isActive(t),
      allowed_ips: t.allowedIps,
    };
  }
}

export function ipAllowed(remote: string, allowed: readonly string[]): boolean {
  let addr: ipaddr.IPv4 | ipaddr.IPv6;
  try {
    // `::ffff:127.0.0.1` (how Node reports IPv4 on a dual-stack socket) becomes 127.0.0.1.
    addr = ipaddr.process(remote);
  } catch {
    return false;
  }
  return allowed.some((entry) => {
    try {
      if (entry.includes('/')) {
        const range = ipaddr.parseCIDR(entry);
        return addr.kind() === range[0].kind() && addr.match(range);
      }
      const one = ipaddr.process(entry);
      return one.kind() === addr.kind() && one.toString() === addr.toString();
    } catch {
      return false;
    }
  });
}
