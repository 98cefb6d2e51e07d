// The indeterminate progress line shown while main works (checking a token, deriving the key,
// waiting for the browser): a sliding bar beside what is happening, announced politely.
import type { ReactNode } from 'react';

export function Progress({ children }: { children: ReactNode }) {
  return (
    <div className="progress" role="status">
      <span className="progress__bar" aria-hidden="true" />
      {children}
    </div>
  );
}
