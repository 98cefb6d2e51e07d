// What a new user sees: no tokens yet, and the three ways to get the first one.
import { t } from '../../i18n/i18n';
import { Button } from '../../ui/button';
import type { AddAction } from '../provider-ui';

export function EmptyState({
  actions,
  onAction,
}: {
  actions: readonly AddAction[];
  onAction: (action: AddAction) => void;
}) {
  return (
    <section className="empty" aria-labelledby="empty-title">
      <h2 id="empty-title" className="empty__title">
        {t('tokens.empty.title')}
      </h2>
      <p className="empty__body">{t('tokens.empty.body')}</p>
      <div className="empty__actions">
        {actions.map((action, index) => (
          <Button
            key={action.id}
            variant={index === 0 ? 'primary' : 'secondary'}
            onClick={() => onAction(action)}
          >
            {t(action.labelKey)}
          </Button>
        ))}
      </div>
      <p className="empty__hint">{t('tokens.empty.hint')}</p>
    </section>
  );
}
