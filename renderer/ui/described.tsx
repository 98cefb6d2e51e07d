// Shows a translated title with main's own sentence beneath it (i18n/api-errors.ts). Main
// writes in English, so the detail is marked lang="en" for screen readers and hyphenation.
import type { ErrorDescription } from '../i18n/api-errors';
import './described.css';

export function Described({ description }: { description: ErrorDescription }) {
  return (
    <>
      {description.title}
      {description.detail !== undefined ? (
        <span className="described__detail" lang="en">
          {description.detail}
        </span>
      ) : null}
    </>
  );
}
