// Encrypted backup of the whole vault: export writes every entry's metadata and decrypted
// secrets, re-encrypted under the backup's own passphrase; import reads one into the unlocked
// vault following a conflict rule. The file is opened and checked completely before the vault
// is touched, so a wrong passphrase or a tampered file changes nothing.
import type { EntryView } from '../../../preload/api';
import type { Clock, Random } from '../ports';
import { IpcError } from '../ipc/ipc.errors';
import { VaultCrypto } from '../vault/crypto';
import { checkPassword } from '../vault/password-rules';
import { SECRET_FIELDS } from '../vault/vault-entries';
import type { EntryPatch, NewEntry, SecretField, VaultApi } from '../vault/vault.types';
import type { BackupFiles } from './backup.files';
import { decodeBackup, encodeBackup, type BackupEntry } from './backup.format';
import { planImport, type ConflictRule, type ImportSummary } from './backup-import.plan';

export interface BackupServiceDeps {
  vault: VaultApi;
  files: BackupFiles;
  clock: Clock;
  random: Random;
  /** PBKDF2 iterations for new backups (default 600,000); tests pass fewer. */
  kdfIterations?: number;
}

const IDENTITY = ['id', 'createdAt', 'updatedAt', 'secrets'] as const;

export class BackupService {
  private readonly crypto: VaultCrypto;

  constructor(private readonly deps: BackupServiceDeps) {
    this.crypto = new VaultCrypto({ random: deps.random, iterations: deps.kdfIterations });
  }

  /** The checks export makes, for callers that ask for a file name first (save dialog). */
  checkExport(passphrase: string): void {
    this.requireUnlocked();
    const problem = checkPassword(passphrase);
    if (problem) throw new IpcError('weak-password', problem, 'password');
  }

  /** Writes the backup to `path`; returns how many entries it holds. */
  async exportTo(path: string, passphrase: string): Promise<{ entries: number }> {
    this.checkExport(passphrase);
    const entries: BackupEntry[] = this.deps.vault.list().map((view) => ({
      ...view,
      secrets: this.secretsOf(view),
    }));
    const now = this.deps.clock.now();
    const text = await encodeBackup(this.crypto, passphrase, { exportedAt: now, entries }, now);
    this.deps.files.write(path, text);
    return { entries: entries.length };
  }

  async importFrom(
    path: string,
    passphrase: string,
    rule: ConflictRule = 'skip',
  ): Promise<ImportSummary> {
    this.requireUnlocked();
    const payload = await decodeBackup(this.crypto, passphrase, this.deps.files.read(path));
    this.requireUnlocked();
    const vault = this.deps.vault;
    const { steps, summary } = planImport(vault.list(), payload.entries, rule);
    const newIds = new Map<string, string>();
    for (const step of steps) {
      const entry = payload.entries[step.index];
      if (!entry || step.action === 'skip') continue;
      const secrets = entry.secrets as Partial<Record<SecretField, string>>;
      if (step.action === 'replace') {
        const target = vault.get(step.targetId);
        if (target.kind === entry.kind) {
          vault.update(step.targetId, metadataOf(entry) as EntryPatch, secrets);
          newIds.set(entry.id, step.targetId);
          continue;
        }
        vault.remove(step.targetId);
      }
      const label = step.action === 'replace' ? entry.label : step.label;
      const added = vault.add({ ...metadataOf(entry), label } as NewEntry, secrets);
      newIds.set(entry.id, added.id);
    }
    this.relinkParents(payload.entries, newIds);
    return summary;
  }

  /** Minted tokens point at their parent by id (SMSFactor); the parent may have a new id now. */
  private relinkParents(entries: readonly BackupEntry[], newIds: Map<string, string>): void {
    for (const entry of entries) {
      const parentId = 'parentId' in entry ? entry.parentId : undefined;
      if (typeof parentId !== 'string' || parentId === '') continue;
      const self = newIds.get(entry.id);
      const parent = newIds.get(parentId);
      if (self && parent && parent !== parentId) {
        this.deps.vault.update(self, { parentId: parent } as EntryPatch);
      }
    }
  }

  private secretsOf(view: EntryView): Record<string, string> {
    const out: Record<string, string> = {};
    for (const field of SECRET_FIELDS[view.kind] as readonly SecretField[]) {
      const value = this.deps.vault.readSecret(view.id, field);
      if (value !== undefined) out[field] = value;
    }
    return out;
  }

  requireUnlocked(): void {
    if (!this.deps.vault.isUnlocked()) throw new IpcError('locked', 'Unlock the vault first.');
  }
}

function metadataOf(entry: BackupEntry): Record<string, unknown> {
  const skip: ReadonlySet<string> = new Set(IDENTITY);
  return Object.fromEntries(Object.entries(entry).filter(([key]) => !skip.has(key)));
}
