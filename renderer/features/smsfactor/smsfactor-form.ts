// The SMSFactor dialogs' inline checks and conversions. Main checks everything again
// (smsfactor.validation.ts; it never trusts the renderer); these let the user see a mistake,
// with the bad value, before anything is sent. Pure, so they are tested without a browser.
import ipaddr from 'ipaddr.js';
import type { ApiError } from '../../../preload/api';
import type { MessageKey } from '../../i18n/en';
import { t } from '../../i18n/i18n';

export const NAME_MAX = 100;
/** Same bound as main: beyond 10 years "unlimited" is what the user means. */
export const TTL_MAX_SECONDS = 10 * 365 * 24 * 3600;

const HOUR = 3600;
const DAY = 24 * HOUR;

export type TtlChoice = '1h' | '1d' | '7d' | '30d' | '90d' | '1y' | 'unlimited' | 'custom';

/** The presets of main's TTL_PRESETS plus "custom"; null seconds = unlimited. */
export const TTL_OPTIONS: readonly { id: TtlChoice; key: MessageKey; seconds: number | null }[] = [
  { id: '1h', key: 'smsfactor.ttl.1h', seconds: HOUR },
  { id: '1d', key: 'smsfactor.ttl.1d', seconds: DAY },
  { id: '7d', key: 'smsfactor.ttl.7d', seconds: 7 * DAY },
  { id: '30d', key: 'smsfactor.ttl.30d', seconds: 30 * DAY },
  { id: '90d', key: 'smsfactor.ttl.90d', seconds: 90 * DAY },
  { id: '1y', key: 'smsfactor.ttl.1y', seconds: 365 * DAY },
  { id: 'unlimited', key: 'smsfactor.ttl.unlimited', seconds: null },
  { id: 'custom', key: 'smsfactor.ttl.custom', seconds: null },
];

/** Field -> sentence shown beside it. */
export type FieldErrors = Partial<Record<string, string>>;

export function hasErrors(errors: FieldErrors): boolean {
  return Object.values(errors).some(Boolean);
}

export interface AddInput {
  label: string;
  token: string;
}

export function checkAdd(input: AddInput): FieldErrors {
  const errors: FieldErrors = {};
  const label = input.label.trim();
  if (!label) errors['label'] = t('smsfactor.error.label');
  else if ([...label].length > NAME_MAX)
    errors['label'] = t('smsfactor.error.nameLong', { max: NAME_MAX, count: [...label].length });
  const token = input.token.trim();
  if (!token) errors['token'] = t('smsfactor.error.token');
  else if (/\s/.test(token)) errors['token'] = t('smsfactor.error.spaces');
  return errors;
}

function isAddress(text: string): boolean {
  if (ipaddr.IPv4.isValidFourPartDecimal(text)) return true;
  // A zone id (`fe80::1%eth0`) names an interface of this machine: meaningless to SMSFactor.
  return text.includes(':') && !text.includes('%') && ipaddr.IPv6.isValid(text);
}

/** IPv4 (four decimal parts), IPv6, or either as a CIDR range with a fitting prefix. */
export function isAllowedIp(value: string): boolean {
  const text = value.trim();
  if (!text) return false;
  const slash = text.indexOf('/');
  if (slash < 0) return isAddress(text);
  const address = text.slice(0, slash);
  const prefix = text.slice(slash + 1);
  if (!/^\d{1,3}$/.test(prefix) || !isAddress(address)) return false;
  return Number(prefix) <= (address.includes(':') ? 128 : 32);
}

/** One row per non-empty line of the textarea form. */
export function ipsFromText(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean);
}

/**
 * Errors by row index (undefined = fine). Empty rows are ignored, not errors: an "Add an
 * address" click followed by nothing should not block the form.
 */
export function checkIpRows(rows: readonly string[]): (string | undefined)[] {
  const seen = new Set<string>();
  return rows.map((row) => {
    const value = row.trim();
    if (!value) return undefined;
    if (!isAllowedIp(value)) return t('smsfactor.error.ip', { value });
    const key = value.toLowerCase();
    if (seen.has(key)) return t('smsfactor.error.ipDuplicate', { value });
    seen.add(key);
    return undefined;
  });
}

export interface MintForm {
  name: string;
  ttl: TtlChoice;
  /** Text of the custom seconds field. */
  customSeconds: string;
  ipRows: string[];
  target: 'account' | 'sub';
  subAccountId: string;
  label: string;
}

export interface MintRequestDraft {
  name: string;
  label?: string;
  ttlSeconds: number | null;
  allowedIps: string[];
  subAccountId?: string;
}

export interface MintCheck {
  errors: FieldErrors;
  ipErrors: (string | undefined)[];
  /** Present when nothing is wrong. */
  request?: MintRequestDraft;
  /** allowedIps index sent -> row index, to place main's `allowedIps.<i>` errors. */
  sentRows: number[];
}

export function ttlSecondsOf(form: Pick<MintForm, 'ttl' | 'customSeconds'>): {
  seconds: number | null;
  error?: string;
} {
  if (form.ttl !== 'custom') {
    return { seconds: TTL_OPTIONS.find((o) => o.id === form.ttl)?.seconds ?? null };
  }
  const value = form.customSeconds.trim();
  if (!/^\d+$/.test(value) || Number(value) <= 0) {
    return { seconds: null, error: t('smsfactor.error.ttl', { value }) };
  }
  const seconds = Number(value);
  if (seconds > TTL_MAX_SECONDS) {
    return { seconds: null, error: t('smsfactor.error.ttlMax', { max: TTL_MAX_SECONDS }) };
  }
  return { seconds };
}

export function checkMint(form: MintForm): MintCheck {
  const errors: FieldErrors = {};
  const name = form.name.trim();
  if (!name) errors['name'] = t('smsfactor.error.name');
  else if ([...name].length > NAME_MAX)
    errors['name'] = t('smsfactor.error.nameLong', { max: NAME_MAX, count: [...name].length });
  const label = form.label.trim();
  if ([...label].length > NAME_MAX)
    errors['label'] = t('smsfactor.error.nameLong', { max: NAME_MAX, count: [...label].length });
  const ttl = ttlSecondsOf(form);
  if (ttl.error) errors['ttlSeconds'] = ttl.error;

  const sub = form.target === 'sub';
  const ipErrors = sub ? form.ipRows.map(() => undefined) : checkIpRows(form.ipRows);
  const sentRows: number[] = [];
  const allowedIps: string[] = [];
  if (!sub) {
    form.ipRows.forEach((row, index) => {
      if (!row.trim()) return;
      sentRows.push(index);
      allowedIps.push(row.trim());
    });
  }
  const subAccountId = form.subAccountId.trim();
  if (sub && !subAccountId) {
    errors['subAccountId'] = t('smsfactor.error.subAccountMissing');
  } else if (sub && !/^\d{1,20}$/.test(subAccountId)) {
    errors['subAccountId'] = t('smsfactor.error.subAccount', { value: subAccountId });
  }

  if (hasErrors(errors) || ipErrors.some(Boolean)) return { errors, ipErrors, sentRows };
  return {
    errors,
    ipErrors,
    sentRows,
    request: {
      name,
      ...(label ? { label } : {}),
      ttlSeconds: ttl.seconds,
      allowedIps,
      ...(sub ? { subAccountId } : {}),
    },
  };
}

/** Where a main error goes: a form field, one IP row, or above the buttons. */
export type ErrorPlace =
  { kind: 'field'; field: string } | { kind: 'ip'; row: number } | { kind: 'form' };

const formFields = ['name', 'label', 'ttlSeconds', 'subAccountId', 'token', 'format'];

export function placeMainError(error: ApiError, sentRows: readonly number[]): ErrorPlace {
  const field = error.field;
  if (error.code === 'duplicate-label') return { kind: 'field', field: 'label' };
  if (!field) return { kind: 'form' };
  const ip = /^allowedIps\.(\d+)$/.exec(field);
  if (ip) {
    const row = sentRows[Number(ip[1])];
    return row === undefined ? { kind: 'field', field: 'allowedIps' } : { kind: 'ip', row };
  }
  if (field === 'allowedIps') return { kind: 'field', field: 'allowedIps' };
  return formFields.includes(field) ? { kind: 'field', field } : { kind: 'form' };
}
