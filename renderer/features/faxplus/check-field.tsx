// A labelled checkbox (or, with `asSwitch`, an on/off switch) with its hint bound through
// aria-describedby. The UI kit has no checkbox yet; this one stays inside the feature.
import { useId, type ReactNode } from 'react';

export interface CheckFieldProps {
  label: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
  hint?: ReactNode;
  /** Announced as a switch (role="switch") rather than a checkbox. */
  asSwitch?: boolean;
}

export function CheckField({ label, checked, onChange, hint, asSwitch = false }: CheckFieldProps) {
  const id = useId();
  return (
    <div className={`fp-check${asSwitch ? ' fp-check--switch' : ''}`}>
      <input
        id={id}
        type="checkbox"
        role={asSwitch ? 'switch' : undefined}
        className="fp-check__input"
        checked={checked}
        onChange={(e) => onChange(e.target.checked)}
        aria-describedby={hint ? `${id}-hint` : undefined}
      />
      <div className="fp-check__text">
        <label className="fp-check__label" htmlFor={id}>
          {label}
        </label>
        {hint ? (
          <div className="field__hint" id={`${id}-hint`}>
            {hint}
          </div>
        ) : null}
      </div>
    </div>
  );
}
