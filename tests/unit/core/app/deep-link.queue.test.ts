// Deep links that arrive before start-up finishes are delivered once, in order.
import { describe, expect, it } from 'vitest';
import { DeepLinkQueue } from '../../../../main/core/app/deep-link.queue';

describe('DeepLinkQueue', () => {
  it('holds links until a handler is attached, then delivers them in order', () => {
    const queue = new DeepLinkQueue();
    const got: string[] = [];
    queue.push('dev.tokenvault:/oauth/faxplus?code=1');
    queue.push('dev.tokenvault:/oauth/faxplus?code=2');
    expect(got).toEqual([]);
    queue.attach((url) => got.push(url));
    queue.push('dev.tokenvault:/oauth/faxplus?code=3');
    expect(got).toEqual([
      'dev.tokenvault:/oauth/faxplus?code=1',
      'dev.tokenvault:/oauth/faxplus?code=2',
      'dev.tokenvault:/oauth/faxplus?code=3',
    ]);
  });

  it('keeps at most 16 links from a flood before start-up (the latest ones)', () => {
    const queue = new DeepLinkQueue();
    for (let i = 0; i < 100; i++) queue.push(`dev.tokenvault:/x?i=${i}`);
    const got: string[] = [];
    queue.attach((url) => got.push(url));
    expect(got.length).toBe(16);
    expect(got.at(-1)).toBe('dev.tokenvault:/x?i=99');
  });

  it('a handler that throws does not stop later links', () => {
    const queue = new DeepLinkQueue();
    const got: string[] = [];
    queue.attach((url) => {
      if (url.includes('bad')) throw new Error('boom');
      got.push(url);
    });
    expect(() => queue.push('dev.tokenvault:/bad')).not.toThrow();
    queue.push('dev.tokenvault:/good');
    expect(got).toEqual(['dev.tokenvault:/good']);
  });
});
