import { describe, expect, it } from 'vitest';
import {
  computeWindow,
  moveSelection,
  revealRow,
  rowsPerPage,
  type WindowInput,
} from '../../../../renderer/ui/window-math';

const base: WindowInput = {
  count: 10_000,
  rowHeight: 64,
  scrollTop: 0,
  viewportHeight: 640,
  overscan: 4,
};

describe('computeWindow', () => {
  it.each<
    [string, Partial<WindowInput>, { start: number; end: number; offset: number; total: number }]
  >([
    [
      'top of a long list: 10 visible + 4 below',
      {},
      { start: 0, end: 14, offset: 0, total: 640_000 },
    ],
    [
      'middle, aligned: overscan on both sides',
      { scrollTop: 64 * 100 },
      { start: 96, end: 114, offset: 96 * 64, total: 640_000 },
    ],
    [
      'middle, half a row scrolled: one more row shows',
      { scrollTop: 64 * 100 + 32 },
      { start: 96, end: 115, offset: 96 * 64, total: 640_000 },
    ],
    [
      'bottom: nothing past the last row',
      { scrollTop: 640_000 - 640 },
      { start: 9986, end: 10_000, offset: 9986 * 64, total: 640_000 },
    ],
    [
      'scrolled past the end after the list shrank: treated as the bottom',
      { count: 20, scrollTop: 50_000 },
      { start: 6, end: 20, offset: 6 * 64, total: 1280 },
    ],
    ['list shorter than the viewport', { count: 3 }, { start: 0, end: 3, offset: 0, total: 192 }],
    ['empty list', { count: 0 }, { start: 0, end: 0, offset: 0, total: 0 }],
    [
      'viewport not measured yet: still renders the first rows',
      { viewportHeight: 0 },
      { start: 0, end: 5, offset: 0, total: 640_000 },
    ],
    [
      'negative scrollTop (elastic scroll)',
      { scrollTop: -40 },
      { start: 0, end: 14, offset: 0, total: 640_000 },
    ],
  ])('%s', (_name, input, expected) => {
    expect(computeWindow({ ...base, ...input })).toEqual(expected);
  });

  it('renders a window, never the whole list', () => {
    const range = computeWindow({ ...base, scrollTop: 123_456 });
    expect(range.end - range.start).toBeLessThanOrEqual(10 + 1 + 2 * base.overscan);
  });
});

describe('revealRow', () => {
  it.each<[string, number, number, number | undefined]>([
    ['already fully visible', 3, 0, undefined],
    ['above the viewport: align its top', 2, 64 * 5, 128],
    ['below the viewport: align its bottom', 20, 0, 21 * 64 - 640],
    ['partly hidden at the bottom', 10, 10, 11 * 64 - 640],
    ['last row fully visible at the bottom edge', 9, 0, undefined],
  ])('%s', (_name, index, scrollTop, expected) => {
    expect(revealRow(index, 64, scrollTop, 640)).toBe(expected);
  });
});

describe('moveSelection', () => {
  it.each<[string, string, number, number, number | undefined]>([
    ['down from nothing selects the first', 'ArrowDown', -1, 100, 0],
    ['up from nothing selects the first', 'ArrowUp', -1, 100, 0],
    ['down', 'ArrowDown', 5, 100, 6],
    ['down at the end stays', 'ArrowDown', 99, 100, 99],
    ['up at the top stays', 'ArrowUp', 0, 100, 0],
    ['page down', 'PageDown', 5, 100, 15],
    ['page down clamps', 'PageDown', 95, 100, 99],
    ['page up clamps', 'PageUp', 3, 100, 0],
    ['home', 'Home', 50, 100, 0],
    ['end', 'End', 0, 100, 99],
    ['other keys are not navigation', 'a', 5, 100, undefined],
    ['empty list', 'ArrowDown', -1, 0, undefined],
  ])('%s', (_name, key, current, count, expected) => {
    expect(moveSelection(key, current, count, 10)).toBe(expected);
  });

  it('a page is the rows that fit, at least one', () => {
    expect(rowsPerPage(64, 640)).toBe(10);
    expect(rowsPerPage(64, 20)).toBe(1);
  });
});
