// The card both gate screens (create the vault, unlock it) are built on: a centred form with
// its heading and lead; the screen fills in the fields and buttons.
import type { FormEvent, ReactNode } from 'react';

export interface GateFormProps {
  /** Id of the heading, which also names the form for assistive technology. */
  titleId: string;
  title: string;
  lead: string;
  onSubmit: (event: FormEvent) => void;
  children: ReactNode;
}

export function GateForm({ titleId, title, lead, onSubmit, children }: GateFormProps) {
  return (
    <main className="gate">
      <form className="gate__card" onSubmit={onSubmit} aria-labelledby={titleId} noValidate>
        <h1 id={titleId} className="gate__title">
          {title}
        </h1>
        <p className="gate__lead">{lead}</p>
        {children}
      </form>
    </main>
  );
}
