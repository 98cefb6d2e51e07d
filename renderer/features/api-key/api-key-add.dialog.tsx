// "Add API key": any service's static credential. The user picks how the service takes it
// (Bearer, GitHub's `token`, X-Api-Key, Basic, or a header of their own), may add fixed
// headers, an expiry date and a verification URL, and sees the headers it will send with the
// key masked. Main checks the key at the URL before storing it; afterwards only the masked
// preview is shown: the key's field is cleared as soon as main has it.
import { useId, useState, type FormEvent } from 'react';
import type { ApiError, EntryView } from '../../../preload/api';
import { errorText } from '../../i18n/api-errors';
import { t } from '../../i18n/i18n';
import { Button } from '../../ui/button';
import { Dialog } from '../../ui/dialog';
import { FormFooter } from '../../ui/form-footer';
import { Progress } from '../../ui/progress';
import { SelectField } from '../../ui/select-field';
import { TextField } from '../../ui/text-field';
import { hostOf } from '../../ui/url-host';
import { settle, useApi } from '../../vault-client';
import type { AddDialogProps } from '../provider-ui';
import {
  checkApiKeyForm,
  EMPTY_FORM,
  FIELDS,
  hasErrors,
  previewLines,
  STYLES,
  toRequest,
  type ApiKeyErrors,
  type ApiKeyField,
  type ApiKeyForm,
  type HeaderStyle,
} from './api-key-form';
import './api-key.css';

export function ApiKeyAddDialog({ onClose, onDone }: AddDialogProps) {
  const api = useApi();
  const formId = useId();
  const extraId = useId();
  const [form, setForm] = useState<ApiKeyForm>(EMPTY_FORM);
  const [errors, setErrors] = useState<ApiKeyErrors>({});
  const [mainError, setMainError] = useState<ApiError | undefined>();
  const [busy, setBusy] = useState(false);
  const [added, setAdded] = useState<EntryView | undefined>();

  const mainField: ApiKeyField | undefined =
    mainError?.code === 'duplicate-label' ? 'label' : FIELDS.find((f) => f === mainError?.field);
  const refused = mainError?.code === 'auth-error';

  const set = <K extends keyof ApiKeyForm>(key: K, value: ApiKeyForm[K], field?: ApiKeyField) => {
    setForm((f) => ({ ...f, [key]: value }));
    if (field && mainField === field) setMainError(undefined);
    if (refused && (key === 'secret' || key === 'verifyUrl' || key === 'style')) {
      setMainError(undefined);
    }
  };

  const fieldError = (field: ApiKeyField): string | undefined => {
    if (mainError && mainField === field) return errorText(mainError);
    if (refused && field === 'secret') return t('apikey.error.refused');
    const found = errors[field];
    return found ? t(found.key, found.params) : undefined;
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const found = checkApiKeyForm(form, Date.now());
    setErrors(found);
    setMainError(undefined);
    if (hasErrors(found)) return;
    setBusy(true);
    const result = await settle(() => api.addApiKey(toRequest(form)));
    setBusy(false);
    if (result.ok) {
      // Main holds the key now; the page keeps nothing but the masked preview.
      setForm((f) => ({ ...f, secret: '' }));
      setAdded(result.value);
    } else {
      setMainError(result.error);
    }
  };

  const title = t('apikey.title');
  if (added) {
    const url = added.kind === 'api-key' ? added.verifyUrl : undefined;
    return (
      <Dialog
        title={title}
        onClose={() => onDone(added)}
        footer={
          <Button variant="primary" autoFocus onClick={() => onDone(added)}>
            {t('apikey.done')}
          </Button>
        }
      >
        <div className="ef-outcome" role="status">
          <p className="ef-outcome__title">{t('apikey.added', { label: added.label })}</p>
          <p>
            <code data-testid="apikey-preview">{added.preview}</code>
          </p>
          <p>
            {url ? t('apikey.addedVerified', { host: hostOf(url) }) : t('apikey.addedUnverified')}
          </p>
        </div>
      </Dialog>
    );
  }

  const verifying = form.verifyUrl.trim() !== '';
  return (
    <Dialog
      title={title}
      onClose={onClose}
      footer={
        <FormFooter
          formId={formId}
          busy={busy}
          cancelLabel={t('apikey.cancel')}
          submitLabel={t(verifying ? 'apikey.submitVerify' : 'apikey.submit')}
          onCancel={onClose}
        />
      }
    >
      <form id={formId} className="ef-form" noValidate onSubmit={(e) => void submit(e)}>
        <p className="ef-lead">{t('apikey.lead')}</p>
        <TextField
          label={t('apikey.field.label')}
          hint={t('apikey.field.label.hint')}
          value={form.label}
          autoComplete="off"
          maxLength={100}
          error={fieldError('label')}
          onChange={(e) => set('label', e.target.value, 'label')}
        />
        <TextField
          label={t('apikey.field.secret')}
          type="password"
          value={form.secret}
          autoComplete="off"
          spellCheck={false}
          maxLength={4096}
          // Beside a refused key: main's sentence, which address refused it with what status.
          hint={refused && mainError ? errorText(mainError) : undefined}
          error={fieldError('secret')}
          onChange={(e) => set('secret', e.target.value, 'secret')}
        />
        <SelectField
          label={t('apikey.field.style')}
          value={form.style}
          options={STYLES.map((s) => ({ value: s.id, label: t(s.key) }))}
          onChange={(e) => set('style', e.target.value as HeaderStyle)}
        />
        {form.style === 'custom' ? (
          <div className="ef-row">
            <TextField
              label={t('apikey.field.headerName')}
              value={form.headerName}
              autoComplete="off"
              spellCheck={false}
              maxLength={100}
              placeholder="X-Auth-Token"
              error={fieldError('headerName')}
              onChange={(e) => set('headerName', e.target.value, 'headerName')}
            />
            <TextField
              label={t('apikey.field.template')}
              hint={t('apikey.field.template.hint')}
              value={form.template}
              autoComplete="off"
              spellCheck={false}
              maxLength={200}
              error={fieldError('template')}
              onChange={(e) => set('template', e.target.value, 'template')}
            />
          </div>
        ) : null}
        {form.style === 'basic' ? (
          <TextField
            label={t('apikey.field.basicUser')}
            hint={t('apikey.field.basicUser.hint')}
            value={form.basicUser}
            autoComplete="off"
            spellCheck={false}
            maxLength={200}
            error={fieldError('basicUser')}
            onChange={(e) => set('basicUser', e.target.value, 'basicUser')}
          />
        ) : null}
        <TextField
          label={t('apikey.field.verifyUrl')}
          hint={t('apikey.field.verifyUrl.hint')}
          type="url"
          value={form.verifyUrl}
          autoComplete="off"
          spellCheck={false}
          maxLength={2048}
          placeholder="https://api.example.com/v1/me"
          error={fieldError('verifyUrl')}
          onChange={(e) => set('verifyUrl', e.target.value, 'verifyUrl')}
        />
        <TextField
          className="ak-date"
          label={t('apikey.field.expiry')}
          hint={t('apikey.field.expiry.hint')}
          type="date"
          value={form.expiry}
          error={fieldError('expiresAt')}
          onChange={(e) => set('expiry', e.target.value, 'expiresAt')}
        />
        <div className={['field', fieldError('extraHeaders') ? 'field--invalid' : ''].join(' ')}>
          <label className="field__label" htmlFor={extraId}>
            {t('apikey.field.extra')}
          </label>
          <textarea
            id={extraId}
            className="field__input ak-extra"
            rows={2}
            value={form.extra}
            spellCheck={false}
            placeholder="Stripe-Version: 2024-06-20"
            aria-invalid={fieldError('extraHeaders') ? true : undefined}
            aria-describedby={`${extraId}-hint${fieldError('extraHeaders') ? ` ${extraId}-error` : ''}`}
            onChange={(e) => set('extra', e.target.value, 'extraHeaders')}
          />
          <div className="field__hint" id={`${extraId}-hint`}>
            {t('apikey.field.extra.hint')}
          </div>
          {fieldError('extraHeaders') ? (
            <div className="field__error" id={`${extraId}-error`} role="alert">
              {fieldError('extraHeaders')}
            </div>
          ) : null}
        </div>
        <div className="ak-preview">
          <div className="field__label" id={`${formId}-preview`}>
            {t('apikey.preview')}
          </div>
          <code
            className="ak-preview__lines"
            aria-labelledby={`${formId}-preview`}
            data-testid="apikey-header-preview"
          >
            {previewLines(form).join('\n')}
          </code>
        </div>
        {busy && verifying ? (
          <Progress>{t('apikey.verifying', { host: hostOf(form.verifyUrl) })}</Progress>
        ) : null}
        {mainError && !mainField && !refused ? (
          <p className="ef-form__error" role="alert">
            {errorText(mainError)}
          </p>
        ) : null}
      </form>
    </Dialog>
  );
}
