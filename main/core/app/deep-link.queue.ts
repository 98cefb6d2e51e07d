// Deep links can arrive before anything can handle them: macOS fires 'open-url' before the
// app is ready on a cold start, and a second instance can knock while the core is still
// starting. The queue holds them (bounded) until the handler is attached, then delivers in
// order. Every URL still goes through the OAuth code's own parser, which rejects junk.

const MAX_QUEUED = 16;

export class DeepLinkQueue {
  private readonly waiting: string[] = [];
  private handler: ((url: string) => void) | undefined;

  /** Delivers now when a handler is attached, otherwise keeps the URL for later. */
  readonly push = (url: string): void => {
    if (this.handler) {
      this.deliver(this.handler, url);
      return;
    }
    // A flood of links before start-up is not a user finishing one OAuth flow: keep the last.
    if (this.waiting.length >= MAX_QUEUED) this.waiting.shift();
    this.waiting.push(url);
  };

  attach(handler: (url: string) => void): void {
    this.handler = handler;
    for (const url of this.waiting.splice(0)) this.deliver(handler, url);
  }

  detach(): void {
    this.handler = undefined;
  }

  private deliver(handler: (url: string) => void, url: string): void {
    try {
      handler(url);
    } catch {
      // A hostile link must not take the app down; the handler reports its own failures.
    }
  }
}
