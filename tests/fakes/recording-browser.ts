import type { Browser } from '../../main/core/ports';

/** Stands in for the system browser: remembers the URLs the app asked to open. */
export class RecordingBrowser implements Browser {
  readonly opened: string[] = [];

  async openExternal(url: string): Promise<void> {
    this.opened.push(url);
  }

  last(): string | undefined {
    return this.opened[this.opened.length - 1];
  }
}
