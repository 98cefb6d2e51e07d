// The in-memory vault document and its file: load, read-latest -> apply -> verified save under
// the cross-process lock. Memory changes only after the file holds the new state, so a failed
// save leaves nothing half-applied.
import type { SafeStore } from './safe-store';
import { createDocumentSerializer, parseVaultDocument, type VaultDocument } from './vault-file';
import { VaultError } from './vault.types';

/** The persistence the vault needs (SafeStore provides it). */
export type VaultStorage = Pick<
  SafeStore,
  'start' | 'readText' | 'writeBytes' | 'withLock' | 'hasChangedOnDisk' | 'path'
>;

export class VaultState {
  private current: VaultDocument | undefined;
  private readonly serialize = createDocumentSerializer();
  /** The last document parsed while validating, so start() does not parse the file twice. */
  private parsed: { text: string; doc: VaultDocument } | undefined;

  constructor(private readonly store: VaultStorage) {}

  get doc(): VaultDocument | undefined {
    return this.current;
  }

  /** Validator for SafeStore: whether a file's text is a vault (remembers the parse). */
  readonly validateFile = (text: string): boolean => {
    try {
      this.parsed = { text, doc: parseVaultDocument(text) };
      return true;
    } catch {
      return false;
    }
  };

  /** Loads the file; returns false (keeping what is in memory) when it cannot be read. */
  load(): boolean {
    const text = this.store.readText();
    if (text === undefined) {
      this.current = undefined;
      return true;
    }
    try {
      this.current = this.parsed?.text === text ? this.parsed.doc : parseVaultDocument(text);
      this.parsed = undefined;
      return true;
    } catch {
      return false;
    }
  }

  changedOnDisk(): boolean {
    return this.store.hasChangedOnDisk();
  }

  /** Writes a brand-new vault, refusing if any file appeared meanwhile. */
  create(doc: VaultDocument): void {
    this.store.withLock(() => {
      if (this.store.readText() !== undefined) {
        throw new VaultError('vault-exists', 'A vault already exists here.');
      }
      this.store.writeBytes(this.serialize(doc));
    });
    this.current = doc;
  }

  /** Applies `apply` to the latest document on disk and saves it, all under the lock. */
  mutate(apply: (doc: VaultDocument) => VaultDocument): VaultDocument {
    const next = this.store.withLock(() => {
      if (this.store.hasChangedOnDisk()) this.load();
      if (!this.current) {
        throw new VaultError('vault-missing', 'There is no vault yet; create one first.');
      }
      const updated = apply(this.current);
      this.store.writeBytes(this.serialize(updated));
      return updated;
    });
    this.current = next;
    return next;
  }
}
