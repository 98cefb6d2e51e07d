// Sort and filters above the list: compact labelled selects, all in one row.
import { useId } from 'react';
import type { EntryKind, ProviderId } from '../../../preload/api';
import { t } from '../../i18n/i18n';
import type { MessageKey } from '../../i18n/en';
import { Button } from '../../ui/button';
import { KINDS, PROVIDERS } from '../kinds';
import { kindNameKey, providerNameKey } from './entry-format';
import {
  hasFilters,
  noFilters,
  type ListFilters,
  type SortKey,
  type StateFilter,
} from './list-model';

const sortKeys: [SortKey, MessageKey][] = [
  ['expiry', 'tokens.sort.expiry'],
  ['label', 'tokens.sort.label-az'],
  ['provider', 'tokens.sort.provider'],
  ['created', 'tokens.sort.created'],
];
const providers: readonly ProviderId[] = PROVIDERS;
const kinds: readonly EntryKind[] = KINDS;
const states: [StateFilter, MessageKey][] = [
  ['all', 'tokens.filter.allStates'],
  ['attention', 'tokens.filter.attention'],
  ['revoked', 'tokens.filter.revoked'],
];

function Picker<T extends string>({
  label,
  value,
  options,
  onChange,
}: {
  label: string;
  value: T;
  options: [T, string][];
  onChange: (value: T) => void;
}) {
  const id = useId();
  return (
    <div className="filter">
      <label className="filter__label" htmlFor={id}>
        {label}
      </label>
      <select
        id={id}
        className="filter__select"
        value={value}
        onChange={(event) => onChange(event.target.value as T)}
      >
        {options.map(([option, text]) => (
          <option key={option} value={option}>
            {text}
          </option>
        ))}
      </select>
    </div>
  );
}

export function ListFiltersBar({
  sort,
  filters,
  onSort,
  onFilters,
}: {
  sort: SortKey;
  filters: ListFilters;
  onSort: (sort: SortKey) => void;
  onFilters: (filters: ListFilters) => void;
}) {
  return (
    <div className="filters" role="group" aria-label={t('tokens.filters.label')}>
      <Picker
        label={t('tokens.sort.label')}
        value={sort}
        options={sortKeys.map(([key, text]) => [key, t(text)])}
        onChange={onSort}
      />
      <Picker<ListFilters['provider']>
        label={t('tokens.filter.provider')}
        value={filters.provider}
        options={[
          ['all', t('tokens.filter.allProviders')],
          ...providers.map((p): [ProviderId, string] => [p, t(providerNameKey[p])]),
        ]}
        onChange={(provider) => onFilters({ ...filters, provider })}
      />
      <Picker<ListFilters['kind']>
        label={t('tokens.filter.kind')}
        value={filters.kind}
        options={[
          ['all', t('tokens.filter.allKinds')],
          ...kinds.map((k): [EntryKind, string] => [k, t(kindNameKey[k])]),
        ]}
        onChange={(kind) => onFilters({ ...filters, kind })}
      />
      <Picker<StateFilter>
        label={t('tokens.filter.state')}
        value={filters.state}
        options={states.map(([key, text]) => [key, t(text)])}
        onChange={(state) => onFilters({ ...filters, state })}
      />
      {hasFilters(filters) ? (
        <Button variant="ghost" onClick={() => onFilters(noFilters)}>
          {t('tokens.filter.clear')}
        </Button>
      ) : null}
    </div>
  );
}
