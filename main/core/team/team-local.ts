// What a machine keeps about its team (issue 15), beside the vault file and sealed under a
// key derived from the vault's data key (vault-seal.ts teamFilesKeyOf), so nothing here opens
// without the master password:
//   team.json       the membership: team id and name, the connection string, this member's
//                   name, id and X25519 key pair.
//   team-copy.json  the offline copy: the shared rows exactly as the database holds them
//                   (ciphertext under the team key), this member's wrapped team keys, when it
//                   was saved and since when the database is unreachable. Its locked index
//                   (opaque ids and deadlines) stays readable, so reminders for shared
//                   deadlines fire while the vault is locked and the database is down.
// Both are written atomically, mode 0600.
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileAtomic } from '../atomic-file';
import type { LockedDeadline } from '../reminders/reminder.types';
import { gcmOpen, gcmSeal, TeamSealError, type MemberKeyPair } from './team-crypto';

export const MEMBERSHIP_FILE = 'team.json';
export const COPY_FILE = 'team-copy.json';
const FORMAT = 1;

export interface TeamMembership {
  teamId: string;
  /** Shown next to shared entries: the database name unless given at init/join. */
  teamName: string;
  connectionString: string;
  /** PEM of a CA to trust for the database's certificate, when not a public one. */
  ca?: string;
  memberId: string;
  name: string;
  keyPair: MemberKeyPair;
}

export interface CopiedRow {
  id: string;
  version: number;
  keyEpoch: number;
  /** base64 of the row's sealed bytes. */
  sealed: string;
}

export interface TeamCopy {
  savedAt: number;
  /** Set while the database cannot be reached: since when. */
  offlineSince?: number;
  /** This member's wrapped team keys by epoch (base64). */
  wrappedKeys: { epoch: number; wrapped: string }[];
  rows: CopiedRow[];
}

/** A team file that is not this vault's or was changed outside Token Vault. */
export class TeamFileError extends Error {
  constructor(file: string) {
    super(`${file} does not open with this vault's key (changed outside Token Vault?).`);
    this.name = 'TeamFileError';
  }
}

interface Sealed {
  formatVersion: number;
  sealed: string;
  index?: LockedDeadline[];
}

function readSealed(path: string): Sealed | undefined {
  if (!existsSync(path)) return undefined;
  const parsed = JSON.parse(readFileSync(path, 'utf8')) as Partial<Sealed>;
  if (parsed.formatVersion !== FORMAT || typeof parsed.sealed !== 'string') {
    throw new TeamFileError(path);
  }
  return parsed as Sealed;
}

function open<T>(key: Uint8Array, path: string, aad: string): T | undefined {
  const file = readSealed(path);
  if (!file) return undefined;
  try {
    return JSON.parse(gcmOpen(key, Buffer.from(file.sealed, 'base64'), aad).toString('utf8')) as T;
  } catch (error) {
    if (error instanceof TeamSealError || error instanceof SyntaxError) {
      throw new TeamFileError(path);
    }
    throw error;
  }
}

function write(path: string, key: Uint8Array, aad: string, value: unknown, extra = {}): void {
  const sealed = gcmSeal(key, Buffer.from(JSON.stringify(value), 'utf8'), aad);
  writeFileAtomic(
    path,
    JSON.stringify({ formatVersion: FORMAT, ...extra, sealed: sealed.toString('base64') }),
  );
}

/** Whether the vault in `dir` belongs to a team (readable while locked: it says nothing else). */
export const hasTeamFiles = (dir: string): boolean => existsSync(join(dir, MEMBERSHIP_FILE));

export class TeamFiles {
  constructor(private readonly dir: string) {}

  get membershipPath(): string {
    return join(this.dir, MEMBERSHIP_FILE);
  }

  get copyPath(): string {
    return join(this.dir, COPY_FILE);
  }

  /** hasTeamFiles for this folder. */
  hasMembership(): boolean {
    return hasTeamFiles(this.dir);
  }

  membership(key: Uint8Array): TeamMembership | undefined {
    return open<TeamMembership>(key, this.membershipPath, 'team-membership|1');
  }

  saveMembership(key: Uint8Array, membership: TeamMembership): void {
    write(this.membershipPath, key, 'team-membership|1', membership);
  }

  copy(key: Uint8Array): TeamCopy | undefined {
    return open<TeamCopy>(key, this.copyPath, 'team-copy|1');
  }

  saveCopy(key: Uint8Array, copy: TeamCopy, index: LockedDeadline[]): void {
    write(this.copyPath, key, 'team-copy|1', copy, { index });
  }

  /** The shared deadlines, without the key (reminders while locked). */
  lockedIndex(): LockedDeadline[] {
    try {
      return readSealed(this.copyPath)?.index ?? [];
    } catch {
      return [];
    }
  }

  /** Leaving the team: both files go. */
  forget(): void {
    rmSync(this.membershipPath, { force: true });
    rmSync(this.copyPath, { force: true });
  }
}
