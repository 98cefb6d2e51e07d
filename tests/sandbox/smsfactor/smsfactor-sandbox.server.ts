// HTTP face of the SMSFactor sandbox: real HTTP on 127.0.0.1, JSON or XML by `Accept` (XML
// when not asked otherwise, like the real API), bodies read by `Content-Type`.
import type { IncomingMessage, ServerResponse } from 'node:http';
import ipaddr from 'ipaddr.js';
import type { Buildable, BuildObject } from '../../../main/core/providers/smsfactor/smsfactor.xml';
import { buildXml, parseXml } from '../../../main/core/providers/smsfactor/smsfactor.xml';
import type { FaultBook, SmsfactorFault } from './smsfactor-sandbox.faults';
import { numericIds } from './smsfactor-sandbox.faults';
import type { SandboxAccount, SandboxState } from './smsfactor-sandbox.state';

export interface RequestLog {
  method: string;
  path: string;
  accept?: string;
  contentType?: string;
  remoteAddress?: string;
}

type Answer = Record<string, unknown>;

const MAX_BODY = 64 * 1024;

const HOSTILE_XML = [
  '<?xml version="1.0"?>',
  '<!DOCTYPE response [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">',
  '<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY x SYSTEM "file:///etc/passwd">]>',
  '<response><status>1</status><token>&c;&x;</token><token_id>1</token_id></response>',
].join('');

const AUTH_FAILED: Answer = {
  status: -1,
  message: "Erreur d'authentification",
  details: 'Token invalide',
};
const notFound = (what: string): Answer => ({ status: -5, message: 'Not found', details: what });
const dataError = (details: string): Answer => ({
  status: -7,
  message: 'Erreur de données',
  details,
});

export class SandboxHttp {
  readonly requests: RequestLog[] = [];
  /** Responses held by the 'slow' fault, ended on close. */
  readonly held = new Set<ServerResponse>();

  constructor(
    private readonly state: SandboxState,
    private readonly faults: FaultBook,
  ) {}

  async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const method = req.method ?? 'GET';
    const path = new URL(req.url ?? '/', 'http://sandbox').pathname.replace(/\/+$/, '') || '/';
    this.requests.push({
      method,
      path,
      accept: req.headers.accept,
      contentType: req.headers['content-type'],
      remoteAddress: req.socket.remoteAddress,
    });
    const fault = this.faults.take(method, path);
    const raw = await readBody(req);
    if (fault === 'slow') {
      this.held.add(res);
      return;
    }
    const json = /application\/json/i.test(req.headers.accept ?? '');
    if (fault === 'html-502')
      return send(
        res,
        502,
        'text/html',
        '<!DOCTYPE html><html><body><h1>502 Bad Gateway</h1></body></html>',
      );
    if (fault === 'malformed-xml')
      return send(
        res,
        200,
        'application/xml',
        '<?xml version="1.0"?><response><status>1</status><token>abc</response',
      );
    if (fault === 'hostile-xml') return send(res, 200, 'application/xml', HOSTILE_XML);
    const answer =
      fault && fault !== 'reset-after-store' && fault !== 'numeric-ids'
        ? faultAnswer(fault)
        : this.route(req, method, path, raw);
    if (fault === 'reset-after-store') {
      req.socket.destroy();
      return;
    }
    const shaped = fault === 'numeric-ids' ? (numericIds(answer) as Answer) : answer;
    if (json) return send(res, 200, 'application/json', JSON.stringify(shaped));
    return send(res, 200, 'application/xml', buildXml('response', toXmlShape(shaped)));
  }

  private route(req: IncomingMessage, method: string, path: string, raw: string): Answer {
    const auth = this.state.authenticate(req.headers.authorization, req.socket.remoteAddress);
    if (!auth.ok) return AUTH_FAILED;
    const { account } = auth;
    const tokenPath = /^\/token\/(\d+)$/.exec(path);
    const subPath = /^\/token\/account\/([^/]+)$/.exec(path);
    if (method === 'GET' && path === '/credits') {
      return { status: 1, message: 'OK', credits: String(account.credits), postpaid: '0' };
    }
    if (method === 'GET' && path === '/account')
      return { status: 1, message: 'OK', account: accountView(account) };
    if (method === 'GET' && path === '/sub-accounts') {
      return {
        status: 1,
        message: 'OK',
        'sub-accounts': this.state.subAccountsOf(account.id).map(accountView),
      };
    }
    if (method === 'GET' && path === '/token') {
      return {
        status: 1,
        message: 'OK',
        tokens: this.state.tokensOf(account.id).map((t) => this.state.view(t)),
      };
    }
    if (tokenPath && (method === 'GET' || method === 'DELETE')) {
      const t = this.state.byId(tokenPath[1] as string);
      if (!t || !this.state.mayManage(account, t)) return notFound('Token introuvable');
      if (method === 'GET') return { status: 1, message: 'OK', token: this.state.view(t) };
      this.state.delete(t);
      return { status: 1, message: 'OK', deleted_token: t.tokenId };
    }
    if (method === 'POST' && (path === '/token' || subPath)) {
      const body = readTokenBody(raw, req.headers['content-type']);
      if (typeof body === 'string') return dataError(body);
      let owner = account.id;
      if (subPath) {
        const sub = this.state.accounts.get(subPath[1] as string);
        if (!sub || sub.parentId !== account.id) return notFound('Sous-compte introuvable');
        owner = sub.id;
      }
      const ips = subPath ? null : body.allowedIps;
      const t = this.state.mint(owner, body.name, body.ttl, ips);
      const answer: Answer = { status: 1, message: 'OK', token: t.secret, token_id: t.tokenId };
      if (!subPath) answer.allowed_ips = ips ?? [];
      return answer;
    }
    return notFound(`No route ${method} ${path}`);
  }
}

function faultAnswer(kind: SmsfactorFault): Answer {
  if (kind === 'status-7') return dataError('Les données envoyées sont invalides');
  if (kind === 'only-error') return { error: 'Internal failure' };
  return { status: -99, message: 'Erreur inconnue', details: 'Unknown error' };
}

function accountView(a: SandboxAccount): Answer {
  return {
    client_id: a.id,
    parent_client_id: a.parentId ?? '0',
    email: a.email,
    company: a.company,
    firstname: a.firstname,
    lastname: a.lastname,
    credits: String(a.credits),
  };
}

/** XML has no booleans: write them as the real API would (1/0). Null stays the text `null`. */
function toXmlShape(v: unknown): BuildObject {
  const walk = (x: unknown): Buildable => {
    if (typeof x === 'boolean') return x ? '1' : '0';
    if (Array.isArray(x)) return x.map(walk);
    if (x && typeof x === 'object') {
      const out: BuildObject = {};
      for (const [k, val] of Object.entries(x)) out[k] = walk(val);
      return out;
    }
    return typeof x === 'string' || typeof x === 'number' || x === null ? x : undefined;
  };
  const shaped = walk(v);
  return shaped && typeof shaped === 'object' && !Array.isArray(shaped) ? shaped : {};
}

interface TokenBody {
  name: string;
  ttl: number | null;
  allowedIps: string[] | null;
}

function readTokenBody(raw: string, contentType: string | undefined): TokenBody | string {
  let doc: unknown;
  try {
    doc = /json/i.test(contentType ?? '') ? JSON.parse(raw) : parseXml(raw);
  } catch {
    return 'Corps de requête illisible';
  }
  const token = (doc as { token?: Record<string, unknown> } | null)?.token;
  if (!token || typeof token !== 'object') return 'token manquant';
  const name = typeof token.name === 'string' ? token.name.trim() : '';
  if (name === '' || name.length > 100) return 'name invalide';
  let ttl: number | null = null;
  if (token.ttl !== undefined && token.ttl !== null) {
    ttl = Number(token.ttl);
    if (!Number.isInteger(ttl) || ttl <= 0) return 'ttl invalide';
  }
  const list =
    token.allowed_ips === undefined || token.allowed_ips === null
      ? []
      : ([] as unknown[]).concat(token.allowed_ips);
  for (const ip of list) {
    if (typeof ip !== 'string' || !(ipaddr.isValid(ip) || ipaddr.isValidCIDR(ip)))
      return 'allowed_ips invalide';
  }
  return { name, ttl, allowedIps: list.length > 0 ? (list as string[]) : null };
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size <= MAX_BODY) chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', () => resolve(''));
  });
}

function send(res: ServerResponse, status: number, type: string, body: string): void {
  res.writeHead(status, { 'Content-Type': `${type}; charset=utf-8` });
  res.end(body);
}
