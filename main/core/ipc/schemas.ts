// One zod schema per IPC channel (security.md 7). A payload is parsed before any handler runs;
// objects are strict (an unknown key is refused, not ignored) and every string, number and
// array is bounded, so a hostile renderer cannot push odd shapes or huge values into main.
// The table is typed by ChannelMap: a channel without a schema is a compile error.
import { z } from 'zod';
import type { Channel, Req, channels } from '../../../preload/api';
import { settingsFields } from '../settings/settings.schema';

/** No payload. `null` is tolerated too: some transports turn undefined into null. */
const none = z.union([z.undefined(), z.null()]).transform((): undefined => undefined);

/** Printable text: no control characters (they hide content in the UI and in logs). */
function text(max: number, min = 1) {
  return z
    .string()
    .min(min, { message: min === 1 ? 'Required.' : `At least ${min} characters.` })
    .max(max, { message: `At most ${max} characters.` })
    .refine((s) => !hasControlChars(s), { message: 'Contains control characters.' });
}

function hasControlChars(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x20 || c === 0x7f) return true;
  }
  return false;
}

/** A secret pasted by the user or typed as a password; control characters are refused too. */
const secret = text(4096);
const password = text(1024);
const entryId = z.string().regex(/^[A-Za-z0-9_-]{1,128}$/, { message: 'Not a valid entry id.' });
const label = text(100).refine((s) => s.trim().length > 0, { message: 'Required.' });
const epochMs = z.number().int().min(0).max(8.64e15);
const redirectMode = z.enum(['scheme', 'loopback']);
const wireFormat = z.enum(['json', 'xml']);
const headerFormat = z.enum(['http', 'curl', 'json', 'env', 'fetch', 'python']);

export type ChannelSchemas = { [C in Channel]: z.ZodType<Req<C>, unknown> };

export const schemas: ChannelSchemas = {
  'vault:get-status': none,
  'vault:get-password-rules': none,
  'vault:create': z.strictObject({ password }),
  'vault:unlock': z.strictObject({ password }),
  'vault:lock': none,
  'vault:change-password': z.strictObject({ current: password, next: password }),
  'settings:get': none,
  'settings:update': z.strictObject(settingsFields).partial(),
  'tokens:list': none,
  'tokens:get': z.strictObject({ id: entryId }),
  'tokens:rename': z.strictObject({ id: entryId, label }),
  'tokens:delete': z.strictObject({ id: entryId, revoke: z.boolean().optional() }),
  'tokens:verify': z.strictObject({ id: entryId }),
  'tokens:audit': z
    .union([z.undefined(), z.null(), z.strictObject({ id: entryId.optional() })])
    .transform((v) => v ?? {}),
  'tokens:set-reminders': z.strictObject({
    id: entryId,
    muted: z.boolean().optional(),
    snoozedUntil: epochMs.nullable().optional(),
  }),
  'faxplus:connect': z.strictObject({
    label,
    clientId: text(256).refine((s) => !/\s/.test(s), { message: 'No spaces allowed.' }),
    clientSecret: secret,
    redirectMode,
    advancedSecurity: z.boolean(),
    allowMissingState: z.boolean(),
  }),
  'oauth2:connect': z.strictObject({
    label,
    profile: z.enum(['github', 'google', 'microsoft', 'slack']).optional(),
    issuer: text(2048).optional(),
    authorizeUrl: text(2048).optional(),
    tokenUrl: text(2048).optional(),
    revocationUrl: text(2048).optional(),
    clientId: text(500),
    clientSecret: secret.optional(),
    clientAuth: z.enum(['basic', 'post', 'none']).optional(),
    scopes: z.array(text(200)).max(50).optional(),
    redirectMode,
    refreshDays: z.number().int().min(1).max(3650).optional(),
    verifyUrl: text(2048).optional(),
  }),
  'oauth2:reauthorize': z.strictObject({ id: entryId }),
  'oauth2:cancel-connect': z.strictObject({ flowId: text(128) }),
  'oauth2:redirect-uri': z.strictObject({ redirectMode }),
  'oauth2:profiles': none,
  'faxplus:reauthorize': z.strictObject({ id: entryId }),
  'faxplus:cancel-connect': z.strictObject({ flowId: text(128) }),
  'faxplus:redirect-uri': z.strictObject({ redirectMode }),
  'faxplus:add-pat': z.strictObject({
    label,
    pat: secret,
    expiresAt: epochMs.nullable().optional(),
    scopes: z.array(text(100)).max(50).optional(),
  }),
  'smsfactor:add-token': z.strictObject({ label, token: secret, format: wireFormat }),
  'apikey:add': z.strictObject({
    label,
    secret,
    headerName: text(100),
    template: text(200),
    basicUser: text(200).optional(),
    extraHeaders: z.array(z.strictObject({ name: text(100), value: text(1000) })).max(20),
    expiresAt: epochMs.nullable(),
    verifyUrl: text(2048).optional(),
  }),
  'smsfactor:mint': z.strictObject({
    parentId: entryId,
    name: label,
    label: label.optional(),
    ttlSeconds: z
      .number()
      .int()
      .min(1)
      .max(100 * 365 * 24 * 3600)
      .nullable(),
    allowedIps: z.array(text(64)).max(100),
    subAccountId: text(64).optional(),
  }),
  'smsfactor:list-remote': z.strictObject({ parentId: entryId }),
  'smsfactor:sub-accounts': z.strictObject({ parentId: entryId }),
  'smsfactor:revoke': z.strictObject({ id: entryId }),
  'smsfactor:set-format': z.strictObject({ id: entryId, format: wireFormat }),
  'headers:preview': z.strictObject({ id: entryId, format: headerFormat }),
  'headers:copy': z.strictObject({ id: entryId, format: headerFormat.optional() }),
  'reminders:list': none,
  'backup:export': z.strictObject({ password }),
  'backup:import': z.strictObject({
    password,
    onConflict: z.enum(['skip', 'replace', 'keep-both']),
  }),
  'keychain:status': none,
  'keychain:enable': none,
  'keychain:disable': none,
  'keychain:unlock': none,
  'team:status': none,
  'team:connect': z.strictObject({
    mode: z.enum(['init', 'join']),
    connectionString: secret,
    name: text(32),
    teamName: text(64).optional(),
  }),
  'team:sync': none,
  'team:members': none,
  'team:invite': z.strictObject({ name: text(32), fingerprint: text(64) }),
  'team:remove': z.strictObject({ name: text(32) }),
  'team:share': z.strictObject({ id: entryId }),
  'team:unshare': z.strictObject({ id: entryId }),
};

/** Every channel of the contract, from the schema table (which the compiler keeps complete). */
export const allChannels = Object.keys(schemas) as Channel[];

// Compile-time check that the renderer-facing `channels` table names every ChannelMap channel,
// so no channel is answered in main but unreachable from the API object (or the reverse).
type ApiChannel = (typeof channels)[keyof typeof channels];
type Unreachable = Exclude<Channel, ApiChannel>;
export const contractIsComplete: [Unreachable] extends [never] ? true : never = true;
