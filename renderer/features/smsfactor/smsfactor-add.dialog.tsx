// "Add SMSFactor token": a token made on the platform (Developer menu) is pasted, main checks
// it with /account and /credits, and the dialog then shows whose account it opens. The token
// field is cleared as soon as main has it; the page keeps only the masked preview.
import { useId, useState, type FormEvent } from 'react';
import type { ApiError, EntryView, WireFormat } from '../../../preload/api';
import { errorText } from '../../i18n/api-errors';
import { t } from '../../i18n/i18n';
import { Button } from '../../ui/button';
import { Dialog } from '../../ui/dialog';
import { FormFooter } from '../../ui/form-footer';
import { Progress } from '../../ui/progress';
import { TextField } from '../../ui/text-field';
import { settle, useApi } from '../../vault-client';
import type { AddDialogProps } from '../provider-ui';
import { AccountSummary, FormError } from './smsfactor-bits';
import { FormatChoice } from './format-choice';
import { checkAdd, hasErrors, placeMainError, type FieldErrors } from './smsfactor-form';
import './smsfactor.css';

export function SmsfactorAddDialog({ title, onClose, onDone }: AddDialogProps) {
  const api = useApi();
  const formId = useId();
  const [label, setLabel] = useState('');
  const [token, setToken] = useState('');
  const [format, setFormat] = useState<WireFormat>('json');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [mainError, setMainError] = useState<ApiError | undefined>();
  const [busy, setBusy] = useState(false);
  const [added, setAdded] = useState<EntryView | undefined>();

  const place = mainError ? placeMainError(mainError, []) : undefined;
  const fieldError = (field: string): string | undefined => {
    if (mainError && place?.kind === 'field' && place.field === field) return errorText(mainError);
    // A refused token is the token field's problem, whatever the wording from SMSFactor.
    if (mainError?.code === 'auth-error' && field === 'token') return errorText(mainError);
    return errors[field];
  };
  const formError =
    mainError && place?.kind === 'form' && mainError.code !== 'auth-error' ? mainError : undefined;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const found = checkAdd({ label, token });
    setErrors(found);
    setMainError(undefined);
    if (hasErrors(found)) return;
    setBusy(true);
    const result = await settle(() =>
      api.addSmsfactorToken({ label: label.trim(), token: token.trim(), format }),
    );
    setBusy(false);
    if (result.ok) {
      setToken('');
      setAdded(result.value);
    } else {
      setMainError(result.error);
    }
  };

  if (added) {
    return (
      <Dialog
        title={title}
        onClose={() => onDone(added)}
        footer={
          <Button variant="primary" autoFocus onClick={() => onDone(added)}>
            {t('smsfactor.done')}
          </Button>
        }
      >
        <div className="sf-outcome sf-outcome--ok" role="status">
          <p className="sf-outcome__title">{t('smsfactor.add.added', { label: added.label })}</p>
          {added.preview ? <code className="sf-preview">{added.preview}</code> : null}
          <AccountSummary account={added.account} />
        </div>
      </Dialog>
    );
  }

  return (
    <Dialog
      title={title}
      onClose={onClose}
      footer={
        <FormFooter
          formId={formId}
          busy={busy}
          cancelLabel={t('smsfactor.cancel')}
          submitLabel={t('smsfactor.add.submit')}
          onCancel={onClose}
        />
      }
    >
      <form id={formId} className="sf-form" noValidate onSubmit={(e) => void submit(e)}>
        <p className="sf-lead">{t('smsfactor.add.lead')}</p>
        <TextField
          label={t('smsfactor.field.label')}
          hint={t('smsfactor.field.label.hint')}
          value={label}
          autoComplete="off"
          maxLength={100}
          error={fieldError('label')}
          disabled={busy}
          onChange={(e) => {
            setLabel(e.target.value);
            setErrors({ ...errors, label: undefined });
            if (place?.kind === 'field' && place.field === 'label') setMainError(undefined);
          }}
        />
        <TextField
          label={t('smsfactor.field.token')}
          type="password"
          value={token}
          autoComplete="off"
          spellCheck={false}
          error={fieldError('token')}
          disabled={busy}
          onChange={(e) => {
            setToken(e.target.value);
            setErrors({ ...errors, token: undefined });
            if (mainError?.code === 'auth-error' || place?.kind === 'field')
              setMainError(undefined);
          }}
        />
        <FormatChoice value={format} onChange={setFormat} disabled={busy} />
        {busy ? <Progress>{t('smsfactor.add.verifying')}</Progress> : null}
        <FormError error={formError} />
      </form>
    </Dialog>
  );
}
