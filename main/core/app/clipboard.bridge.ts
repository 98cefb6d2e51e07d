// Bridges Electron 45's asynchronous clipboard (readText/writeText/write return promises,
// W3C style) to the synchronous ClipboardPort the clipboard guard was written against.
//
// - writeText: starts the write at once; with `concealed` it adds the platform's "do not
//   record" hints (see core/export/clipboard-guard.ts for the list and why).
// - readText: answers from a mirror of what we wrote, because a sync read is impossible. The
//   mirror is the same text that sits on the system clipboard anyway, and is dropped on clear.
// - clear: the guard's "still ours?" answer came from the mirror, so clear() re-checks the REAL
//   clipboard asynchronously and clears only if it still holds our text: something the user
//   copied in the meantime is never wiped.
import type { ClipboardPort } from '../ports';

/** The part of Electron's clipboard module used here (async in Electron 45). */
export interface AsyncClipboard {
  readText(): Promise<string>;
  writeText(text: string): Promise<void>;
  /** Writes several MIME types at once (Electron: an array of one ClipboardItem). */
  writeItem(items: Record<string, string>): Promise<void>;
  clear(): void;
}

/** Electron's way of addressing a raw platform clipboard format. */
const raw = (format: string) => `electron application/osclipboard;format="${format}"`;

/** Extra clipboard entries that keep a secret out of clipboard history, per platform. */
export function concealedFormats(platform: NodeJS.Platform): Record<string, string> {
  switch (platform) {
    case 'darwin':
      return {
        [raw('org.nspasteboard.ConcealedType')]: '',
        [raw('org.nspasteboard.TransientType')]: '',
      };
    case 'win32':
      return {
        [raw('ExcludeClipboardContentFromMonitorProcessing')]: '',
        // DWORD 0, little-endian.
        [raw('CanIncludeInClipboardHistory')]: '\u0000\u0000\u0000\u0000',
        [raw('CanUploadToCloudClipboard')]: '\u0000\u0000\u0000\u0000',
      };
    case 'linux':
      return { 'x-kde-passwordManagerHint': 'secret' };
    default:
      return {};
  }
}

export interface ClipboardBridge extends ClipboardPort {
  /** Resolves when every started clipboard operation has finished (await before quitting). */
  settle(): Promise<void>;
}

export function createClipboardBridge(
  clipboard: AsyncClipboard,
  platform: NodeJS.Platform,
): ClipboardBridge {
  let mirror: string | undefined;
  let pending: Promise<void> = Promise.resolve();
  const chain = (op: () => Promise<void>) => {
    // Operations run in order (a clear never overtakes the write it should remove) and a
    // failing one does not block the next.
    pending = pending.then(op).catch(() => undefined);
  };

  return {
    readText: () => mirror ?? '',
    writeText(text, options) {
      mirror = text;
      const extra = options?.concealed ? concealedFormats(platform) : {};
      chain(async () => {
        if (Object.keys(extra).length === 0) {
          await clipboard.writeText(text);
          return;
        }
        try {
          await clipboard.writeItem({ 'text/plain': text, ...extra });
        } catch {
          // A platform refusing a hint format must not lose the copy itself.
          await clipboard.writeText(text);
        }
      });
    },
    clear() {
      const ours = mirror;
      mirror = undefined;
      if (ours === undefined) return;
      chain(async () => {
        if ((await clipboard.readText()) === ours) clipboard.clear();
      });
    },
    settle: () => pending,
  };
}
