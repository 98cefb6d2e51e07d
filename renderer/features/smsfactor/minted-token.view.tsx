// The one-time display of a newly minted token (the contract's one exception: this secret is
// in the page by design). Copy uses the page's Clipboard API when allowed; the app denies
// permission requests, so the fallback selects the read-only field and copies the selection,
// and if even that fails the text stays selected for Ctrl+C.
import { useRef, useState } from 'react';
import type { MintedToken } from '../../../preload/api';
import { describeUnsavedReason } from '../../i18n/api-errors';
import { formatDateTime, t } from '../../i18n/i18n';
import { Button } from '../../ui/button';
import { copyVisibleText } from '../../ui/copy-text';
import { Described } from '../../ui/described';
import { relativeTime } from '../tokens/entry-format';

export function MintedTokenView({ minted, now }: { minted: MintedToken; now: number }) {
  const field = useRef<HTMLInputElement>(null);
  const [copied, setCopied] = useState<'yes' | 'no' | undefined>();
  const { entry, token, unsavedReason } = minted;

  const copy = async () => {
    const ok = await copyVisibleText(token, field.current);
    setCopied(ok ? 'yes' : 'no');
    if (!ok) {
      field.current?.focus();
      field.current?.select();
    }
  };

  return (
    <div className="sf-minted">
      {unsavedReason ? (
        <div className="notice notice--danger" role="alert">
          <strong className="notice__title">{t('smsfactor.shown.unsavedTitle')}</strong>
          <span className="notice__body">
            <Described description={describeUnsavedReason(unsavedReason)} />
          </span>
        </div>
      ) : (
        <p className="sf-minted__saved" role="status">
          {t('smsfactor.shown.saved', { label: entry.label })}
        </p>
      )}
      <label className="field__label" htmlFor="sf-minted-token">
        {t('smsfactor.shown.tokenLabel')}
      </label>
      <div className="sf-minted__value">
        <input
          id="sf-minted-token"
          ref={field}
          className="field__input sf-minted__input"
          readOnly
          value={token}
          spellCheck={false}
          autoComplete="off"
          onFocus={(e) => e.currentTarget.select()}
        />
        <Button variant="primary" autoFocus onClick={() => void copy()}>
          {t('smsfactor.shown.copy')}
        </Button>
      </div>
      {copied === 'yes' ? (
        <p className="sf-minted__copied" role="status">
          {t('smsfactor.shown.copied')}
        </p>
      ) : null}
      {copied === 'no' ? (
        <p className="sf-minted__copy-failed" role="alert">
          {t('smsfactor.shown.copyFailed')}
        </p>
      ) : null}
      <div className="notice notice--warning">
        <strong className="notice__title">{t('smsfactor.shown.once')}</strong>
      </div>
      <p className="sf-minted__expiry">
        {entry.expiresAt === null
          ? t('smsfactor.shown.never')
          : t('smsfactor.shown.expires', {
              when: relativeTime(entry.expiresAt, now),
              at: formatDateTime(entry.expiresAt),
            })}
      </p>
    </div>
  );
}
