// A windowed listbox: only the rows near the viewport exist in the DOM, so 10,000 entries
// cost what 30 do. Rows have one fixed height (no measuring). Focus stays on the listbox and
// aria-activedescendant names the selected option, which is always rendered because selecting
// scrolls it into view. Row styles go through the CSSOM (React's `style`), which the app's CSP
// allows, unlike style attributes in markup.
import {
  useEffect,
  useLayoutEffect,
  useRef,
  useState,
  type HTMLAttributes,
  type KeyboardEvent,
  type ReactNode,
  type Ref,
} from 'react';
import { computeWindow, moveSelection, revealRow, rowsPerPage } from './window-math';

export interface VirtualListProps extends Omit<
  HTMLAttributes<HTMLDivElement>,
  'children' | 'role' | 'onSelect'
> {
  count: number;
  rowHeight: number;
  overscan?: number;
  /** Selected row index, -1 for none. */
  selected: number;
  onSelect: (index: number) => void;
  /** Renders row `index`; it must be an element with role="option" and id optionId(index). */
  renderRow: (index: number) => ReactNode;
  /** DOM id of row `index`, for aria-activedescendant. */
  optionId: (index: number) => string;
  ref?: Ref<HTMLDivElement>;
}

export function VirtualList({
  count,
  rowHeight,
  overscan = 6,
  selected,
  onSelect,
  renderRow,
  optionId,
  className,
  onKeyDown,
  ref,
  ...rest
}: VirtualListProps) {
  const box = useRef<HTMLDivElement | null>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [height, setHeight] = useState(0);

  useLayoutEffect(() => {
    const element = box.current;
    if (!element) return;
    setHeight(element.clientHeight);
    const observer = new ResizeObserver(() => setHeight(element.clientHeight));
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  // Keep the selected row visible when the selection moves (keyboard, or from outside).
  useLayoutEffect(() => {
    const element = box.current;
    if (!element || selected < 0) return;
    const next = revealRow(selected, rowHeight, element.scrollTop, element.clientHeight);
    if (next !== undefined) {
      element.scrollTop = next;
      setScrollTop(next);
    }
  }, [selected, rowHeight]);

  // A shorter list (search) may leave the scroll position past its end; the browser clamps
  // scrollTop, and the state follows so the window is computed from what is really shown.
  useEffect(() => {
    const element = box.current;
    if (element && element.scrollTop !== scrollTop) setScrollTop(element.scrollTop);
  }, [count, scrollTop]);

  const range = computeWindow({ count, rowHeight, scrollTop, viewportHeight: height, overscan });
  const rows: ReactNode[] = [];
  for (let index = range.start; index < range.end; index++) rows.push(renderRow(index));

  const keyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    onKeyDown?.(event);
    if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey) return;
    const page = rowsPerPage(rowHeight, event.currentTarget.clientHeight);
    const next = moveSelection(event.key, selected, count, page);
    if (next === undefined) return;
    event.preventDefault();
    onSelect(next);
  };

  return (
    <div
      {...rest}
      ref={(element) => {
        box.current = element;
        if (typeof ref === 'function') ref(element);
        else if (ref) ref.current = element;
      }}
      role="listbox"
      tabIndex={0}
      className={['vlist', className ?? ''].join(' ').trim()}
      aria-activedescendant={selected >= 0 && selected < count ? optionId(selected) : undefined}
      onKeyDown={keyDown}
      onScroll={(event) => setScrollTop(event.currentTarget.scrollTop)}
    >
      <div className="vlist__content" style={{ height: range.total }}>
        <div className="vlist__window" style={{ transform: `translateY(${range.offset}px)` }}>
          {rows}
        </div>
      </div>
    </div>
  );
}
