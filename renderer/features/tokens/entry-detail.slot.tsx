// The provider's own panel inside the entry detail, for kinds that registered one in
// ../registry.ts (entryDetails). Kinds without one get nothing.
import { useId } from 'react';
import type { EntryView } from '../../../preload/api';
import { t } from '../../i18n/i18n';
import { entryDetails } from '../registry';
import { providerNameKey } from './entry-format';
import './entry-detail.css';

export function ProviderDetailSlot({ entry, now }: { entry: EntryView; now: number }) {
  const titleId = useId();
  const Detail = entryDetails[entry.kind];
  if (!Detail) return null;
  return (
    <section className="detail__section detail__provider" aria-labelledby={titleId}>
      <h4 className="detail__heading" id={titleId}>
        {t('detail.providerPanel', { provider: t(providerNameKey[entry.provider]) })}
      </h4>
      <Detail entry={entry} now={now} />
    </section>
  );
}
