// The API-key dialog's choices, inline checks and conversions. Main checks everything again
// (api-key.rules.ts; it never trusts the renderer): these only show a mistake before the
// button is pressed, and the masked preview of the headers. Pure, so tested without a browser.
import type { HeaderLine, Req } from '../../../preload/api';
import type { MessageKey } from '../../i18n/en';

export type HeaderStyle = 'bearer' | 'token' | 'x-api-key' | 'basic' | 'custom';

interface StyleInfo {
  id: HeaderStyle;
  key: MessageKey;
  headerName: string;
  template: string;
}

/** The usual ways a service takes a key, first the most common. */
export const STYLES: readonly StyleInfo[] = [
  {
    id: 'bearer',
    key: 'apikey.style.bearer',
    headerName: 'Authorization',
    template: 'Bearer {token}',
  },
  {
    id: 'token',
    key: 'apikey.style.token',
    headerName: 'Authorization',
    template: 'token {token}',
  },
  { id: 'x-api-key', key: 'apikey.style.x-api-key', headerName: 'X-Api-Key', template: '{token}' },
  {
    id: 'basic',
    key: 'apikey.style.basic',
    headerName: 'Authorization',
    template: 'Basic {basic}',
  },
  { id: 'custom', key: 'apikey.style.custom', headerName: '', template: '{token}' },
];

export interface ApiKeyForm {
  label: string;
  secret: string;
  style: HeaderStyle;
  /** Used by the 'custom' style only. */
  headerName: string;
  template: string;
  /** Used by the 'basic' style only. */
  basicUser: string;
  /** "Name: value" lines. */
  extra: string;
  /** `YYYY-MM-DD` from <input type="date">, or ''. */
  expiry: string;
  verifyUrl: string;
}

export const EMPTY_FORM: ApiKeyForm = {
  label: '',
  secret: '',
  style: 'bearer',
  headerName: '',
  template: '{token}',
  basicUser: '',
  extra: '',
  expiry: '',
  verifyUrl: '',
};

/** The form's fields, named as main names them in its field errors. */
export type ApiKeyField =
  | 'label'
  | 'secret'
  | 'headerName'
  | 'template'
  | 'basicUser'
  | 'extraHeaders'
  | 'expiresAt'
  | 'verifyUrl';

export const FIELDS: readonly ApiKeyField[] = [
  'label',
  'secret',
  'headerName',
  'template',
  'basicUser',
  'extraHeaders',
  'expiresAt',
  'verifyUrl',
];

export interface FieldMessage {
  key: MessageKey;
  params?: Record<string, string | number>;
}

export type ApiKeyErrors = Partial<Record<ApiKeyField, FieldMessage>>;

const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]{1,100}$/;

/** The header the chosen style sends. */
export function headerOf(form: ApiKeyForm): {
  headerName: string;
  template: string;
  basicUser?: string;
} {
  if (form.style === 'custom') {
    return { headerName: form.headerName.trim(), template: form.template.trim() };
  }
  const style = STYLES.find((s) => s.id === form.style) ?? STYLES[0];
  const base = { headerName: style?.headerName ?? '', template: style?.template ?? '' };
  return form.style === 'basic' ? { ...base, basicUser: form.basicUser.trim() } : base;
}

/** The extra header lines, or the 1-based number of the first line that is not "Name: value". */
export function parseExtra(text: string): { lines: HeaderLine[] } | { badLine: number } {
  const lines: HeaderLine[] = [];
  const rows = text.split('\n');
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i]?.trim() ?? '';
    if (!row) continue;
    const colon = row.indexOf(':');
    const name = colon > 0 ? row.slice(0, colon).trim() : '';
    const value = colon > 0 ? row.slice(colon + 1).trim() : '';
    if (!HEADER_NAME.test(name) || !value) return { badLine: i + 1 };
    lines.push({ name, value });
  }
  return { lines };
}

/** End of the chosen day, local time; undefined for an empty or malformed date. */
export function expiryFromDate(value: string): number | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return undefined;
  const [, y, m, d] = match;
  return new Date(Number(y), Number(m) - 1, Number(d), 23, 59, 59, 999).getTime();
}

export function checkApiKeyForm(form: ApiKeyForm, now: number): ApiKeyErrors {
  const errors: ApiKeyErrors = {};
  if (!form.label.trim()) errors.label = { key: 'apikey.error.label' };
  const secret = form.secret.trim();
  if (!secret) errors.secret = { key: 'apikey.error.secret' };
  else if (/\s/.test(secret)) errors.secret = { key: 'apikey.error.spaces' };
  if (form.style === 'custom') {
    if (!HEADER_NAME.test(form.headerName.trim())) {
      errors.headerName = { key: 'apikey.error.headerName' };
    }
    if (!form.template.includes('{token}')) errors.template = { key: 'apikey.error.template' };
  }
  if (form.style === 'basic') {
    const user = form.basicUser.trim();
    if (!user || user.includes(':')) errors.basicUser = { key: 'apikey.error.basicUser' };
  }
  const extra = parseExtra(form.extra);
  if ('badLine' in extra) {
    errors.extraHeaders = { key: 'apikey.error.extra', params: { line: extra.badLine } };
  }
  if (form.expiry) {
    const at = expiryFromDate(form.expiry);
    if (at === undefined || at <= now) errors.expiresAt = { key: 'apikey.error.pastDate' };
  }
  const url = form.verifyUrl.trim();
  if (url && !/^https?:\/\/[^\s/]+/i.test(url)) errors.verifyUrl = { key: 'apikey.error.url' };
  return errors;
}

export const hasErrors = (errors: ApiKeyErrors): boolean => Object.keys(errors).length > 0;

/** The request main gets; call after checkApiKeyForm found nothing. */
export function toRequest(form: ApiKeyForm): Req<'apikey:add'> {
  const extra = parseExtra(form.extra);
  const url = form.verifyUrl.trim();
  return {
    label: form.label.trim(),
    secret: form.secret.trim(),
    ...headerOf(form),
    extraHeaders: 'lines' in extra ? extra.lines : [],
    expiresAt: form.expiry ? (expiryFromDate(form.expiry) ?? null) : null,
    ...(url ? { verifyUrl: url } : {}),
  };
}

/** Dots and, for a long key, its last 4 characters (as main masks previews). */
export function maskKey(secret: string): string {
  const dots = '••••••••';
  return secret.length >= 16 ? `${dots}${secret.slice(-4)}` : dots;
}

/** The header lines the form would send, with the key masked (Basic shows its parts). */
export function previewLines(form: ApiKeyForm): string[] {
  const { headerName, template, basicUser } = headerOf(form);
  const key = maskKey(form.secret.trim());
  const value = template
    .split('{token}')
    .join(key)
    .split('{basic}')
    .join(`base64(${basicUser || '…'}:${key})`);
  const extra = parseExtra(form.extra);
  return [
    `${headerName || '…'}: ${value}`,
    ...('lines' in extra ? extra.lines.map((h) => `${h.name}: ${h.value}`) : []),
  ];
}
