// The only key material the vault keeps: the DEK while unlocked, paired with the idle timer so
// holding a key and arming its auto-lock cannot drift apart. Dropped keys are zeroed, not just
// released, so no copy lingers in memory for the garbage collector to keep around.
import { IdleLock, type IdleLockDeps } from './idle-lock';

/** The idle timer's deps: the holder arms it whenever it takes a key. */
export type VaultKeyHolderDeps = IdleLockDeps;

export class VaultKeyHolder {
  /** The data key; null whenever the vault is locked. */
  private dek: Uint8Array | null = null;
  private readonly idle: IdleLock;

  constructor(deps: VaultKeyHolderDeps) {
    this.idle = new IdleLock(deps);
  }

  /** The held DEK, or null when locked. Callers must not keep it past the call. */
  get key(): Uint8Array | null {
    return this.dek;
  }

  /** Takes ownership of `dek` (zeroing any previous one) and arms the idle timer. */
  hold(dek: Uint8Array): void {
    this.dek?.fill(0);
    this.dek = dek;
    this.idle.arm();
  }

  /** Cancels the idle timer and zeroes the key; false when no key was held. */
  drop(): boolean {
    this.idle.cancel();
    if (this.dek === null) return false;
    this.dek.fill(0);
    this.dek = null;
    return true;
  }

  /** Records activity; false when a key is held but the idle limit already passed. */
  touch(): boolean {
    return this.dek === null || this.idle.touch();
  }
}
