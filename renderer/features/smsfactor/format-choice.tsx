// JSON / XML as a two-option radio group: used by the add form and, as a switch that saves
// at once, by the entry detail.
import { useId } from 'react';
import type { WireFormat } from '../../../preload/api';
import { t } from '../../i18n/i18n';

export interface FormatChoiceProps {
  value: WireFormat;
  onChange: (format: WireFormat) => void;
  disabled?: boolean;
  /** Hides the hint in the compact detail layout. */
  compact?: boolean;
}

const formats: readonly WireFormat[] = ['json', 'xml'];

export function FormatChoice({ value, onChange, disabled, compact }: FormatChoiceProps) {
  const name = useId();
  return (
    <fieldset className={compact ? 'sf-format sf-format--compact' : 'sf-format'}>
      <legend className="field__label">{t('smsfactor.field.format')}</legend>
      <div className="sf-format__options">
        {formats.map((format) => (
          <label className="sf-format__option" key={format}>
            <input
              type="radio"
              name={name}
              value={format}
              checked={value === format}
              disabled={disabled}
              onChange={() => onChange(format)}
            />
            {t(format === 'json' ? 'smsfactor.format.json' : 'smsfactor.format.xml')}
          </label>
        ))}
      </div>
      {compact ? null : <div className="field__hint">{t('smsfactor.field.format.hint')}</div>}
    </fieldset>
  );
}
