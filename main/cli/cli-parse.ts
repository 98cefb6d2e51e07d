// Small validators for option values, each failing with a usage error (exit 2).
import type { WireFormat } from '../../preload/api';
import { UsageError } from './cli-errors';

export function wireFormat(value: string | undefined, fallback: WireFormat): WireFormat {
  if (value === undefined) return fallback;
  if (value === 'json' || value === 'xml') return value;
  throw new UsageError('--format must be json or xml.');
}

/** A whole number of seconds > 0. */
export function seconds(value: string, option: string): number {
  if (!/^\d+$/.test(value) || Number(value) <= 0 || !Number.isSafeInteger(Number(value))) {
    throw new UsageError(`--${option} must be a whole number of seconds greater than 0.`);
  }
  return Number(value);
}

/** YYYY-MM-DD -> epoch ms of the end of that day in UTC (the token works through that day). */
export function dateEnd(value: string, option: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const ms = m ? Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), 23, 59, 59) : NaN;
  const check = new Date(ms);
  if (!m || Number.isNaN(ms) || check.getUTCDate() !== Number(m[3])) {
    throw new UsageError(`--${option} must be a date written YYYY-MM-DD.`);
  }
  return ms;
}
