// Switchable misbehaviour of the SMSFactor sandbox, so tests can play every failure the
// client must survive (issue 4 "Switchable faults").

export type SmsfactorFault =
  /** status -7 "data error" with details. */
  | 'status-7'
  /** status -99 "unknown error". */
  | 'status-99'
  /** HTTP 502 with an HTML page (a proxy in front of the API). */
  | 'html-502'
  /** XML that does not parse. */
  | 'malformed-xml'
  /** XML with a DOCTYPE and nested entities (billion laughs) that must never be expanded. */
  | 'hostile-xml'
  /** Never answers; the socket is held until close(), so the client's timeout fires. */
  | 'slow'
  /** Ids as JSON numbers instead of strings. */
  | 'numeric-ids'
  /** Does the work (a mint stores the token), then resets the connection without answering. */
  | 'reset-after-store'
  /** A body holding only `{"error": "..."}`. */
  | 'only-error';

export interface FaultRule {
  kind: SmsfactorFault;
  method?: string;
  /** Exact path, or a pattern tested against the path. */
  path?: string | RegExp;
  /** How many matching requests get the fault; undefined = until cleared. */
  times?: number;
}

export class FaultBook {
  private rules: FaultRule[] = [];

  add(rule: FaultRule): void {
    this.rules.push({ ...rule });
  }

  clear(): void {
    this.rules = [];
  }

  /** The fault for this request, consuming one use of a counted rule. */
  take(method: string, path: string): SmsfactorFault | undefined {
    const rule = this.rules.find(
      (r) =>
        (r.method === undefined || r.method === method) &&
        (r.path === undefined ||
          (typeof r.path === 'string' ? r.path === path : r.path.test(path))),
    );
    if (!rule) return undefined;
    if (rule.times !== undefined) {
      rule.times -= 1;
      if (rule.times <= 0) this.rules = this.rules.filter((r) => r !== rule);
    }
    return rule.kind;
  }
}

const ID_KEYS = new Set([
  'token_id',
  'api_token_id',
  'deleted_token',
  'client_id',
  'parent_client_id',
]);

/** Rewrites id fields as numbers, deep (the 'numeric-ids' fault). */
export function numericIds(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(numericIds);
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      out[k] =
        ID_KEYS.has(k) && typeof v === 'string' && /^\d+$/.test(v) ? Number(v) : numericIds(v);
    }
    return out;
  }
  return value;
}
