// The allowed-IPs list of the mint form: one row per address (add / remove), or one address
// per line in a textarea for pasting a list. Each bad value is shown beside its own row, both
// from the form's checks and from main's `allowedIps.<index>` errors (the parent maps them).
import { useId, useRef, useState } from 'react';
import { t } from '../../i18n/i18n';
import { Button } from '../../ui/button';
import { ipsFromText } from './smsfactor-form';

export interface AllowedIpsEditorProps {
  rows: string[];
  onChange: (rows: string[]) => void;
  /** By row index. */
  errors: readonly (string | undefined)[];
  /** About the list as a whole (e.g. "not for a sub-account"). */
  error?: string | undefined;
  disabled?: boolean;
  hint: string;
}

export function AllowedIpsEditor({
  rows,
  onChange,
  errors,
  error,
  disabled,
  hint,
}: AllowedIpsEditorProps) {
  const id = useId();
  const [asText, setAsText] = useState(false);
  const [text, setText] = useState('');
  const list = useRef<HTMLDivElement>(null);

  const focusRow = (index: number) =>
    window.requestAnimationFrame(() =>
      list.current?.querySelectorAll<HTMLInputElement>('input')[index]?.focus(),
    );

  const setRow = (index: number, value: string) =>
    onChange(rows.map((row, i) => (i === index ? value : row)));

  const switchMode = () => {
    if (asText) {
      onChange(ipsFromText(text));
    } else {
      setText(rows.filter((row) => row.trim()).join('\n'));
      onChange(rows.filter((row) => row.trim()));
    }
    setAsText(!asText);
  };

  const lineErrors = errors
    .map((message, index) => (message ? { index, message } : undefined))
    .filter((item): item is { index: number; message: string } => item !== undefined);

  return (
    <fieldset
      className={error ? 'sf-ips field--invalid' : 'sf-ips'}
      aria-describedby={`${id}-hint`}
    >
      <legend className="field__label">{t('smsfactor.field.ips')}</legend>
      <div className="field__hint" id={`${id}-hint`}>
        {hint}
      </div>
      {asText ? (
        <>
          <label className="visually-hidden" htmlFor={`${id}-text`}>
            {t('smsfactor.ips.text')}
          </label>
          <textarea
            id={`${id}-text`}
            className="field__input sf-ips__text"
            rows={4}
            value={text}
            spellCheck={false}
            disabled={disabled}
            aria-invalid={lineErrors.length > 0 || undefined}
            aria-describedby={lineErrors.length > 0 ? `${id}-lines` : undefined}
            onChange={(e) => {
              setText(e.target.value);
              onChange(ipsFromText(e.target.value));
            }}
          />
          {lineErrors.length > 0 ? (
            <ul className="sf-ips__line-errors" id={`${id}-lines`} role="alert">
              {lineErrors.map(({ index, message }) => (
                <li key={index} className="field__error">
                  {message}
                </li>
              ))}
            </ul>
          ) : null}
        </>
      ) : (
        <div className="sf-ips__rows" ref={list}>
          {rows.map((row, index) => {
            const rowError = errors[index];
            const errorId = `${id}-row-${index}-error`;
            return (
              <div className={rowError ? 'sf-ips__row field--invalid' : 'sf-ips__row'} key={index}>
                <div className="sf-ips__line">
                  <input
                    className="field__input sf-ips__input"
                    aria-label={t('smsfactor.ips.row', { n: index + 1 })}
                    value={row}
                    placeholder="203.0.113.7, 2001:db8::/32"
                    spellCheck={false}
                    autoComplete="off"
                    disabled={disabled}
                    aria-invalid={rowError ? true : undefined}
                    aria-describedby={rowError ? errorId : undefined}
                    onChange={(e) => setRow(index, e.target.value)}
                  />
                  <Button
                    variant="ghost"
                    className="sf-ips__remove"
                    disabled={disabled}
                    aria-label={
                      row.trim()
                        ? t('smsfactor.ips.remove', { value: row.trim() })
                        : t('smsfactor.ips.removeEmpty', { n: index + 1 })
                    }
                    onClick={() => {
                      onChange(rows.filter((_, i) => i !== index));
                      focusRow(Math.max(0, index - 1));
                    }}
                  >
                    ×
                  </Button>
                </div>
                {rowError ? (
                  <div className="field__error" id={errorId} role="alert">
                    {rowError}
                  </div>
                ) : null}
              </div>
            );
          })}
        </div>
      )}
      {error ? (
        <div className="field__error" role="alert">
          {error}
        </div>
      ) : null}
      <div className="sf-ips__actions">
        {asText ? null : (
          <Button
            disabled={disabled}
            onClick={() => {
              onChange([...rows, '']);
              focusRow(rows.length);
            }}
          >
            {t('smsfactor.ips.add')}
          </Button>
        )}
        <Button variant="ghost" disabled={disabled} onClick={switchMode}>
          {asText ? t('smsfactor.ips.asRows') : t('smsfactor.ips.asText')}
        </Button>
      </div>
    </fieldset>
  );
}
