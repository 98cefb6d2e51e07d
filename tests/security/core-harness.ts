// The real core (createCore) on a temp data folder with fakes, for the security fuzzers and
// the secret-leak test: every event, HTTP request, clipboard write and log line is recorded.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Channel, EventName } from '../../preload/api';
import type { FileDialog } from '../../main/core/backup/file-dialog.port';
import { createCore, type Core } from '../../main/core/container';
import { dispatch } from '../../main/core/ipc/dispatch';
import type { HttpRequest, HttpResponse, HttpTransport } from '../../main/core/ports';
import type { SafeStoragePort } from '../../main/core/vault/keychain-unlock';
import { FakeClipboard } from '../fakes/fake-clipboard';
import { FakeClock } from '../fakes/fake-clock';
import { MemoryNotifier } from '../fakes/memory-notifier';
import { RecordingBrowser } from '../fakes/recording-browser';

export const MASTER = 'security harness master password';

/** Answers every request with `next` (or a network failure when it is undefined). */
export class ScriptedTransport implements HttpTransport {
  next: HttpResponse | undefined;
  readonly requests: HttpRequest[] = [];
  send(request: HttpRequest): Promise<HttpResponse> {
    this.requests.push(request);
    return this.next ? Promise.resolve(this.next) : Promise.reject(new Error('offline'));
  }
}

export interface SecurityCore {
  core: Core;
  dir: string;
  vaultPath: string;
  clock: FakeClock;
  clipboard: FakeClipboard;
  notifier: MemoryNotifier;
  browser: RecordingBrowser;
  http: HttpTransport;
  events: Array<{ event: EventName; payload: unknown }>;
  logs: string[];
  /** A request from the app's own window through the real dispatch. */
  call(channel: Channel, payload?: unknown): Promise<unknown>;
  vaultBytes(): Buffer;
  stop(): void;
}

export function startSecurityCore(
  options: {
    http?: HttpTransport;
    env?: Record<string, string>;
    fileDialog?: FileDialog;
    safeStorage?: SafeStoragePort;
    platform?: string;
  } = {},
): SecurityCore {
  const dir = mkdtempSync(join(tmpdir(), 'tv-security-'));
  const clock = new FakeClock();
  const clipboard = new FakeClipboard();
  const notifier = new MemoryNotifier();
  const browser = new RecordingBrowser();
  const http = options.http ?? new ScriptedTransport();
  const events: SecurityCore['events'] = [];
  const logs: string[] = [];
  const core = createCore({
    dataDir: dir,
    clock,
    scheduler: clock,
    random: { bytes: (n) => new Uint8Array(randomBytes(n)) },
    emit: (event, payload) => events.push({ event, payload }),
    clipboard,
    notifier,
    browser,
    http,
    env: options.env ?? {},
    kdfIterations: 1000,
    diskPollMs: 0,
    systemLocale: () => 'en-US',
    log: (line) => logs.push(line),
    fileDialog: options.fileDialog,
    safeStorage: options.safeStorage,
    platform: options.platform,
  });
  core.start();
  const vaultPath = join(dir, 'vault.json');
  return {
    core,
    dir,
    vaultPath,
    clock,
    clipboard,
    notifier,
    browser,
    http,
    events,
    logs,
    call: (channel, payload) =>
      dispatch(core.handlers, { isTrustedSender: () => true }, channel, {}, payload),
    vaultBytes: () => readFileSync(vaultPath),
    stop: () => {
      core.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
