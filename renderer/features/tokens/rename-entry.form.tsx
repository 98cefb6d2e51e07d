// Inline rename: the label field replaces the title until saved or cancelled (Esc).
import { useState, type FormEvent } from 'react';
import type { EntryView } from '../../../preload/api';
import { errorText } from '../../i18n/api-errors';
import { t } from '../../i18n/i18n';
import { Button } from '../../ui/button';
import { TextField } from '../../ui/text-field';
import { useToast } from '../../ui/toast';
import { settle, useApi } from '../../vault-client';

export function RenameEntryForm({ entry, onDone }: { entry: EntryView; onDone: () => void }) {
  const api = useApi();
  const toast = useToast();
  const [label, setLabel] = useState(entry.label);
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const next = label.trim();
    if (next === entry.label) return onDone();
    setBusy(true);
    const result = await settle(() => api.renameEntry({ id: entry.id, label: next }));
    setBusy(false);
    if (!result.ok) return setError(errorText(result.error));
    toast.show(t('detail.renamed', { label: result.value.label }), 'success');
    onDone();
  };

  return (
    <form
      className="rename"
      onSubmit={(event) => void submit(event)}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.preventDefault();
          event.stopPropagation();
          onDone();
        }
      }}
    >
      <TextField
        label={t('detail.rename.label')}
        value={label}
        error={error}
        autoFocus
        maxLength={120}
        onChange={(event) => {
          setLabel(event.target.value);
          setError(undefined);
        }}
      />
      <div className="rename__actions">
        <Button type="submit" variant="primary" busy={busy} disabled={!label.trim()}>
          {t('detail.rename.save')}
        </Button>
        <Button onClick={onDone}>{t('common.cancel')}</Button>
      </div>
    </form>
  );
}
