// The public face of the vault service, written down first so that the IPC layer, the
// provider services, the reminders and the CLI can be built against it in parallel.
import type { AuditRecord, EntryView, VaultStatus } from '../../../preload/api';
import type { LockedDeadline } from '../reminders/reminder.types';

/** Secret field names per entry kind. Values are sealed one by one (AES-256-GCM). */
export interface SecretFields {
  'faxplus-oauth': 'clientSecret' | 'accessToken' | 'refreshToken';
  'faxplus-pat': 'pat';
  'smsfactor-token': 'token';
  'api-key': 'secret';
  oauth2: 'clientSecret' | 'accessToken' | 'refreshToken';
}
export type SecretField = SecretFields[keyof SecretFields];

/** Metadata the caller supplies for a new entry; id and timestamps are set by the vault. */
export type NewEntry = EntryView extends infer E
  ? E extends EntryView
    ? Omit<E, 'id' | 'createdAt' | 'updatedAt'>
    : never
  : never;

/**
 * A metadata patch: any fields of any entry kind except identity and kind. Distributes over the
 * union so kind-specific fields (scopes, accessExpiresAt, …) can be patched.
 */
export type EntryPatch = EntryView extends infer E
  ? E extends EntryView
    ? Partial<Omit<E, 'id' | 'kind' | 'provider' | 'createdAt'>>
    : never
  : never;

export type AuditAction = AuditRecord['action'];

export type VaultErrorCode =
  | 'wrong-password'
  | 'weak-password'
  | 'vault-missing'
  | 'vault-exists'
  | 'locked'
  | 'not-found'
  | 'duplicate-label'
  | 'storage-error'
  | 'invalid-input';

/** Errors the vault throws. `message` is a user sentence without secrets. */
export class VaultError extends Error {
  constructor(
    readonly code: VaultErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'VaultError';
  }
}

export interface VaultApi {
  status(): VaultStatus;
  create(password: string): Promise<void>;
  unlock(password: string): Promise<void>;
  lock(reason?: string): void;
  changePassword(current: string, next: string): Promise<void>;
  isUnlocked(): boolean;

  /** Metadata works while locked (reminders and tray need it). */
  list(): EntryView[];
  /**
   * The locked index: per entry with something to remind of, an opaque id and its deadline,
   * nothing that names it. Readable while locked; reminders and the tray use it then.
   */
  lockedIndex(): LockedDeadline[];
  get(id: string): EntryView;
  findByLabel(provider: EntryView['provider'], label: string): EntryView | undefined;

  /** Needs the vault unlocked. Seals every given secret, saves, audits 'created'. */
  add(entry: NewEntry, secrets: Partial<Record<SecretField, string>>): EntryView;
  /** Needs the vault unlocked when `secrets` is given; metadata-only patches work while locked. */
  update(
    id: string,
    patch: EntryPatch,
    secrets?: Partial<Record<SecretField, string>>,
    audit?: { action: AuditAction; detail?: string },
  ): EntryView;
  remove(id: string): void;
  /** The key for this vault's team files (derived from the data key). Throws when locked. */
  teamFilesKey(): Buffer;
  /** Decrypts one secret on demand (lazy decryption). Throws VaultError('locked'). */
  readSecret(id: string, field: SecretField): string | undefined;
  audit(entryId?: string): AuditRecord[];
  recordAudit(entryId: string, action: AuditAction, detail?: string): void;

  /** Tells the idle timer that the user did something. */
  touch(): void;
  /** Reloads the file when another process (the CLI) changed it. */
  reload(): void;
  /** Whether another process wrote the file since this one last read or wrote it. */
  hasChangedOnDisk(): boolean;
  onChange(listener: (reason: string) => void): () => void;
  onStatus(listener: (status: VaultStatus) => void): () => void;
}

/** What a token refresh needs of a vault: the app's vault, or one shared entry held in memory. */
export type SessionVault = Pick<
  VaultApi,
  'get' | 'readSecret' | 'update' | 'hasChangedOnDisk' | 'reload'
>;
