// Everything the core needs from the outside world comes in through these ports, so the
// core runs under plain Node (tests, CLI) and in Electron's main process alike.

/** Wall-clock time in epoch milliseconds. */
export interface Clock {
  now(): number;
}

export interface TimerHandle {
  cancel(): void;
}

/** One-shot timers. Tests drive them with FakeClock/FakeScheduler; nothing sleeps on real time. */
export interface Scheduler {
  setTimeout(callback: () => void, delayMs: number): TimerHandle;
}

/** Source of randomness, injectable so tests can make collisions and fuzz deterministically. */
export interface Random {
  bytes(length: number): Uint8Array;
}

export interface ClipboardPort {
  readText(): string;
  /** `concealed` asks the platform to keep the value out of clipboard history where it can. */
  writeText(text: string, options?: { concealed?: boolean }): void;
  clear(): void;
}

export interface Notification {
  id: string;
  title: string;
  body: string;
}

export interface Notifier {
  show(notification: Notification, onClick?: () => void): void;
}

/** Opens a URL in the system browser. The adapter enforces the allow-list (security.md 5). */
export interface Browser {
  /**
   * Opens an allow-listed https page in the system browser. `allowOrigins`: origins main
   * itself chose for this one call (the authorize endpoint of the OAuth 2.0 server the user
   * configured); https, or http on loopback, only.
   */
  openExternal(url: string, allowOrigins?: readonly string[]): Promise<void>;
}

export interface HttpRequest {
  method: 'GET' | 'POST' | 'DELETE' | 'PUT';
  url: string;
  headers: Record<string, string>;
  body?: string;
  timeoutMs: number;
}

export interface HttpResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** Raw transport. Retries, redaction and error mapping live in core/providers/http.ts. */
export interface HttpTransport {
  send(request: HttpRequest): Promise<HttpResponse>;
}

/**
 * Durable storage for one JSON document (the vault file, the settings file).
 * `read` returns undefined when nothing was ever written. Implementations must make writes
 * atomic and verified: after `write` resolves, `read` returns exactly what was written.
 */
export interface DocumentStore<T> {
  read(): T | undefined;
  write(value: T): void;
  /** Absolute path of the file, for messages and for watching. */
  readonly path: string;
}
