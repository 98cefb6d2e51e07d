// Settings that matter from day one: when the vault locks itself, when copied headers leave
// the clipboard, the theme and the language. Values persist through main (updateSettings);
// a new language re-renders the whole app (App.tsx keys its tree on it).
import { useEffect, useState, type FormEvent } from 'react';
import type { Settings } from '../../../preload/api';
import { errorText } from '../../i18n/api-errors';
import { t } from '../../i18n/i18n';
import { Button } from '../../ui/button';
import { SelectField } from '../../ui/select-field';
import { TextField } from '../../ui/text-field';
import { useSettings } from '../../vault-client';
import { RemindersSettingsSection } from '../reminders/reminders-settings.section';
import { BackupSettingsSection } from '../backup/backup-settings.section';
import { formatNameKey, headerFormats } from '../tokens/copy-headers.panel';
import {
  checkWholeNumber,
  isDirty,
  isLanguageSetting,
  languageNames,
  settingLimits,
  toFormValues,
  validateSettingsForm,
  type NumericSettingKey,
  type SettingsFormErrors,
  type SettingsFormValues,
} from './settings-form';

type SaveState = 'idle' | 'saving' | 'saved';

export function SettingsScreen() {
  const settings = useSettings();
  const saved = settings.value;
  if (!saved) {
    return (
      <p className="settings__loading" role="status">
        {settings.error ? errorText(settings.error) : t('settings.loading')}
      </p>
    );
  }
  return <SettingsForm saved={saved} update={settings.update} />;
}

function SettingsForm({
  saved,
  update,
}: {
  saved: Settings;
  update: ReturnType<typeof useSettings>['update'];
}) {
  const [values, setValues] = useState<SettingsFormValues>(() => toFormValues(saved));
  const [errors, setErrors] = useState<SettingsFormErrors>({});
  const [serverError, setServerError] = useState<string | undefined>();
  const [state, setState] = useState<SaveState>('idle');
  /** Messages main returned for a field (its validation has the last word). */
  const [fieldMessages, setFieldMessages] = useState<Partial<Record<NumericSettingKey, string>>>(
    {},
  );

  // "Saved" is feedback for the last click; it goes away once the user edits again.
  useEffect(() => {
    if (state !== 'saved') return;
    const timer = window.setTimeout(() => setState('idle'), 4000);
    return () => window.clearTimeout(timer);
  }, [state]);

  const change = (key: keyof SettingsFormValues, value: string) => {
    setValues((current) => ({ ...current, [key]: value }));
    setServerError(undefined);
    if (state === 'saved') setState('idle');
    if (key === 'idleLockMinutes' || key === 'clipboardClearSeconds') {
      // Inline validation as the user types, but only clear/replace this field's message.
      setErrors((current) => ({ ...current, [key]: checkWholeNumber(value, key) }));
    }
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const checked = validateSettingsForm(values);
    setErrors(checked.errors);
    if (!checked.patch) return;
    setState('saving');
    const result = await update(checked.patch);
    if (result.ok) {
      setValues(toFormValues(result.value));
      setState('saved');
      return;
    }
    setState('idle');
    const field = result.error.field;
    if (field === 'idleLockMinutes' || field === 'clipboardClearSeconds') {
      setErrors((current) => ({ ...current, [field]: undefined }));
      setServerError(undefined);
      setFieldMessages((current) => ({ ...current, [field]: errorText(result.error) }));
    } else {
      setServerError(errorText(result.error));
    }
  };

  const errorFor = (key: NumericSettingKey): string | undefined => {
    const problem = errors[key];
    if (problem) return t(problem.key, problem.params);
    return fieldMessages[key];
  };

  const numberField = (key: NumericSettingKey, label: string, hint: string) => (
    <TextField
      label={label}
      inputMode="numeric"
      value={values[key]}
      onChange={(e) => {
        setFieldMessages((current) => ({ ...current, [key]: undefined }));
        change(key, e.target.value);
      }}
      error={errorFor(key)}
      hint={hint}
      name={key}
    />
  );

  const dirty = isDirty(values, saved);
  const hasErrors = Object.values(errors).some(Boolean);

  return (
    <section className="settings" aria-labelledby="settings-title">
      <h2 id="settings-title" className="settings__title">
        {t('settings.title')}
      </h2>
      <form className="settings__form" onSubmit={submit} noValidate>
        <fieldset className="settings__group">
          <legend className="settings__legend">{t('settings.security')}</legend>
          {numberField(
            'idleLockMinutes',
            t('settings.idleLock.label'),
            t('settings.idleLock.hint', settingLimits.idleLockMinutes),
          )}
          {numberField(
            'clipboardClearSeconds',
            t('settings.clipboard.label'),
            t('settings.clipboard.hint', settingLimits.clipboardClearSeconds),
          )}
          <SelectField
            label={t('settings.defaultFormat.label')}
            value={values.defaultHeaderFormat}
            onChange={(e) => {
              const chosen = headerFormats.find((f) => f === e.target.value);
              if (chosen) change('defaultHeaderFormat', chosen);
            }}
            options={headerFormats.map((value) => ({ value, label: t(formatNameKey[value]) }))}
            hint={t('settings.defaultFormat.hint')}
          />
        </fieldset>
        {/* Saved on each change, apart from the Save button. */}
        <RemindersSettingsSection saved={saved} update={update} />
        <fieldset className="settings__group">
          <legend className="settings__legend">{t('settings.appearance')}</legend>
          <SelectField
            label={t('settings.theme.label')}
            value={values.theme}
            onChange={(e) => change('theme', e.target.value)}
            options={[
              { value: 'system', label: t('settings.theme.system') },
              { value: 'light', label: t('settings.theme.light') },
              { value: 'dark', label: t('settings.theme.dark') },
            ]}
          />
          <SelectField
            label={t('settings.language.label')}
            value={values.language}
            onChange={(e) => {
              if (isLanguageSetting(e.target.value)) change('language', e.target.value);
            }}
            options={[{ value: 'system', label: t('settings.language.system') }, ...languageNames]}
            hint={t('settings.language.hint')}
          />
        </fieldset>
        {serverError ? (
          <p className="settings__error" role="alert">
            {serverError}
          </p>
        ) : null}
        <div className="settings__actions">
          <Button
            type="submit"
            variant="primary"
            disabled={!dirty || hasErrors}
            busy={state === 'saving'}
          >
            {t('settings.save')}
          </Button>
          <span className="settings__saved" role="status">
            {state === 'saved' ? t('settings.saved') : ''}
          </span>
        </div>
      </form>
      <BackupSettingsSection />
    </section>
  );
}
