// HTML of the sandbox's approval page and error pages: self-contained (no external assets,
// inline style only), labelled for screen readers and for Playwright's role queries.

export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

const STYLE = `body{font-family:system-ui,sans-serif;max-width:32rem;margin:3rem auto;padding:0 1rem;color:#1b1b1b}
button{font-size:1rem;padding:.6rem 1.4rem;margin-right:.8rem;border-radius:.3rem;border:1px solid #444;cursor:pointer}
button.approve{background:#0b5cad;color:#fff}form{display:inline}`;

function page(title: string, body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title><style>${STYLE}</style></head>
<body><main>${body}</main></body></html>`;
}

export function approvalPage(p: { requestId: string; clientName: string; email: string }): string {
  const id = escapeHtml(p.requestId);
  const form = (decision: 'approve' | 'deny', label: string, cls: string): string =>
    `<form method="post" action="/login/decision">
<input type="hidden" name="request_id" value="${id}">
<input type="hidden" name="decision" value="${decision}">
<button type="submit" class="${cls}">${label}</button></form>`;
  return page(
    'Fax.Plus sandbox: authorize application',
    `<h1>Authorize ${escapeHtml(p.clientName)}</h1>
<p>Signed in as <strong>${escapeHtml(p.email)}</strong> (sandbox account).</p>
<p>The application asks for access to your Fax.Plus account (scope: all).</p>
<div role="group" aria-label="Decision">${form('approve', 'Approve', 'approve')}${form('deny', 'Deny', 'deny')}</div>`,
  );
}

export function errorPage(status: number, message: string): string {
  return page(
    `Error ${status}`,
    `<h1>Error ${status}</h1><p role="alert">${escapeHtml(message)}</p>`,
  );
}
