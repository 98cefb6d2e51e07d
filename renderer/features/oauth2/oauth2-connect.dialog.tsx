// "Connect OAuth 2.0 app": a built-in profile (GitHub, Google, Microsoft, Slack) or any server
// by its issuer (discovery) or its endpoints; the client id and, unless it is a public client,
// its secret; scopes; the redirect. Main opens the system browser and answers with an event;
// the dialog waits, shows the outcome, and cancels the flow if it is closed while waiting.
import { useEffect, useId, useState, type FormEvent } from 'react';
import type { ApiError, OAuth2ProfileInfo, RedirectMode } from '../../../preload/api';
import { errorText } from '../../i18n/api-errors';
import type { MessageKey } from '../../i18n/en';
import { t } from '../../i18n/i18n';
import { Button } from '../../ui/button';
import { Dialog } from '../../ui/dialog';
import { FormFooter } from '../../ui/form-footer';
import { SelectField } from '../../ui/select-field';
import { TextField } from '../../ui/text-field';
import { settle, useApi } from '../../vault-client';
import { useConnectFlow } from '../oauth/use-connect-flow';
import type { AddDialogProps } from '../provider-ui';
import {
  checkOAuth2Form,
  EMPTY_FORM,
  EXPLICIT,
  FIELDS,
  hasErrors,
  ISSUER,
  toRequest,
  type OAuth2Errors,
  type OAuth2Field,
  type OAuth2Form,
} from './oauth2-form';
import { OAuth2Outcome, OAuth2Waiting } from './oauth2-flow.view';
import './oauth2.css';

const AUTHS = ['auto', 'basic', 'post', 'none'] as const;

const NOTE_KEYS: Partial<Record<string, MessageKey>> = {
  github: 'oauth2.profile.github',
  google: 'oauth2.profile.google',
  microsoft: 'oauth2.profile.microsoft',
  slack: 'oauth2.profile.slack',
};

/** The profile's note in the user's language (main's English one for a profile we don't know). */
function profileNote(profile: OAuth2ProfileInfo): string {
  const key = NOTE_KEYS[profile.id];
  return key ? t(key) : profile.note;
}

export function OAuth2ConnectDialog({ onClose, onDone }: AddDialogProps) {
  const api = useApi();
  const formId = useId();
  const flow = useConnectFlow('cancelOAuth2Connect');
  const [form, setForm] = useState<OAuth2Form>(EMPTY_FORM);
  const [profiles, setProfiles] = useState<OAuth2ProfileInfo[]>([]);
  const [redirectUri, setRedirectUri] = useState('');
  const [errors, setErrors] = useState<OAuth2Errors>({});
  const [mainError, setMainError] = useState<ApiError | undefined>();

  useEffect(() => {
    void settle(() => api.listOAuth2Profiles()).then((r) => {
      if (!r.ok) return;
      setProfiles(r.value);
      const first = r.value.find((p) => p.id === EMPTY_FORM.server);
      if (first) setForm((f) => ({ ...f, scopes: first.defaultScopes.join(' ') }));
    });
  }, [api]);

  useEffect(() => {
    void settle(() => api.getOAuth2RedirectUri({ redirectMode: form.redirectMode })).then((r) =>
      setRedirectUri(r.ok ? r.value : ''),
    );
  }, [api, form.redirectMode]);

  const mainField: OAuth2Field | undefined =
    mainError?.code === 'duplicate-label' ? 'label' : FIELDS.find((f) => f === mainError?.field);

  const set = <K extends keyof OAuth2Form>(key: K, value: OAuth2Form[K]) => {
    setForm((f) => ({ ...f, [key]: value }));
    if (mainField === key) setMainError(undefined);
  };

  const pickServer = (server: string) => {
    const profile = profiles.find((p) => p.id === server);
    setForm((f) => ({
      ...f,
      server,
      scopes: profile ? profile.defaultScopes.join(' ') : f.scopes,
    }));
  };

  const fieldError = (field: OAuth2Field): string | undefined => {
    if (mainError && mainField === field) return errorText(mainError);
    const key = errors[field];
    return key ? t(key) : undefined;
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found = checkOAuth2Form(form);
    setErrors(found);
    setMainError(undefined);
    if (hasErrors(found)) return;
    const error = await flow.begin(() => api.connectOAuth2(toRequest(form)));
    setMainError(error);
  };

  const title = t('oauth2.title');
  const { state } = flow;
  if (state.phase === 'waiting') {
    return (
      <Dialog
        title={title}
        onClose={flow.cancel}
        footer={<Button onClick={flow.cancel}>{t('oauth2.cancel')}</Button>}
      >
        <OAuth2Waiting pending={state.pending} />
      </Dialog>
    );
  }
  if (state.phase === 'finished') {
    const ok = state.event.outcome === 'connected';
    const close = () => (ok ? onDone(state.event.entry) : onClose());
    return (
      <Dialog
        title={title}
        onClose={close}
        footer={
          <>
            {ok ? null : <Button onClick={flow.reset}>{t('oauth2.tryAgain')}</Button>}
            <Button variant="primary" autoFocus onClick={close}>
              {t(ok ? 'oauth2.done' : 'oauth2.cancel')}
            </Button>
          </>
        }
      >
        <OAuth2Outcome event={state.event} reconnect={false} />
      </Dialog>
    );
  }

  const profile = profiles.find((p) => p.id === form.server);
  return (
    <Dialog
      title={title}
      onClose={onClose}
      footer={
        <FormFooter
          formId={formId}
          busy={state.phase === 'starting'}
          cancelLabel={t('oauth2.cancel')}
          submitLabel={t('oauth2.submit')}
          onCancel={onClose}
        />
      }
    >
      <form id={formId} className="ef-form" noValidate onSubmit={(e) => void submit(e)}>
        <p className="ef-lead">{t('oauth2.lead')}</p>
        <TextField
          label={t('oauth2.field.label')}
          hint={t('oauth2.field.label.hint')}
          value={form.label}
          autoComplete="off"
          maxLength={100}
          error={fieldError('label')}
          onChange={(e) => set('label', e.target.value)}
        />
        <SelectField
          label={t('oauth2.field.server')}
          value={form.server}
          hint={profile ? profileNote(profile) : undefined}
          options={[
            ...profiles.map((p) => ({ value: p.id, label: p.name })),
            { value: ISSUER, label: t('oauth2.server.issuer') },
            { value: EXPLICIT, label: t('oauth2.server.explicit') },
          ]}
          onChange={(e) => pickServer(e.target.value)}
        />
        {form.server === ISSUER ? (
          <TextField
            label={t('oauth2.field.issuer')}
            hint={t('oauth2.field.issuer.hint')}
            type="url"
            value={form.issuer}
            spellCheck={false}
            placeholder="https://login.example.com"
            error={fieldError('issuer')}
            onChange={(e) => set('issuer', e.target.value)}
          />
        ) : null}
        {form.server === EXPLICIT ? (
          <>
            <TextField
              label={t('oauth2.field.authorizeUrl')}
              type="url"
              value={form.authorizeUrl}
              spellCheck={false}
              error={fieldError('authorizeUrl')}
              onChange={(e) => set('authorizeUrl', e.target.value)}
            />
            <TextField
              label={t('oauth2.field.tokenUrl')}
              type="url"
              value={form.tokenUrl}
              spellCheck={false}
              error={fieldError('tokenUrl')}
              onChange={(e) => set('tokenUrl', e.target.value)}
            />
            <TextField
              label={t('oauth2.field.revocationUrl')}
              type="url"
              value={form.revocationUrl}
              spellCheck={false}
              error={fieldError('revocationUrl')}
              onChange={(e) => set('revocationUrl', e.target.value)}
            />
          </>
        ) : null}
        <div className="ef-row">
          <TextField
            label={t('oauth2.field.clientId')}
            value={form.clientId}
            autoComplete="off"
            spellCheck={false}
            error={fieldError('clientId')}
            onChange={(e) => set('clientId', e.target.value)}
          />
          <TextField
            label={t('oauth2.field.clientSecret')}
            hint={t('oauth2.field.clientSecret.hint')}
            type="password"
            value={form.clientSecret}
            autoComplete="off"
            error={fieldError('clientSecret')}
            onChange={(e) => set('clientSecret', e.target.value)}
          />
        </div>
        <div className="ef-row">
          <SelectField
            label={t('oauth2.field.clientAuth')}
            value={form.clientAuth}
            options={AUTHS.map((a) => ({ value: a, label: t(`oauth2.auth.${a}`) }))}
            onChange={(e) => set('clientAuth', e.target.value as OAuth2Form['clientAuth'])}
          />
          <TextField
            label={t('oauth2.field.scopes')}
            hint={t('oauth2.field.scopes.hint')}
            value={form.scopes}
            spellCheck={false}
            error={fieldError('scopes')}
            onChange={(e) => set('scopes', e.target.value)}
          />
        </div>
        <SelectField
          label={t('oauth2.field.redirect')}
          value={form.redirectMode}
          hint={redirectUri ? t('oauth2.redirect.uri', { uri: redirectUri }) : undefined}
          options={[
            { value: 'loopback', label: t('oauth2.redirect.loopback') },
            { value: 'scheme', label: t('oauth2.redirect.scheme') },
          ]}
          onChange={(e) => set('redirectMode', e.target.value as RedirectMode)}
        />
        <div className="ef-row">
          <TextField
            label={t('oauth2.field.refreshDays')}
            hint={t('oauth2.field.refreshDays.hint')}
            inputMode="numeric"
            value={form.refreshDays}
            error={fieldError('refreshDays')}
            onChange={(e) => set('refreshDays', e.target.value)}
          />
          <TextField
            label={t('oauth2.field.verifyUrl')}
            hint={t('oauth2.field.verifyUrl.hint')}
            type="url"
            value={form.verifyUrl}
            spellCheck={false}
            error={fieldError('verifyUrl')}
            onChange={(e) => set('verifyUrl', e.target.value)}
          />
        </div>
        {mainError && !mainField ? (
          <p className="ef-form__error" role="alert">
            {errorText(mainError)}
          </p>
        ) : null}
      </form>
    </Dialog>
  );
}
