// The Content-Security-Policy of the app page (security.md 2). Sent as a response header by
// the app:// handler on every HTML document; the renderer's index.html carries the same
// policy in a meta tag so the page stays locked down in the Chromium e2e run too.
// No 'unsafe-inline' for scripts, no 'unsafe-eval', no remote origin anywhere.

const directives: ReadonlyArray<readonly [string, string]> = [
  ['default-src', "'self'"],
  ['script-src', "'self'"],
  ['style-src', "'self'"],
  ['img-src', "'self' data:"],
  ['font-src', "'self'"],
  ['connect-src', "'self'"],
  ['object-src', "'none'"],
  ['frame-src', "'none'"],
  ['worker-src', "'none'"],
  ['base-uri', "'none'"],
  ['form-action', "'none'"],
  ['frame-ancestors', "'none'"],
];

export const CONTENT_SECURITY_POLICY = directives
  .map(([name, value]) => `${name} ${value}`)
  .join('; ');

/** Parses a CSP string into directive -> source list (used by tests and the e2e harness). */
export function parseCsp(policy: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const part of policy.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name) out.set(name.toLowerCase(), sources);
  }
  return out;
}
