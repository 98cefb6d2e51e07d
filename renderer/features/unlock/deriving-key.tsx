// Key derivation takes a noticeable moment on purpose (600,000 PBKDF2 rounds); say so.
import { t } from '../../i18n/i18n';

export function DerivingKey() {
  return (
    <div className="progress" role="status">
      <span className="progress__bar" aria-hidden="true" />
      <span className="progress__label">{t('unlock.deriving')}</span>
    </div>
  );
}
