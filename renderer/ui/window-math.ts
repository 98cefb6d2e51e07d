// Windowing arithmetic for the virtual list: which rows of a fixed-height list are worth
// rendering for a scroll position, and where to scroll so a row becomes visible. Pure, so the
// edge cases (empty list, scrolled past the end, partial rows) are tested without a browser.

export interface WindowInput {
  count: number;
  rowHeight: number;
  scrollTop: number;
  viewportHeight: number;
  /** Extra rows rendered above and below, so fast scrolling does not show blank space. */
  overscan: number;
}

export interface WindowRange {
  /** First rendered row (inclusive). */
  start: number;
  /** Last rendered row + 1 (exclusive); start === end means nothing to render. */
  end: number;
  /** Pixel offset of row `start` from the top of the content. */
  offset: number;
  /** Height of the whole content, for the scrollbar. */
  total: number;
}

export function computeWindow(input: WindowInput): WindowRange {
  const { count, rowHeight, overscan } = input;
  const total = Math.max(0, count) * rowHeight;
  if (count <= 0 || rowHeight <= 0) return { start: 0, end: 0, offset: 0, total: 0 };
  // A scroll position beyond the content (the list just shrank) is treated as the bottom.
  const maxTop = Math.max(0, total - input.viewportHeight);
  const top = Math.min(Math.max(0, input.scrollTop), maxTop);
  const first = Math.floor(top / rowHeight);
  const visible = Math.ceil((top + Math.max(0, input.viewportHeight)) / rowHeight) - first;
  const start = Math.max(0, first - overscan);
  const end = Math.min(count, first + Math.max(1, visible) + overscan);
  return { start, end, offset: start * rowHeight, total };
}

/**
 * The scrollTop that brings row `index` fully into view with the least movement, or
 * undefined when it is already fully visible.
 */
export function revealRow(
  index: number,
  rowHeight: number,
  scrollTop: number,
  viewportHeight: number,
): number | undefined {
  const rowTop = index * rowHeight;
  const rowBottom = rowTop + rowHeight;
  if (rowTop < scrollTop) return rowTop;
  if (rowBottom > scrollTop + viewportHeight) return Math.max(0, rowBottom - viewportHeight);
  return undefined;
}

/** How many whole rows fit in the viewport (PageUp/PageDown step); at least one. */
export function rowsPerPage(rowHeight: number, viewportHeight: number): number {
  return Math.max(1, Math.floor(viewportHeight / rowHeight));
}

/** Selection after a navigation key, clamped to the list; undefined for other keys. */
export function moveSelection(
  key: string,
  current: number,
  count: number,
  page: number,
): number | undefined {
  if (count === 0) return undefined;
  const from = current < 0 ? -1 : current;
  let next: number;
  switch (key) {
    case 'ArrowDown':
      next = from + 1;
      break;
    case 'ArrowUp':
      next = from < 0 ? 0 : from - 1;
      break;
    case 'PageDown':
      next = from + page;
      break;
    case 'PageUp':
      next = from - page;
      break;
    case 'Home':
      next = 0;
      break;
    case 'End':
      next = count - 1;
      break;
    default:
      return undefined;
  }
  return Math.min(count - 1, Math.max(0, next));
}
