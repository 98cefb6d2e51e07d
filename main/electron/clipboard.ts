// The system clipboard behind ClipboardPort (the logic is in core/app/clipboard.bridge.ts).
import { clipboard, ClipboardItem } from 'electron';
import { createClipboardBridge, type ClipboardBridge } from '../core/app/clipboard.bridge';

export function createElectronClipboard(): ClipboardBridge {
  return createClipboardBridge(
    {
      readText: () => clipboard.readText(),
      writeText: (text) => clipboard.writeText(text),
      writeItem: (items) => clipboard.write([new ClipboardItem(items)]),
      clear: () => clipboard.clear(),
    },
    process.platform,
  );
}
