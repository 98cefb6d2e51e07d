// The vault's two listener lists, kept apart from the service so it only says when to emit:
// 'change' carries a reason (added, locked:idle, reloaded...), 'status' the new VaultStatus.
import type { VaultStatus } from '../../../preload/api';

export class VaultEvents {
  private readonly changeListeners = new Set<(reason: string) => void>();
  private readonly statusListeners = new Set<(status: VaultStatus) => void>();

  onChange(listener: (reason: string) => void): () => void {
    this.changeListeners.add(listener);
    return () => this.changeListeners.delete(listener);
  }

  onStatus(listener: (status: VaultStatus) => void): () => void {
    this.statusListeners.add(listener);
    return () => this.statusListeners.delete(listener);
  }

  emitChange(reason: string): void {
    for (const listener of this.changeListeners) listener(reason);
  }

  emitStatus(status: VaultStatus): void {
    for (const listener of this.statusListeners) listener(status);
  }
}
