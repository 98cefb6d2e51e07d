// What the command line keeps for a session (vault-session.ts caches), shared by the program
// and the bin's kept path (kept.ts): the names, the encoding of the labels, and the build id.
// The build id is a hash of the sources the command line was bundled from, set by the
// bundler (scripts/cli-bundle.mjs) in every output, so two outputs of one build agree and any
// change to the code gives another id; run from the sources (tsx), it is "sources". What is
// kept names the build that drew it, so a table drawn by an older build is not printed by a
// newer one.
import type { CacheBinding } from '../core/vault/vault-session';

declare const __TOKENVAULT_BUILD__: string | undefined;

export const BUILD_ID: string =
  typeof __TOKENVAULT_BUILD__ === 'string' ? __TOKENVAULT_BUILD__ : 'sources';

/** What a session keeps is bound to the vault file (`stamp`, vault-reader.ts) and this build. */
export const keptBinding = (stamp: { fileMac: string; key: Buffer }): CacheBinding => ({
  ...stamp,
  program: BUILD_ID,
});

/** The name `list` keeps its table under in a session (list.command.ts, kept.ts). */
export const KEPT_LIST = 'list';

/** The name completion keeps the vault's labels under (completion.command.ts, kept.ts). */
export const KEPT_LABELS = 'labels';

/** The labels as completion keeps them: a JSON array of strings. */
export const labelsBytes = (labels: readonly string[]): Buffer =>
  Buffer.from(JSON.stringify(labels), 'utf8');

/** The labels kept by labelsBytes, or undefined for anything else. */
export function labelsOf(kept: Uint8Array): string[] | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(kept).toString('utf8'));
  } catch {
    return undefined;
  }
  return Array.isArray(parsed) && parsed.every((l) => typeof l === 'string')
    ? (parsed as string[])
    : undefined;
}
