// "Add Fax.Plus personal access token": label, token, optional expiry date and scopes. Main
// checks the token with Fax.Plus before storing it; afterwards only the masked preview is
// shown (issue 3 item 5): the field holding the token is cleared as soon as main has it.
import { useId, useState, type FormEvent } from 'react';
import type { ApiError, EntryView } from '../../../preload/api';
import { errorText } from '../../i18n/api-errors';
import { t } from '../../i18n/i18n';
import { Button } from '../../ui/button';
import { Dialog } from '../../ui/dialog';
import { FormFooter } from '../../ui/form-footer';
import { Progress } from '../../ui/progress';
import { TextField } from '../../ui/text-field';
import { settle, useApi } from '../../vault-client';
import type { AddDialogProps } from '../provider-ui';
import { AccountDetails } from './connect-progress';
import {
  checkPat,
  errorField,
  expiryFromDate,
  hasErrors,
  isRejectedCredential,
  SCOPE_FAMILIES,
  SCOPE_LEVELS,
  toggleScope,
  type FieldErrors,
  type PatField,
} from './faxplus-form';
import './faxplus.css';

const FIELDS: readonly PatField[] = ['label', 'pat', 'expiry'];

export function FaxplusPatDialog({ onClose, onDone }: AddDialogProps) {
  const api = useApi();
  const formId = useId();
  const [label, setLabel] = useState('');
  const [pat, setPat] = useState('');
  const [expiry, setExpiry] = useState('');
  const [scopes, setScopes] = useState<string[]>([]);
  const [errors, setErrors] = useState<FieldErrors<PatField>>({});
  const [mainError, setMainError] = useState<ApiError | undefined>();
  const [busy, setBusy] = useState(false);
  const [added, setAdded] = useState<EntryView | undefined>();
  const mainField = mainError ? errorField(mainError, FIELDS) : undefined;

  const rejected = mainError !== undefined && isRejectedCredential(mainError);

  const fieldError = (field: PatField): string | undefined => {
    if (mainError && mainField === field) return errorText(mainError);
    if (rejected && field === 'pat') return t('faxplus.error.patRejected');
    const key = errors[field];
    return key ? t(key) : undefined;
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const found = checkPat({ label, pat, expiry }, Date.now());
    setErrors(found);
    setMainError(undefined);
    if (hasErrors(found)) return;
    setBusy(true);
    const result = await settle(() =>
      api.addFaxplusPat({
        label: label.trim(),
        pat: pat.trim(),
        expiresAt: expiry ? (expiryFromDate(expiry) ?? null) : null,
        ...(scopes.length > 0 ? { scopes } : {}),
      }),
    );
    setBusy(false);
    if (result.ok) {
      // Main holds the token now; the page keeps nothing but the masked preview.
      setPat('');
      setAdded(result.value);
    } else {
      setMainError(result.error);
    }
  };

  const title = t('faxplus.pat.title');
  if (added) {
    return (
      <Dialog
        title={title}
        onClose={() => onDone(added)}
        footer={
          <Button variant="primary" autoFocus onClick={() => onDone(added)}>
            {t('faxplus.done')}
          </Button>
        }
      >
        <div className="fp-outcome fp-outcome--ok" role="status">
          <p className="fp-outcome__title">{t('faxplus.pat.added', { label: added.label })}</p>
          <code className="fp-preview" data-testid="pat-preview">
            {added.preview}
          </code>
          <AccountDetails account={added.account} />
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
          cancelLabel={t('faxplus.wait.cancel')}
          submitLabel={t('faxplus.pat.submit')}
          onCancel={onClose}
        />
      }
    >
      <form id={formId} className="fp-form" noValidate onSubmit={(e) => void submit(e)}>
        <p className="fp-lead">{t('faxplus.pat.lead')}</p>
        <TextField
          label={t('faxplus.field.label')}
          hint={t('faxplus.field.label.hint')}
          value={label}
          autoComplete="off"
          maxLength={100}
          error={fieldError('label')}
          onChange={(e) => {
            setLabel(e.target.value);
            if (mainField === 'label') setMainError(undefined);
          }}
        />
        <TextField
          label={t('faxplus.field.pat')}
          type="password"
          value={pat}
          autoComplete="off"
          spellCheck={false}
          error={fieldError('pat')}
          onChange={(e) => {
            setPat(e.target.value);
            if (mainField === 'pat') setMainError(undefined);
          }}
        />
        <TextField
          label={t('faxplus.field.expiry')}
          hint={t('faxplus.field.expiry.hint')}
          type="date"
          value={expiry}
          error={fieldError('expiry')}
          onChange={(e) => setExpiry(e.target.value)}
        />
        <fieldset className="fp-fieldset">
          <legend className="field__label">{t('faxplus.field.scopes')}</legend>
          <div className="field__hint">{t('faxplus.field.scopes.hint')}</div>
          <div className="fp-scopes">
            {SCOPE_FAMILIES.map((family) => (
              <div className="fp-scopes__row" key={family}>
                <code className="fp-scopes__name">{family}</code>
                {SCOPE_LEVELS.map((level) => {
                  const scope = `${family}:${level}`;
                  return (
                    <label className="fp-scopes__item" key={scope}>
                      <input
                        type="checkbox"
                        aria-label={scope}
                        checked={scopes.includes(scope)}
                        onChange={(e) => setScopes(toggleScope(scopes, scope, e.target.checked))}
                      />
                      {t(level === 'read' ? 'faxplus.scope.read' : 'faxplus.scope.edit')}
                    </label>
                  );
                })}
              </div>
            ))}
          </div>
        </fieldset>
        {busy ? <Progress>{t('faxplus.pat.verifying')}</Progress> : null}
        {mainError && !mainField ? (
          // Beside a rejected token the field already says what to do; main's sentence
          // (which step failed, the HTTP status) is the detail for whoever digs further.
          <p className={rejected ? 'fp-form__detail' : 'fp-form__error'} role="alert">
            {errorText(mainError)}
          </p>
        ) : null}
      </form>
    </Dialog>
  );
}
