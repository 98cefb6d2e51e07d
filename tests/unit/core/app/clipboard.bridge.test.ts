// The Electron 45 clipboard is async; the bridge must still never wipe what the user copied.
import { describe, expect, it } from 'vitest';
import {
  concealedFormats,
  createClipboardBridge,
  type AsyncClipboard,
} from '../../../../main/core/app/clipboard.bridge';

class FakeSystemClipboard implements AsyncClipboard {
  text = '';
  items: Array<Record<string, string>> = [];
  refuseItems = false;
  async readText() {
    return this.text;
  }
  async writeText(text: string) {
    this.text = text;
  }
  async writeItem(items: Record<string, string>) {
    if (this.refuseItems) throw new Error('format not supported');
    this.items.push(items);
    this.text = items['text/plain'] ?? '';
  }
  clear() {
    this.text = '';
  }
}

describe('clipboard bridge', () => {
  it('writes the text and reports it as ours', async () => {
    const system = new FakeSystemClipboard();
    const bridge = createClipboardBridge(system, 'linux');
    bridge.writeText('Authorization: Bearer abc');
    expect(bridge.readText()).toBe('Authorization: Bearer abc');
    await bridge.settle();
    expect(system.text).toBe('Authorization: Bearer abc');
  });

  it('clears the clipboard when it still holds our text', async () => {
    const system = new FakeSystemClipboard();
    const bridge = createClipboardBridge(system, 'linux');
    bridge.writeText('secret header');
    bridge.clear();
    await bridge.settle();
    expect(system.text).toBe('');
    expect(bridge.readText()).toBe('');
  });

  it('never wipes something the user copied after us', async () => {
    const system = new FakeSystemClipboard();
    const bridge = createClipboardBridge(system, 'linux');
    bridge.writeText('secret header');
    await bridge.settle();
    system.text = 'the user copied this';
    bridge.clear();
    await bridge.settle();
    expect(system.text).toBe('the user copied this');
  });

  it.each([
    ['darwin', 'org.nspasteboard.ConcealedType'],
    ['win32', 'ExcludeClipboardContentFromMonitorProcessing'],
    ['linux', 'x-kde-passwordManagerHint'],
  ] as const)('a concealed write on %s carries the %s hint', async (platform, hint) => {
    const system = new FakeSystemClipboard();
    const bridge = createClipboardBridge(system, platform);
    bridge.writeText('secret', { concealed: true });
    await bridge.settle();
    expect(Object.keys(system.items[0] ?? {}).some((k) => k.includes(hint))).toBe(true);
    expect(system.text).toBe('secret');
    expect(Object.keys(concealedFormats(platform)).length).toBeGreaterThan(0);
  });

  it('still copies when the platform refuses the hint formats', async () => {
    const system = new FakeSystemClipboard();
    system.refuseItems = true;
    const bridge = createClipboardBridge(system, 'darwin');
    bridge.writeText('secret', { concealed: true });
    await bridge.settle();
    expect(system.text).toBe('secret');
  });
});
