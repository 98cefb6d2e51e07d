// "Mint token" from a stored parent token: name, lifetime, allowed IPs, the account or one of
// its sub-accounts, and an optional vault label. Every check runs before anything is sent;
// main's field errors land beside their field (IPs beside their row). Once SMSFactor answers,
// the dialog turns into the one-time display of the new token.
import { useId, useState, type FormEvent } from 'react';
import type { ApiError, MintedToken, SmsfactorTokenEntry } from '../../../preload/api';
import { errorText } from '../../i18n/api-errors';
import { t } from '../../i18n/i18n';
import { Button } from '../../ui/button';
import { Dialog } from '../../ui/dialog';
import { FormFooter } from '../../ui/form-footer';
import { Progress } from '../../ui/progress';
import { SelectField } from '../../ui/select-field';
import { TextField } from '../../ui/text-field';
import { settle, useApi } from '../../vault-client';
import { AllowedIpsEditor } from './allowed-ips.editor';
import { MintedTokenView } from './minted-token.view';
import { FormError } from './smsfactor-bits';
import {
  checkMint,
  placeMainError,
  TTL_OPTIONS,
  type FieldErrors,
  type MintForm,
  type TtlChoice,
} from './smsfactor-form';
import { useNow } from '../tokens/use-now';
import { SubAccountPicker } from './sub-account.picker';
import './smsfactor.css';

export interface SmsfactorMintDialogProps {
  parent: SmsfactorTokenEntry;
  onClose: () => void;
}

const initialForm: MintForm = {
  name: '',
  ttl: '30d',
  customSeconds: '',
  ipRows: [''],
  target: 'account',
  subAccountId: '',
  label: '',
};

export function SmsfactorMintDialog({ parent, onClose }: SmsfactorMintDialogProps) {
  const api = useApi();
  const formId = useId();
  const [form, setForm] = useState<MintForm>(initialForm);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [ipErrors, setIpErrors] = useState<(string | undefined)[]>([]);
  const [formError, setFormError] = useState<ApiError | undefined>();
  const [busy, setBusy] = useState(false);
  const [minted, setMinted] = useState<MintedToken | undefined>();
  const now = useNow();

  const update = (patch: Partial<MintForm>, clear: string[]) => {
    setForm({ ...form, ...patch });
    const next = { ...errors };
    for (const field of clear) next[field] = undefined;
    setErrors(next);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const check = checkMint(form);
    setErrors(check.errors);
    setIpErrors(check.ipErrors);
    setFormError(undefined);
    const request = check.request;
    if (!request) return;
    setBusy(true);
    const result = await settle(() => api.mintSmsfactorToken({ parentId: parent.id, ...request }));
    setBusy(false);
    if (result.ok) {
      setMinted(result.value);
      return;
    }
    const place = placeMainError(result.error, check.sentRows);
    if (place.kind === 'ip') {
      setIpErrors(
        form.ipRows.map((_, i) => (i === place.row ? errorText(result.error) : undefined)),
      );
    } else if (place.kind === 'field') {
      setErrors({ ...check.errors, [place.field]: errorText(result.error) });
    } else {
      setFormError(result.error);
    }
  };

  if (minted) {
    return (
      <Dialog
        title={t('smsfactor.shown.title')}
        onClose={onClose}
        footer={<Button onClick={onClose}>{t('smsfactor.shown.confirmClose')}</Button>}
      >
        <MintedTokenView minted={minted} now={now} />
      </Dialog>
    );
  }

  const sub = form.target === 'sub';
  return (
    <Dialog
      title={t('smsfactor.mint.title', { label: parent.label })}
      onClose={onClose}
      footer={
        <FormFooter
          formId={formId}
          busy={busy}
          cancelLabel={t('smsfactor.cancel')}
          submitLabel={t('smsfactor.mint.submit')}
          onCancel={onClose}
        />
      }
    >
      <form
        id={formId}
        className="sf-form sf-form--tall"
        noValidate
        onSubmit={(e) => void submit(e)}
      >
        <p className="sf-lead">{t('smsfactor.mint.lead')}</p>
        <TextField
          label={t('smsfactor.field.name')}
          hint={t('smsfactor.field.name.hint')}
          value={form.name}
          autoComplete="off"
          maxLength={100}
          disabled={busy}
          error={errors['name']}
          onChange={(e) => update({ name: e.target.value }, ['name'])}
        />
        <div className="sf-form__pair">
          <SelectField
            label={t('smsfactor.field.ttl')}
            value={form.ttl}
            disabled={busy}
            options={TTL_OPTIONS.map((o) => ({ value: o.id, label: t(o.key) }))}
            onChange={(e) => update({ ttl: e.target.value as TtlChoice }, ['ttlSeconds'])}
          />
          <SelectField
            label={t('smsfactor.field.target')}
            value={form.target}
            disabled={busy}
            options={[
              { value: 'account', label: t('smsfactor.target.account') },
              { value: 'sub', label: t('smsfactor.target.sub') },
            ]}
            onChange={(e) =>
              update({ target: e.target.value === 'sub' ? 'sub' : 'account' }, [
                'subAccountId',
                'allowedIps',
              ])
            }
          />
        </div>
        {form.ttl === 'custom' ? (
          <TextField
            label={t('smsfactor.field.ttlSeconds')}
            inputMode="numeric"
            value={form.customSeconds}
            disabled={busy}
            error={errors['ttlSeconds']}
            onChange={(e) => update({ customSeconds: e.target.value }, ['ttlSeconds'])}
          />
        ) : errors['ttlSeconds'] ? (
          <p className="field__error" role="alert">
            {errors['ttlSeconds']}
          </p>
        ) : null}
        {sub ? (
          <SubAccountPicker
            parentId={parent.id}
            value={form.subAccountId}
            error={errors['subAccountId']}
            disabled={busy}
            onChange={(subAccountId) => update({ subAccountId }, ['subAccountId'])}
          />
        ) : null}
        {sub ? (
          <p className="field__hint sf-form__note">{t('smsfactor.field.ips.subHint')}</p>
        ) : (
          <AllowedIpsEditor
            rows={form.ipRows}
            errors={ipErrors}
            error={errors['allowedIps']}
            disabled={busy}
            hint={t('smsfactor.field.ips.hint')}
            onChange={(ipRows) => {
              update({ ipRows }, ['allowedIps']);
              setIpErrors([]);
            }}
          />
        )}
        <TextField
          label={t('smsfactor.field.vaultLabel')}
          hint={t('smsfactor.field.vaultLabel.hint')}
          value={form.label}
          autoComplete="off"
          maxLength={100}
          disabled={busy}
          error={errors['label']}
          onChange={(e) => update({ label: e.target.value }, ['label'])}
        />
        {busy ? <Progress>{t('smsfactor.mint.working')}</Progress> : null}
        <FormError error={formError} />
      </form>
    </Dialog>
  );
}
