// Key derivation takes a noticeable moment on purpose (600,000 PBKDF2 rounds); say so.
import { t } from '../../i18n/i18n';
import { Progress } from '../../ui/progress';

export function DerivingKey() {
  return (
    <Progress>
      <span className="progress__label">{t('unlock.deriving')}</span>
    </Progress>
  );
}
