// Copy headers with a format picker: main renders a masked preview for the chosen format and,
// on Copy, writes the real headers to the clipboard (the renderer never sees the secret).
import { useEffect, useId, useState } from 'react';
import type { EntryView, HeaderFormat } from '../../../preload/api';
import { errorText } from '../../i18n/api-errors';
import { t } from '../../i18n/i18n';
import type { MessageKey } from '../../i18n/en';
import { Button } from '../../ui/button';
import { settle, useApi, useSettings } from '../../vault-client';
import { useCopyHeaders } from './use-copy-headers';

export const headerFormats: readonly HeaderFormat[] = [
  'http',
  'curl',
  'json',
  'env',
  'fetch',
  'python',
];

export const formatNameKey: Record<HeaderFormat, MessageKey> = {
  http: 'format.http',
  curl: 'format.curl',
  json: 'format.json',
  env: 'format.env',
  fetch: 'format.fetch',
  python: 'format.python',
};

export function CopyHeadersPanel({ entry, onCopied }: { entry: EntryView; onCopied: () => void }) {
  const api = useApi();
  const settings = useSettings();
  const copy = useCopyHeaders();
  const id = useId();
  const [chosen, setChosen] = useState<HeaderFormat | undefined>();
  const format = chosen ?? settings.value?.defaultHeaderFormat ?? 'http';
  const [preview, setPreview] = useState<{ key: string; text: string; error?: string }>();
  const [busy, setBusy] = useState(false);
  const key = `${entry.id}:${format}:${entry.updatedAt}`;

  useEffect(() => {
    let current = true;
    void settle(() => api.previewHeaders({ id: entry.id, format })).then((result) => {
      if (!current) return;
      setPreview(
        result.ok
          ? { key, text: result.value.text }
          : { key, text: '', error: errorText(result.error) },
      );
    });
    return () => {
      current = false;
    };
  }, [api, entry.id, format, key]);

  const shown = preview?.key === key ? preview : undefined;

  return (
    <section className="detail__section" aria-labelledby={`${id}-title`}>
      <h4 className="detail__heading" id={`${id}-title`}>
        {t('detail.copy.title')}
      </h4>
      <div className="copy">
        <label className="copy__label" htmlFor={`${id}-format`}>
          {t('detail.copy.format')}
        </label>
        <select
          id={`${id}-format`}
          className="field__input copy__format"
          value={format}
          onChange={(event) => setChosen(event.target.value as HeaderFormat)}
        >
          {headerFormats.map((value) => (
            <option key={value} value={value}>
              {t(formatNameKey[value])}
            </option>
          ))}
        </select>
        <Button
          variant="primary"
          busy={busy}
          onClick={async () => {
            setBusy(true);
            const copied = await copy(entry, format);
            setBusy(false);
            if (copied) onCopied();
          }}
        >
          {t('detail.copy.button')}
        </Button>
      </div>
      {shown?.error ? (
        <p className="detail__error" role="alert">
          {shown.error}
        </p>
      ) : (
        <pre className="copy__preview" aria-label={t('detail.copy.preview')} tabIndex={0}>
          {shown ? shown.text : t('detail.copy.loading')}
        </pre>
      )}
    </section>
  );
}
