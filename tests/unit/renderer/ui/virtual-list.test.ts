// Rendered to static HTML in Node (no layout, so the viewport counts as unmeasured): the
// listbox holds a window of options, not the whole list, and names the selected one.
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { VirtualList } from '../../../../renderer/ui/virtual-list';

function render(count: number, selected: number): string {
  return renderToStaticMarkup(
    createElement(VirtualList, {
      count,
      rowHeight: 64,
      overscan: 4,
      selected,
      onSelect: () => {},
      optionId: (index: number) => `o${index}`,
      renderRow: (index: number) =>
        createElement('div', {
          key: index,
          role: 'option',
          id: `o${index}`,
          'aria-selected': index === selected,
          'aria-posinset': index + 1,
          'aria-setsize': count,
        }),
      'aria-label': 'Tokens',
    }),
  );
}

const options = (html: string) => html.match(/role="option"/g)?.length ?? 0;

describe('VirtualList', () => {
  it.each([
    [10_000, 5],
    [3, 3],
    [0, 0],
  ])('%d rows -> %d options in the DOM before measuring', (count, expected) => {
    expect(options(render(count, -1))).toBe(expected);
  });

  it('sizes the content for every row, so the scrollbar is right', () => {
    expect(render(10_000, -1)).toContain('height:640000px');
  });

  it('is a focusable listbox naming the selected option', () => {
    const html = render(10, 2);
    expect(html).toContain('role="listbox"');
    expect(html).toContain('tabindex="0"');
    expect(html).toContain('aria-activedescendant="o2"');
    expect(render(10, -1)).not.toContain('aria-activedescendant');
  });
});
