// A read-only view of the vault file for short-lived readers (the command line's `list`,
// `headers`, `token`, `exec`, `inject`, completion). It reads the file once without the
// writers' lock (every save replaces the file by rename, so any read sees one whole
// version), checks the header, and checks an entry only when it is used. Secrets are opened
// with node:crypto (NativeOpener). Anything it cannot read at once, it refuses (`open`
// returns undefined) so the caller takes the full VaultService path, which recovers damaged
// files and reports why.
import { closeSync, openSync, readFileSync, readSync } from 'node:fs';
import { join } from 'node:path';
import type { EntryView } from '../../../preload/api';
import { NativeOpener } from './native-opener';
import { findEntryByLabel, toView } from './vault-entries';
import {
  CorruptVaultError,
  parseVaultHeader,
  type StoredEntry,
  type VaultDocument,
} from './vault-file';
import { unwrapDek } from './vault-keys';
import { openSecret } from './vault-secrets';
import { entryProblem } from './vault-shape';
import { VaultError, type SecretField, type VaultApi } from './vault.types';

/** What the readers above use; VaultService offers the same, so either can serve them. */
export type VaultReadApi = Pick<
  VaultApi,
  'isUnlocked' | 'list' | 'get' | 'findByLabel' | 'readSecret' | 'onStatus' | 'recordAudit'
> & { unlock(password: string): Promise<void> };

export class VaultFileReader implements VaultReadApi {
  private dek: Uint8Array | null = null;
  private readonly checked = new WeakSet<object>();
  private constructor(
    private readonly path: string,
    private doc: VaultDocument,
    private readonly opener: NativeOpener,
  ) {}

  /**
   * The reader, or undefined when the file is missing or not readable at once. With
   * `password` (known before the file is read, e.g. from the environment) the KDF starts
   * from the file's first bytes and runs while the rest is read and parsed.
   */
  static open(path: string, options: { password?: string } = {}): VaultFileReader | undefined {
    const opener = new NativeOpener();
    if (options.password) {
      const kdf = readKdfHead(path);
      if (kdf) opener.startEarly(options.password, kdf.salt, kdf.iterations);
    }
    const doc = readDocument(path);
    return doc ? new VaultFileReader(path, doc, opener) : undefined;
  }

  /** The reader of `vault.json` in `dir` (the file VaultService keeps there). */
  static inFolder(dir: string, options: { password?: string } = {}): VaultFileReader | undefined {
    return VaultFileReader.open(join(dir, 'vault.json'), options);
  }

  /** Reads the file again (after another writer, e.g. a refresh, saved it). */
  reload(): void {
    const doc = readDocument(this.path);
    if (!doc) throw new CorruptVaultError('The vault file changed and could not be read again.');
    this.doc = doc;
  }

  isUnlocked(): boolean {
    return this.dek !== null;
  }

  async unlock(password: string): Promise<void> {
    this.dek = await unwrapDek(this.opener, this.doc, password);
  }

  lock(): void {
    this.dek?.fill(0);
    this.dek = null;
  }

  list(): EntryView[] {
    return this.doc.entries.map((e) => toView(this.checkedEntry(e)));
  }

  get(id: string): EntryView {
    return toView(this.stored(id));
  }

  findByLabel(provider: EntryView['provider'], label: string): EntryView | undefined {
    const found = findEntryByLabel(this.doc.entries, provider, label);
    return found ? toView(this.checkedEntry(found)) : undefined;
  }

  readSecret(id: string, field: SecretField): string | undefined {
    if (!this.dek) throw new VaultError('locked', 'The vault is locked.');
    return openSecret(this.opener, this.dek, this.stored(id), field);
  }

  onStatus(): () => void {
    return () => undefined;
  }

  recordAudit(): void {
    throw new VaultError('invalid-input', 'This view of the vault is read-only.');
  }

  private stored(id: string): StoredEntry {
    const found = this.doc.entries.find((e: Partial<StoredEntry>) => e.id === id);
    if (!found) throw new VaultError('not-found', 'That entry is no longer in the vault.');
    return this.checkedEntry(found);
  }

  private checkedEntry(entry: StoredEntry): StoredEntry {
    if (this.checked.has(entry)) return entry;
    const problem = entryProblem(entry);
    if (problem !== undefined) {
      throw new CorruptVaultError(
        `The file is not a valid vault (problem at an entry's ${problem}).`,
      );
    }
    this.checked.add(entry);
    return entry;
  }
}

/** Bytes read for the KDF parameters: the serializer writes them first, before any entry. */
const HEAD_BYTES = 512;

/**
 * The KDF parameters from the start of the file, or undefined when the start does not look
 * as the serializer writes it. Only a hint: unlock() uses the early key only when these
 * equal what the fully parsed file says, and the key must still open the wrapped data key.
 */
function readKdfHead(path: string): { salt: Uint8Array; iterations: number } | undefined {
  let head: string;
  try {
    const fd = openSync(path, 'r');
    try {
      const buffer = Buffer.alloc(HEAD_BYTES);
      head = buffer.toString('utf8', 0, readSync(fd, buffer, 0, HEAD_BYTES, 0));
    } finally {
      closeSync(fd);
    }
  } catch {
    return undefined;
  }
  const m =
    /^\{"formatVersion":\d+,"kdf":\{"algorithm":"pbkdf2-sha256","iterations":(\d+),"salt":"([A-Za-z0-9+/=]+)"\}/.exec(
      head,
    );
  if (!m?.[1] || !m[2]) return undefined;
  return { iterations: Number(m[1]), salt: new Uint8Array(Buffer.from(m[2], 'base64')) };
}

function readDocument(path: string): VaultDocument | undefined {
  try {
    return parseVaultHeader(readFileSync(path, 'utf8'));
  } catch {
    return undefined;
  }
}
