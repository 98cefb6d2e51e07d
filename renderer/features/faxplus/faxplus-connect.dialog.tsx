// "Connect Fax.Plus (OAuth)": the form, then the waiting state while the user approves in
// the system browser, then the account details or the error (issue 3 item 6). Main opens the
// browser and receives the redirect; this dialog only follows main's 'event:connect'.
import { useId, useState, type FormEvent } from 'react';
import type { ApiError, RedirectMode } from '../../../preload/api';
import { errorText } from '../../i18n/api-errors';
import { t } from '../../i18n/i18n';
import { Dialog } from '../../ui/dialog';
import { FormFooter } from '../../ui/form-footer';
import { TextField } from '../../ui/text-field';
import { useApi } from '../../vault-client';
import type { AddDialogProps } from '../provider-ui';
import { CheckField } from './check-field';
import { FlowDialog, isActive } from './connect-flow.view';
import {
  checkConnect,
  clientIdError,
  errorField,
  hasErrors,
  type ConnectField,
  type FieldErrors,
} from './faxplus-form';
import { RedirectUriField } from './redirect-uri.field';
import { useConnectFlow } from '../oauth/use-connect-flow';
import './faxplus.css';

const FIELDS: readonly ConnectField[] = ['label', 'clientId', 'clientSecret'];

export function FaxplusConnectDialog({ onClose, onDone }: AddDialogProps) {
  const api = useApi();
  const formId = useId();
  const flow = useConnectFlow();
  const [label, setLabel] = useState('');
  const [clientId, setClientId] = useState('');
  const [clientSecret, setClientSecret] = useState('');
  const [mode, setMode] = useState<RedirectMode>('scheme');
  const [advanced, setAdvanced] = useState(true);
  const [dropsState, setDropsState] = useState(false);
  const [errors, setErrors] = useState<FieldErrors<ConnectField>>({});
  /** Main's answer, beside its field when it names one, else above the buttons. */
  const [mainError, setMainError] = useState<ApiError | undefined>();
  const mainField = mainError ? errorField(mainError, FIELDS) : undefined;

  const fieldError = (field: ConnectField): string | undefined => {
    if (mainError && mainField === field) return errorText(mainError);
    const key = errors[field];
    return key ? t(key) : undefined;
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found = checkConnect({ label, clientId, clientSecret });
    setErrors(found);
    setMainError(undefined);
    if (hasErrors(found)) return;
    const error = await flow.begin(() =>
      api.connectFaxplus({
        label: label.trim(),
        clientId: clientId.trim(),
        clientSecret: clientSecret.trim(),
        redirectMode: mode,
        advancedSecurity: advanced,
        allowMissingState: dropsState,
      }),
    );
    if (error) setMainError(error);
  };

  const title = t('faxplus.connect.title');
  const { state } = flow;
  if (isActive(state)) {
    return (
      <FlowDialog
        title={title}
        reauth={false}
        state={state}
        onCancel={flow.cancel}
        onRetry={flow.reset}
        onClose={onClose}
        onDone={onDone}
      />
    );
  }

  return (
    <Dialog
      title={title}
      onClose={onClose}
      footer={
        <FormFooter
          formId={formId}
          busy={state.phase === 'starting'}
          cancelLabel={t('faxplus.wait.cancel')}
          submitLabel={t('faxplus.connect.submit')}
          onCancel={onClose}
        />
      }
    >
      <form id={formId} className="fp-form" noValidate onSubmit={(e) => void submit(e)}>
        <p className="fp-lead">{t('faxplus.connect.lead')}</p>
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
          label={t('faxplus.field.clientId')}
          hint={t('faxplus.field.clientId.hint')}
          value={clientId}
          autoComplete="off"
          spellCheck={false}
          error={fieldError('clientId')}
          onChange={(e) => {
            setClientId(e.target.value);
            // Inline: say so as soon as what is typed can no longer become a client id.
            const typed = e.target.value.trim();
            const wrongStart = typed && !'APIK'.startsWith(typed.slice(0, 4));
            setErrors((prev) => ({
              ...prev,
              clientId: wrongStart ? 'faxplus.error.clientId' : undefined,
            }));
          }}
          onBlur={() =>
            setErrors((prev) => ({ ...prev, clientId: clientIdError(clientId) ?? undefined }))
          }
        />
        <TextField
          label={t('faxplus.field.clientSecret')}
          type="password"
          value={clientSecret}
          autoComplete="off"
          error={fieldError('clientSecret')}
          onChange={(e) => setClientSecret(e.target.value)}
        />
        <fieldset className="fp-fieldset">
          <legend className="field__label">{t('faxplus.field.redirectMode')}</legend>
          <div className="fp-radios">
            {(['scheme', 'loopback'] as const).map((value) => (
              <label className="fp-radio" key={value}>
                <input
                  type="radio"
                  name={`${formId}-mode`}
                  value={value}
                  checked={mode === value}
                  onChange={() => setMode(value)}
                />
                {t(value === 'scheme' ? 'faxplus.redirect.scheme' : 'faxplus.redirect.loopback')}
              </label>
            ))}
          </div>
        </fieldset>
        <RedirectUriField mode={mode} />
        <CheckField
          label={t('faxplus.field.advanced')}
          hint={t('faxplus.field.advanced.hint')}
          checked={advanced}
          onChange={setAdvanced}
        />
        <CheckField
          asSwitch
          label={t('faxplus.field.dropsState')}
          hint={t('faxplus.field.dropsState.hint')}
          checked={dropsState}
          onChange={setDropsState}
        />
        {dropsState ? (
          <p className="notice notice--warning" role="alert">
            {t('faxplus.field.dropsState.warning')}
          </p>
        ) : null}
        {mainError && !mainField ? (
          <p className="fp-form__error" role="alert">
            {errorText(mainError)}
          </p>
        ) : null}
      </form>
    </Dialog>
  );
}
