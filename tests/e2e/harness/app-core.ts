// The main-process side of an e2e run, inside the test process: main's real core (createCore)
// on a temp user-data folder with plain Node adapters and fakes, its real IPC handlers
// registered through a fake ipcMain that trusts only the page the harness serves, and its
// events relayed to the page. Time is a FakeClock started at the real time: the page's
// relative dates agree with main's, and timers (idle lock, clipboard clear) fire only when a
// test advances the clock.
import { randomBytes } from 'node:crypto';
import type { EventName } from '../../../preload/api';
import { APP_ORIGIN, isTrustedSenderFrame } from '../../../main/core/app/app-origin.policy';
import { createCore, type Core } from '../../../main/core/container';
import { registerHandlers } from '../../../main/core/ipc/dispatch';
import type { HttpTransport } from '../../../main/core/ports';
import { FakeClipboard } from '../../fakes/fake-clipboard';
import { FakeClock } from '../../fakes/fake-clock';
import { LoopbackOnlyTransport } from '../../fakes/loopback-only-transport';
import { MemoryNotifier } from '../../fakes/memory-notifier';
import { RecordingBrowser } from '../../fakes/recording-browser';
import type { FakeIpcEvent, FakeIpcMain } from './fake-ipc-main';

/** Fast key derivation for tests only; the app uses 600,000 rounds. */
export const E2E_KDF_ITERATIONS = 1_000;

export interface AppCoreOptions {
  dataDir: string;
  ipc: FakeIpcMain;
  /** Origins besides app://tokenvault whose top frame may call (the harness's server). */
  trustedOrigins: string[];
  /** TOKENVAULT_*_URL overrides, e.g. the sandbox providers on 127.0.0.1. */
  env?: Record<string, string | undefined>;
  http?: HttpTransport;
}

type EventListener = (event: EventName, payload: unknown) => void;

export interface AppCore {
  core: Core;
  /** Shortcuts to the services tests seed and inspect most. */
  vault: Core['vault'];
  settings: Core['settings'];
  clock: FakeClock;
  clipboard: FakeClipboard;
  notifier: MemoryNotifier;
  browser: RecordingBrowser;
  /** Every event main sent to the renderer, in order. */
  sent: { event: EventName; payload: unknown }[];
  onEvent(listener: EventListener): () => void;
  stop(): Promise<void>;
}

export async function startAppCore(options: AppCoreOptions): Promise<AppCore> {
  const clock = new FakeClock(Date.now());
  const clipboard = new FakeClipboard();
  const notifier = new MemoryNotifier();
  const browser = new RecordingBrowser();
  const listeners = new Set<EventListener>();
  const sent: AppCore['sent'] = [];

  const core = createCore({
    dataDir: options.dataDir,
    clock,
    scheduler: clock,
    random: { bytes: (length) => new Uint8Array(randomBytes(length)) },
    emit: (event, payload) => {
      sent.push({ event, payload });
      for (const listener of listeners) listener(event, payload);
    },
    clipboard,
    notifier,
    browser,
    http: options.http ?? new LoopbackOnlyTransport(),
    env: options.env ?? {},
    kdfIterations: E2E_KDF_ITERATIONS,
    // The CLI-change poll would be a timer on the fake clock; tests call vault.reload().
    diskPollMs: 0,
    systemLocale: () => 'en-US',
  });
  core.start();

  const origins = [APP_ORIGIN, ...options.trustedOrigins];
  const unregister = registerHandlers(options.ipc, core.handlers, {
    isTrustedSender: (event: FakeIpcEvent) => isTrustedSenderFrame(event.senderFrame, origins),
    onAccepted: (channel) => core.onRequest(channel),
  });

  return {
    core,
    vault: core.vault,
    settings: core.settings,
    clock,
    clipboard,
    notifier,
    browser,
    sent,
    onEvent(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async stop() {
      unregister();
      core.stop();
    },
  };
}
