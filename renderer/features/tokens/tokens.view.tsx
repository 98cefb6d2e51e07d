// The token list with its toolbar, sort and filters, the windowed list, the detail pane of
// the selected entry, the empty states and the add dialogs from the registry.
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { EntryView } from '../../../preload/api';
import { errorText } from '../../i18n/api-errors';
import { formatNumber, t } from '../../i18n/i18n';
import { Button } from '../../ui/button';
import { useToast } from '../../ui/toast';
import { useEntries } from '../../vault-client';
import { addActions, type AddAction } from '../registry';
import { AttentionGroup } from '../reminders/attention-group';
import { LeadTimesProvider } from '../reminders/lead-times.context';
import { EmptyState } from './empty-state';
import { EntryDetailView } from './entry-detail.view';
import { providerNameKey } from './entry-format';
import { ListEmpty } from './list-empty';
import { ListFiltersBar } from './list-filters.bar';
import {
  filterEntries,
  indexEntries,
  noFilters,
  sortEntries,
  type ListFilters,
  type SortKey,
} from './list-model';
import { mark, markAfterPaint } from './paint-mark';
import { TokenList } from './token-list';
import { useCopyHeaders } from './use-copy-headers';
import './tokens.css';

export interface TokensViewProps {
  query: string;
  now: number;
  /** Entry to scroll to and focus; `seq` changes on every request, even for the same id. */
  focus?: { id: string; seq: number } | undefined;
  /** Empties the search box (the "no match" state offers it). */
  onClearQuery?: () => void;
}

const providerName = (provider: EntryView['provider']) => t(providerNameKey[provider]);

export function TokensView({ query, now, focus, onClearQuery }: TokensViewProps) {
  const entries = useEntries(true);
  const toast = useToast();
  const copy = useCopyHeaders();
  const [adding, setAdding] = useState<AddAction | undefined>();
  const [sort, setSort] = useState<SortKey>('expiry');
  const [filters, setFilters] = useState<ListFilters>(noFilters);
  const [selectedId, setSelectedId] = useState<string | undefined>();
  const list = useRef<HTMLDivElement>(null);
  const all = entries.value;

  // Indexing and sorting run once per list (or sort) change; a keystroke only scans.
  const index = useMemo(() => {
    if (!all) return undefined;
    mark('tv:list-data');
    return indexEntries(all, providerName);
  }, [all]);
  const sorted = useMemo(() => (index ? sortEntries(index, sort) : undefined), [index, sort]);
  const visible = useMemo(
    () => (sorted ? filterEntries(sorted, query, filters, now) : undefined),
    [sorted, query, filters, now],
  );
  const selected = selectedId ? all?.find((entry) => entry.id === selectedId) : undefined;

  useLayoutEffect(() => {
    if (index) markAfterPaint('tv:list-painted');
  }, [index]);

  // A notification about an entry was clicked: show it, whatever the filters hid (adjusting
  // state while rendering, once per request, rather than in an effect).
  const [focusSeq, setFocusSeq] = useState<number | undefined>();
  if (focus && all && focus.seq !== focusSeq) {
    setFocusSeq(focus.seq);
    setFilters(noFilters);
    setSelectedId(focus.id);
  }
  useEffect(() => {
    if (focusSeq !== undefined) list.current?.focus();
  }, [focusSeq]);

  const done = (entry?: EntryView) => {
    setAdding(undefined);
    entries.refresh();
    if (entry) toast.show(t('tokens.added', { label: entry.label }), 'success');
  };

  // Stable, so memoised rows re-render only when their own entry or selection changes.
  const select = useCallback((entry: EntryView) => setSelectedId(entry.id), []);

  const closeDetail = () => {
    setSelectedId(undefined);
    list.current?.focus();
  };

  return (
    <LeadTimesProvider>
      <section className="tokens" aria-labelledby="tokens-title">
        <div className="tokens__toolbar">
          <div className="tokens__heading">
            <h2 id="tokens-title" className="tokens__title">
              {t('tokens.title')}
            </h2>
            {all ? (
              <span className="tokens__count">
                <span aria-hidden="true">
                  {visible && visible.length !== all.length
                    ? t('tokens.shown', {
                        shown: formatNumber(visible.length),
                        total: formatNumber(all.length),
                      })
                    : formatNumber(all.length)}
                </span>
                <span className="visually-hidden">
                  {t('tokens.count', { count: formatNumber(all.length) })}
                </span>
              </span>
            ) : null}
          </div>
          {all && all.length > 0 ? (
            <div className="tokens__actions">
              {addActions.map((action) => (
                <Button key={action.id} onClick={() => setAdding(action)}>
                  {t(action.labelKey)}
                </Button>
              ))}
            </div>
          ) : null}
        </div>

        {all && all.length > 0 ? (
          <ListFiltersBar sort={sort} filters={filters} onSort={setSort} onFilters={setFilters} />
        ) : null}

        {entries.error ? (
          <p className="tokens__error" role="alert">
            {errorText(entries.error)}
          </p>
        ) : null}

        {!all && !entries.error ? (
          <p className="tokens__loading" role="status">
            {t('tokens.loading')}
          </p>
        ) : null}

        {all && all.length === 0 ? <EmptyState actions={addActions} onAction={setAdding} /> : null}

        {all && all.length > 0 && !query.trim() && filters === noFilters ? (
          <AttentionGroup
            entries={all}
            now={now}
            onOpen={(entry) => setSelectedId(entry.id)}
            onShowAll={() => setFilters({ ...noFilters, state: 'attention' })}
          />
        ) : null}

        {all && all.length > 0 && visible ? (
          <div className={selected ? 'tokens__body tokens__body--split' : 'tokens__body'}>
            <div className="tokens__list">
              {visible.length > 0 ? (
                <TokenList
                  ref={list}
                  items={visible}
                  now={now}
                  query={query}
                  selectedId={selectedId}
                  onSelect={select}
                  onCopy={(entry) => void copy(entry)}
                />
              ) : (
                <ListEmpty
                  query={query}
                  filters={filters}
                  onClearQuery={() => onClearQuery?.()}
                  onClearFilters={() => setFilters(noFilters)}
                />
              )}
            </div>
            {selected ? (
              <EntryDetailView key={selected.id} entry={selected} now={now} onClose={closeDetail} />
            ) : null}
          </div>
        ) : null}

        {adding ? (
          <adding.Dialog
            title={t(adding.labelKey)}
            onClose={() => setAdding(undefined)}
            onDone={done}
          />
        ) : null}
      </section>
    </LeadTimesProvider>
  );
}
