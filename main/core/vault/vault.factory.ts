// Wires a VaultService to its verified file store. The composition root (app or CLI) calls
// this, then `start()` on the result.
import type { Clock, Random, Scheduler } from '../ports';
import type { FsLike } from './fs-like';
import { createSafeStore } from './safe-store';
import type { BackendFactory } from './store-backend';
import { VaultService } from './vault.service';

export interface VaultFactoryOptions {
  /** Folder holding vault.json (the app's user-data folder, or the CLI's --vault DIR). */
  dir: string;
  /** File name without extension; default 'vault'. */
  name?: string;
  clock: Clock;
  scheduler: Scheduler;
  random: Random;
  kdfIterations?: number;
  idleLockMinutes?: () => number;
  /** electron-store in the shell: (options) => new ElectronStore(options). Default: conf. */
  backend?: BackendFactory;
  fs?: FsLike;
  lockTimeoutMs?: number;
}

export function createVaultService(options: VaultFactoryOptions): VaultService {
  const holder: { service?: VaultService } = {};
  const store = createSafeStore({
    dir: options.dir,
    name: options.name ?? 'vault',
    backend: options.backend,
    fs: options.fs,
    now: () => options.clock.now(),
    lockTimeoutMs: options.lockTimeoutMs,
    validate: (text) => holder.service?.validateFile(text) ?? false,
  });
  holder.service = new VaultService({
    store,
    clock: options.clock,
    scheduler: options.scheduler,
    random: options.random,
    kdfIterations: options.kdfIterations,
    idleLockMinutes: options.idleLockMinutes,
  });
  return holder.service;
}
