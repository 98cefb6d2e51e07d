// The encrypted backup file (format 1). Two lines of text:
//   line 1: the header, compact JSON {format, version, kdf, createdAt}
//   line 2: base64 of iv | ciphertext | tag (AES-256-GCM) of the JSON payload
// The key comes from the backup's own passphrase (PBKDF2-SHA256 through the vault's
// VaultCrypto, so forge hands it to Node's native KDF). The AAD is the header line's exact
// text, so changing any header byte — iterations, salt, date — breaks the tag. Base64 must be
// canonical: a lenient decoder would otherwise ignore flipped padding bits, and a flipped byte
// that decodes to the same bytes would go unnoticed.
import { z } from 'zod';
import { isEntryKind, isProviderId } from '../providers/registry';
import type { EntryView } from '../../../preload/api';
import { IpcError } from '../ipc/ipc.errors';
import { SealError, type VaultCrypto } from '../vault/crypto';

export const BACKUP_FORMAT = 'tokenvault-backup';
export const BACKUP_VERSION = 1;
/** Refused before any key derivation, so a doctored header cannot stall the app. */
export const MAX_BACKUP_ITERATIONS = 10_000_000;
export const MAX_BACKUP_BYTES = 64 * 1024 * 1024;

/** One entry as carried in a backup: its metadata view and its decrypted secrets. */
export type BackupEntry = EntryView & { secrets: Record<string, string> };

export interface BackupPayload {
  exportedAt: number;
  entries: BackupEntry[];
}

const canonicalBase64 = z
  .string()
  .min(1)
  .refine((s) => Buffer.from(s, 'base64').toString('base64') === s, 'not canonical base64');

const headerSchema = z.strictObject({
  format: z.literal(BACKUP_FORMAT),
  version: z.literal(BACKUP_VERSION),
  kdf: z.strictObject({
    algorithm: z.literal('pbkdf2-sha256'),
    iterations: z.number().int().min(1).max(MAX_BACKUP_ITERATIONS),
    salt: canonicalBase64,
  }),
  createdAt: z.number().int().nonnegative(),
});

const entrySchema = z.looseObject({
  id: z.string().min(1).max(200),
  label: z.string().min(1).max(100),
  provider: z.string().refine(isProviderId),
  kind: z.string().refine(isEntryKind),
  status: z.enum(['active', 'needs-reauth', 'revoked', 'error']),
  secrets: z.record(z.string(), z.string()),
});

const payloadSchema = z.object({
  exportedAt: z.number(),
  entries: z.array(entrySchema),
});

export const unreadable = (): IpcError =>
  new IpcError('invalid-input', 'This file is not a Token Vault backup, or it is damaged.');
export const refused = (): IpcError =>
  new IpcError(
    'wrong-password',
    'Wrong backup passphrase, or the backup file was changed or damaged. Nothing was imported.',
  );

export async function encodeBackup(
  crypto: VaultCrypto,
  passphrase: string,
  payload: BackupPayload,
  createdAt: number,
): Promise<string> {
  const salt = crypto.newSalt();
  const header = JSON.stringify({
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    kdf: {
      algorithm: 'pbkdf2-sha256',
      iterations: crypto.iterations,
      salt: Buffer.from(salt).toString('base64'),
    },
    createdAt,
  });
  const key = await crypto.deriveKek(passphrase, salt);
  try {
    return `${header}\n${crypto.seal(key, JSON.stringify(payload), header)}\n`;
  } finally {
    key.fill(0);
  }
}

/** Opens a backup or throws: unreadable() for a non-backup, refused() for key/tag failures. */
export async function decodeBackup(
  crypto: VaultCrypto,
  passphrase: string,
  text: string,
): Promise<BackupPayload> {
  const lines = text.split('\n');
  if (lines.length !== 3 || lines[2] !== '') throw unreadable();
  const [headerText = '', sealed = ''] = lines;
  let rawHeader: unknown;
  try {
    rawHeader = JSON.parse(headerText);
  } catch {
    throw unreadable();
  }
  const header = headerSchema.safeParse(rawHeader);
  if (!header.success || !canonicalBase64.safeParse(sealed).success)
    throw refusedOrUnreadable(rawHeader);
  const salt = new Uint8Array(Buffer.from(header.data.kdf.salt, 'base64'));
  const key = await crypto.deriveKek(passphrase, salt, header.data.kdf.iterations);
  let plain: string;
  try {
    plain = crypto.openText(key, sealed, headerText);
  } catch (error) {
    if (error instanceof SealError) throw refused();
    throw error;
  } finally {
    key.fill(0);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(plain);
  } catch {
    throw unreadable();
  }
  const payload = payloadSchema.safeParse(raw);
  if (!payload.success) throw unreadable();
  return payload.data as unknown as BackupPayload;
}

/** A header that claims to be ours but fails its checks was tampered with; anything else is foreign. */
function refusedOrUnreadable(rawHeader: unknown): IpcError {
  const format = (rawHeader as { format?: unknown } | null)?.format;
  return format === BACKUP_FORMAT ? refused() : unreadable();
}
