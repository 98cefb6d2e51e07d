// What an empty list says when the vault has tokens but none is shown: the search found
// nothing, or the filters exclude everything; each says what to do next.
import { t } from '../../i18n/i18n';
import type { MessageKey } from '../../i18n/en';
import { Button } from '../../ui/button';
import type { ListFilters } from './list-model';

export function ListEmpty({
  query,
  filters,
  onClearQuery,
  onClearFilters,
}: {
  query: string;
  filters: ListFilters;
  onClearQuery: () => void;
  onClearFilters: () => void;
}) {
  const trimmed = query.trim();
  let title: string;
  let body: MessageKey;
  let action: { label: MessageKey; run: () => void };
  if (trimmed) {
    title = t('tokens.noMatch', { query: trimmed });
    body = 'tokens.noMatch.hint';
    action = { label: 'tokens.search.clear', run: onClearQuery };
  } else if (
    filters.state === 'attention' &&
    filters.provider === 'all' &&
    filters.kind === 'all'
  ) {
    title = t('tokens.empty.attention.title');
    body = 'tokens.empty.attention.body';
    action = { label: 'tokens.filter.clear', run: onClearFilters };
  } else if (filters.state === 'revoked' && filters.provider === 'all' && filters.kind === 'all') {
    title = t('tokens.empty.revoked.title');
    body = 'tokens.empty.revoked.body';
    action = { label: 'tokens.filter.clear', run: onClearFilters };
  } else {
    title = t('tokens.empty.filtered.title');
    body = 'tokens.empty.filtered.body';
    action = { label: 'tokens.filter.clear', run: onClearFilters };
  }
  return (
    <div className="nomatch" role="status">
      <p className="nomatch__title">{title}</p>
      <p className="nomatch__body">{t(body)}</p>
      <Button onClick={action.run}>{t(action.label)}</Button>
    </div>
  );
}
