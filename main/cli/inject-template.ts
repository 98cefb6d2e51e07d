// `tokenvault inject` templates: `{{ tokenvault://<label>/<field> }}` references, found and
// replaced in one pass. A label is written as it is (spaces allowed) or %-encoded; a label
// that several providers use is written with its provider first: `api-key:<label>`.
import type { ProviderId } from '../../preload/api';
import { isProviderId } from '../core/providers/registry';
import { UsageError } from './cli-errors';

export interface TemplateRef {
  /** The reference as written, for error messages. */
  text: string;
  line: number;
  label: string;
  provider?: ProviderId;
  field: string;
  start: number;
  end: number;
}

const REFERENCE = /\{\{\s*tokenvault:\/\/([^{}\n]+?)\/([A-Za-z0-9_-]+)\s*\}\}/g;
/** Something meant as a reference that does not parse (a typo must not pass through). */
const ATTEMPT = /\{\{\s*tokenvault:/g;

function lineOf(text: string, index: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i >= 0 && i < index; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

function decodeLabel(raw: string, text: string, line: number): string {
  try {
    return decodeURIComponent(raw).trim();
  } catch {
    throw new UsageError(`line ${line}: ${text}: the label has a broken %-escape.`);
  }
}

export function findReferences(template: string): TemplateRef[] {
  const refs: TemplateRef[] = [];
  const covered = new Set<number>();
  for (const m of template.matchAll(REFERENCE)) {
    const text = m[0];
    const start = m.index;
    const line = lineOf(template, start);
    let label = decodeLabel(m[1] ?? '', text, line);
    let provider: ProviderId | undefined;
    const colon = label.indexOf(':');
    const named = label.slice(0, colon);
    if (colon > 0 && isProviderId(named) && label.slice(colon + 1).trim() !== '') {
      provider = named;
      label = label.slice(colon + 1).trim();
    }
    const field = (m[2] ?? '').toLowerCase();
    refs.push({ text, line, label, field, start, end: start + text.length, provider });
    covered.add(start);
  }
  for (const m of template.matchAll(ATTEMPT)) {
    if (!covered.has(m.index)) {
      const line = lineOf(template, m.index);
      const shown = template.slice(m.index, m.index + 60).split('\n')[0] ?? '';
      throw new UsageError(
        `line ${line}: "${shown}" is not a reference; write {{ tokenvault://<label>/<field> }}.`,
      );
    }
  }
  return refs;
}

/** The template with every reference replaced by `valueOf(ref)`. */
export function renderTemplate(
  template: string,
  refs: readonly TemplateRef[],
  valueOf: (ref: TemplateRef) => string,
): string {
  let out = '';
  let at = 0;
  for (const ref of refs) {
    out += template.slice(at, ref.start) + valueOf(ref);
    at = ref.end;
  }
  return out + template.slice(at);
}
