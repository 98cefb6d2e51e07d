import { describe, expect, it } from 'vitest';
import { ClipboardGuard } from '../../../../main/core/export/clipboard-guard';
import { FakeClipboard } from '../../../fakes/fake-clipboard';
import { FakeClock } from '../../../fakes/fake-clock';

function setup(clearSeconds = 30) {
  const clock = new FakeClock();
  const clipboard = new FakeClipboard();
  const settings = { clearSeconds };
  const guard = new ClipboardGuard({
    clipboard,
    clock,
    scheduler: clock,
    clearSeconds: () => settings.clearSeconds,
  });
  return { clock, clipboard, guard, settings };
}

describe('ClipboardGuard', () => {
  it('writes concealed and reports when it will clear', () => {
    const { clock, clipboard, guard } = setup(30);
    const { clearsAt } = guard.write('Authorization: Bearer s3cret');
    expect(clipboard.writes).toEqual([{ text: 'Authorization: Bearer s3cret', concealed: true }]);
    expect(clearsAt).toBe(clock.now() + 30_000);
  });

  it('copy -> wait N s -> cleared (security.md 35)', () => {
    const { clock, clipboard, guard } = setup(30);
    guard.write('secret headers');
    clock.advance(29_999);
    expect(clipboard.text).toBe('secret headers');
    clock.advance(1);
    expect(clipboard.text).toBe('');
    expect(clock.pending()).toBe(0);
  });

  it('copy -> user copies something else -> wait -> not cleared (security.md 35)', () => {
    const { clock, clipboard, guard } = setup(30);
    guard.write('secret headers');
    clipboard.userCopies('my shopping list');
    clock.advance(60_000);
    expect(clipboard.text).toBe('my shopping list');
    expect(clipboard.clears).toBe(0);
  });

  it.each([
    ['lock', (g: ClipboardGuard) => g.onLock()],
    ['quit', (g: ClipboardGuard) => g.onQuit()],
  ])('copy -> %s -> cleared if unchanged (security.md 36)', (_name, act) => {
    const { clock, clipboard, guard } = setup(30);
    guard.write('secret headers');
    act(guard);
    expect(clipboard.text).toBe('');
    expect(clock.pending()).toBe(0);
  });

  it.each([
    ['lock', (g: ClipboardGuard) => g.onLock()],
    ['quit', (g: ClipboardGuard) => g.onQuit()],
  ])('copy -> user copies -> %s -> left alone', (_name, act) => {
    const { clipboard, guard } = setup(30);
    guard.write('secret headers');
    clipboard.userCopies('mine');
    act(guard);
    expect(clipboard.text).toBe('mine');
  });

  it('0 seconds = never cleared by time, still cleared on lock', () => {
    const { clock, clipboard, guard } = setup(0);
    expect(guard.write('secret headers').clearsAt).toBeNull();
    expect(clock.pending()).toBe(0);
    clock.advance(24 * 3600_000);
    expect(clipboard.text).toBe('secret headers');
    guard.onLock();
    expect(clipboard.text).toBe('');
  });

  it('a second copy replaces the first timer: one pending timer, new deadline', () => {
    const { clock, clipboard, guard } = setup(30);
    guard.write('first');
    clock.advance(20_000);
    guard.write('second');
    expect(clock.pending()).toBe(1);
    clock.advance(10_000);
    expect(clipboard.text).toBe('second');
    clock.advance(20_000);
    expect(clipboard.text).toBe('');
  });

  it('after the user copied over us, a later copy of the same value by the user is not ours', () => {
    const { clock, clipboard, guard } = setup(30);
    guard.write('secret headers');
    clipboard.userCopies('other');
    guard.onLock();
    clipboard.userCopies('secret headers');
    clock.advance(60_000);
    guard.onQuit();
    expect(clipboard.text).toBe('secret headers');
  });

  it('a clipboard that cannot be read is never cleared', () => {
    const { clock, clipboard, guard } = setup(30);
    guard.write('secret headers');
    clipboard.readText = () => {
      throw new Error('no display');
    };
    clock.advance(30_000);
    expect(clipboard.clears).toBe(0);
  });
});
