// Which build of the command line this is: a hash of the sources it was bundled from, set by
// the bundler (scripts/cli-bundle.mjs) in every output, so two outputs of one build agree and
// any change to the code gives another id. Run from the sources (tsx), it is "sources".
// A session's cache names the build that drew it (vault-session.ts), so a table drawn by an
// older build is not printed by a newer one.
declare const __TOKENVAULT_BUILD__: string | undefined;

export const BUILD_ID: string =
  typeof __TOKENVAULT_BUILD__ === 'string' ? __TOKENVAULT_BUILD__ : 'sources';

/** The name `list` keeps its table under in a session (list.command.ts, kept-list.ts). */
export const KEPT_LIST = 'list';
