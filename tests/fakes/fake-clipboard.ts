import type { ClipboardPort } from '../../main/core/ports';

/** An in-memory clipboard that remembers how each value was written. */
export class FakeClipboard implements ClipboardPort {
  text = '';
  /** Every write, in order, with its options (tests check `concealed`). */
  readonly writes: { text: string; concealed: boolean }[] = [];
  clears = 0;

  readText(): string {
    return this.text;
  }

  writeText(text: string, options?: { concealed?: boolean }): void {
    this.text = text;
    this.writes.push({ text, concealed: options?.concealed === true });
  }

  clear(): void {
    this.text = '';
    this.clears++;
  }

  /** What another application does: replaces the content without going through the guard. */
  userCopies(text: string): void {
    this.text = text;
  }
}
