// Test and bench support: reads and writes a format-2 vault file with the master password,
// as an attacker who knows the password (or a tool of ours) could: open every sealed part,
// change the plain document, seal it again with node:crypto and a correct MAC. Tests use it
// to seed thousands of entries in one write and to build files of a given shape; the attack
// tests use raw JSON edits instead, without the key.
import { createCipheriv, randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import type { AuditRecord } from '../../preload/api';
import { NativeOpener } from '../../main/core/vault/native-opener';
import { IV_BYTES } from '../../main/core/vault/seal-format';
import {
  FORMAT_VERSION,
  createDocumentSerializer,
  keyHeaderOf,
  parseDiskDocument,
  type SealedDocument,
  type StoredEntry,
  type VaultDocument,
} from '../../main/core/vault/vault-file';
import { FILE_MAC_BYTES, writeFileMac } from '../../main/core/vault/vault-file-mac';
import { lockedIndexOf } from '../../main/core/vault/vault-index';
import { unwrapDek } from '../../main/core/vault/vault-keys';
import {
  AUDIT_AAD,
  entryAad,
  fileMacKeyOf,
  finishSealed,
  labelTag,
  openAudit,
  openEntry,
  tagKeyOf,
  withListing,
} from '../../main/core/vault/vault-seal';
import { toView } from '../../main/core/vault/vault-entries';

/** AES-256-GCM with node:crypto, in the vault's sealed-value format. */
export function nativeSeal(key: Uint8Array, plaintext: string | Uint8Array, aad: string): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(aad, 'utf8'));
  const bytes = typeof plaintext === 'string' ? Buffer.from(plaintext, 'utf8') : plaintext;
  const body = Buffer.concat([cipher.update(bytes), cipher.final()]);
  return Buffer.concat([iv, body, cipher.getAuthTag()]).toString('base64');
}

export interface OpenedFile {
  doc: VaultDocument;
  dek: Uint8Array;
  sealed: SealedDocument;
}

/** Opens a format-2 vault file with its master password (every entry and record). */
export async function openVaultFile(path: string, password: string): Promise<OpenedFile> {
  const sealed = parseDiskDocument(readFileSync(path, 'utf8'));
  if (sealed.formatVersion !== FORMAT_VERSION) throw new Error('not a format-2 vault');
  const opener = new NativeOpener();
  const dek = await unwrapDek(opener, sealed, password);
  const doc: VaultDocument = {
    formatVersion: FORMAT_VERSION,
    ...keyHeaderOf(sealed),
    entries: sealed.entries.map((e) => openEntry(opener, dek, e)),
    audit: sealed.audit.map((a): AuditRecord => openAudit(opener, dek, a)),
  };
  return { doc, dek, sealed };
}

/** The plain document sealed as Token Vault seals it (index and MAC included). */
export function sealVaultDocument(doc: VaultDocument, dek: Uint8Array): SealedDocument {
  const tagKey = tagKeyOf(dek);
  const entries = doc.entries.map(({ id, ...body }: StoredEntry) => ({
    id,
    tag: labelTag(tagKey, body.provider, body.label),
    data: nativeSeal(dek, JSON.stringify(body), entryAad(id)),
  }));
  const audit = doc.audit.map((record) => nativeSeal(dek, JSON.stringify(record), AUDIT_AAD));
  const sealed = finishSealed(
    { formatVersion: FORMAT_VERSION, ...keyHeaderOf(doc), entries, audit },
    lockedIndexOf(doc.entries),
    dek,
  );
  const viewsJson = Buffer.from(JSON.stringify(doc.entries.map(toView)), 'utf8');
  return withListing(sealed, viewsJson, (plain, aad) => nativeSeal(dek, plain, aad));
}

/** A serialized document (ending with its closing brace) with the file MAC added last. */
export function withFileMac(document: Buffer, key: Uint8Array): Buffer {
  const file = Buffer.alloc(document.length - 1 + FILE_MAC_BYTES);
  document.copy(file, 0, 0, document.length - 1);
  writeFileMac(file, key);
  return file;
}

/** Writes the document; with the data key, with the file MAC last, as the app writes it. */
export function writeSealedFile(path: string, sealed: SealedDocument, dek?: Uint8Array): void {
  const key = dek ? fileMacKeyOf(dek) : undefined;
  writeFileSync(path, createDocumentSerializer()(sealed, key), { mode: 0o600 });
}

/** Opens the file, lets `change` edit the plain document, and writes it back sealed. */
export async function editVaultFile(
  path: string,
  password: string,
  change: (doc: VaultDocument) => VaultDocument,
): Promise<VaultDocument> {
  const { doc, dek } = await openVaultFile(path, password);
  const next = change(doc);
  writeSealedFile(path, sealVaultDocument(next, dek), dek);
  return next;
}
