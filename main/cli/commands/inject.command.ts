import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { EntryView } from '../../../preload/api';
import { writeFileAtomic } from '../../core/atomic-file';
import { credentialFields, fieldNames, offeredFields } from '../../core/export/credential-fields';
import type { CommandRun } from '../cli-context';
import { CliError, EXIT, UsageError } from '../cli-errors';
import { AmbiguousLabelError } from '../cli-read-core';
import { findReferences, renderTemplate, type TemplateRef } from '../inject-template';

/** Templates are small text files; anything larger is a mistake (a binary, a log). */
const MAX_TEMPLATE_BYTES = 1024 * 1024;

function readTemplate(path: string): string {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'unreadable';
    throw new UsageError(`Cannot read the template (${code}).`);
  }
  if (Buffer.byteLength(text) > MAX_TEMPLATE_BYTES) {
    throw new UsageError('The template is over 1 MB.');
  }
  return text;
}

/**
 * Unlocks (labels are sealed), resolves every reference to an entry and a field (exit 2
 * naming the first one that does not resolve, before any credential is fetched), takes each
 * entry's live credentials once (refreshed when needed), and writes the result in one atomic
 * step, or nothing. A template without references needs no password.
 */
export const run: CommandRun = async (ctx) => {
  const inPath = ctx.str('in');
  const outPath = ctx.str('out');
  const input = inPath === undefined ? undefined : resolve(ctx.io.cwd, inPath);
  const output = outPath === undefined ? undefined : resolve(ctx.io.cwd, outPath);
  if (input === undefined && ctx.io.stdinIsTTY) {
    throw new UsageError('Give the template with -i FILE, or pipe it to standard input.');
  }
  const core = await ctx.reader({ willUnlock: true });
  // With --password-stdin the password is the first line and the template the rest.
  if (input === undefined && ctx.flag('password-stdin')) await ctx.password('unlock');
  const template = input === undefined ? await ctx.io.readRest() : readTemplate(input);
  const refs = findReferences(template);
  if (refs.length > 0) await ctx.unlockedReader();

  const entries = new Map<TemplateRef, EntryView>();
  for (const ref of refs) {
    let entry: EntryView;
    try {
      entry = await core.findEntry(ref.label, ref.provider);
    } catch (error) {
      const why =
        error instanceof AmbiguousLabelError
          ? `${error.providers.join(' and ')} each have an entry "${error.label}"; write ` +
            error.providers.map((p) => `tokenvault://${p}:${ref.label}/${ref.field}`).join(' or ') +
            '.'
          : error instanceof Error
            ? error.message
            : 'unknown label';
      throw new UsageError(`line ${ref.line}: ${ref.text}: ${why}`);
    }
    const offered = offeredFields(entry);
    if (!(ref.field in offered.fields)) {
      throw new UsageError(
        `line ${ref.line}: ${ref.text}: no field "${ref.field}"; ` +
          `"${entry.label}" has ${fieldNames(offered).join(', ')}.`,
      );
    }
    entries.set(ref, entry);
  }

  const values = new Map<string, Record<string, string>>();
  if (refs.length > 0) {
    const headers = core.headers();
    for (const entry of new Set(entries.values())) {
      if (values.has(entry.id)) continue;
      const live = await headers.credentials(entry.id);
      values.set(entry.id, credentialFields(live.entry, live.set).fields);
    }
  }
  const text = renderTemplate(template, refs, (ref) => {
    const entry = entries.get(ref);
    return (entry && values.get(entry.id)?.[ref.field]) ?? '';
  });

  if (output === undefined) {
    ctx.io.stdout(text);
    return;
  }
  try {
    writeFileAtomic(output, text);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'failed';
    throw new CliError(EXIT.failure, `Cannot write "${outPath}" (${code}); nothing was written.`);
  }
  ctx.io.stderr(
    `tokenvault: wrote ${outPath} (${refs.length} reference${refs.length === 1 ? '' : 's'}, mode 0600)\n`,
  );
};
