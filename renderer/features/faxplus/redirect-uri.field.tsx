// The exact redirect URI the user must register in the Fax.Plus API app, asked from main
// (it knows the configured loopback port), shown read-only with a Copy button.
import { useEffect, useId, useRef, useState } from 'react';
import type { RedirectMode } from '../../../preload/api';
import { t } from '../../i18n/i18n';
import { Button } from '../../ui/button';
import { copyVisibleText } from '../../ui/copy-text';
import { settle, useApi } from '../../vault-client';

export function RedirectUriField({ mode }: { mode: RedirectMode }) {
  const api = useApi();
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [uri, setUri] = useState('');
  const [copy, setCopy] = useState<'idle' | 'copied' | 'failed'>('idle');

  useEffect(() => {
    let current = true;
    void settle(() => api.getFaxplusRedirectUri({ redirectMode: mode })).then((result) => {
      if (!current) return;
      setUri(result.ok ? result.value : '');
      setCopy('idle');
    });
    return () => {
      current = false;
    };
  }, [api, mode]);

  const onCopy = async () => {
    setCopy((await copyVisibleText(uri, input.current)) ? 'copied' : 'failed');
  };

  return (
    <div className="field">
      <label className="field__label" htmlFor={id}>
        {t('faxplus.redirect.uri')}
      </label>
      <div className="fp-copy">
        <input
          ref={input}
          id={id}
          className="field__input fp-copy__input"
          readOnly
          value={uri}
          aria-describedby={`${id}-hint`}
          onFocus={(e) => e.currentTarget.select()}
        />
        <Button onClick={() => void onCopy()} disabled={!uri}>
          {copy === 'copied' ? t('faxplus.copied') : t('faxplus.copy')}
        </Button>
      </div>
      <div className="field__hint" id={`${id}-hint`}>
        {copy === 'failed' ? t('faxplus.copyFailed') : t('faxplus.redirect.uriHint')}
      </div>
    </div>
  );
}
