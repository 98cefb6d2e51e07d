// The windowed list of entries. Arrow keys, Page Up/Down, Home and End move the selection;
// Enter, or Ctrl/Cmd+C when no text is selected, copies the selected entry's headers in the
// default format.
import { useCallback, useId, type KeyboardEvent, type Ref } from 'react';
import type { EntryView } from '../../../preload/api';
import { formatNumber, t } from '../../i18n/i18n';
import { VirtualList } from '../../ui/virtual-list';
import type { IndexedEntry } from './list-model';
import { ROW_HEIGHT, TokenRow } from './token-row';

const isMac = typeof navigator !== 'undefined' && /Mac/.test(navigator.platform);

export interface TokenListProps {
  items: readonly IndexedEntry[];
  now: number;
  selectedId: string | undefined;
  onSelect: (entry: EntryView) => void;
  onCopy: (entry: EntryView) => void;
  /** The query the items were filtered with, exposed for the bench as data-query. */
  query: string;
  ref?: Ref<HTMLDivElement>;
}

export function TokenList({
  items,
  now,
  selectedId,
  onSelect,
  onCopy,
  query,
  ref,
}: TokenListProps) {
  const base = useId();
  const hintId = `${base}-hint`;
  const selected =
    selectedId === undefined ? -1 : items.findIndex((i) => i.entry.id === selectedId);
  const optionId = useCallback((index: number) => `${base}-o${index}`, [base]);
  const count = items.length;

  const renderRow = (index: number) => {
    const item = items[index];
    if (!item) return null;
    return (
      <TokenRow
        key={item.entry.id}
        id={optionId(index)}
        entry={item.entry}
        now={now}
        selected={index === selected}
        position={index + 1}
        size={count}
        onPick={onSelect}
      />
    );
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const current = items[selected]?.entry;
    const mod = isMac ? event.metaKey : event.ctrlKey;
    if (event.key === 'Enter' && !mod && !event.altKey) {
      event.preventDefault();
      if (current) onCopy(current);
    } else if (mod && !event.altKey && !event.shiftKey && event.key.toLowerCase() === 'c') {
      // Only when the user is not copying a text selection of their own.
      if (window.getSelection()?.toString()) return;
      event.preventDefault();
      if (current) onCopy(current);
    }
  };

  return (
    <>
      <VirtualList
        ref={ref}
        className="list"
        count={count}
        rowHeight={ROW_HEIGHT}
        overscan={4}
        selected={selected}
        onSelect={(index) => {
          const item = items[index];
          if (item) onSelect(item.entry);
        }}
        renderRow={renderRow}
        optionId={optionId}
        aria-label={t('tokens.list.label', { count: formatNumber(count) })}
        aria-describedby={hintId}
        data-query={query}
        data-count={count}
        onKeyDown={onKeyDown}
      />
      <p className="visually-hidden" id={hintId}>
        {t('tokens.list.hint')}
      </p>
    </>
  );
}
