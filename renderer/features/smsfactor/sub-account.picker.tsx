// The sub-account of the mint form: picked from SMSFactor's list (GET /sub-accounts through
// the parent token) or typed as digits when the list is empty, fails, or lacks the one wanted.
import { useEffect, useState } from 'react';
import type { ApiError, SubAccount } from '../../../preload/api';
import { errorText } from '../../i18n/api-errors';
import { t } from '../../i18n/i18n';
import { Button } from '../../ui/button';
import { Progress } from '../../ui/progress';
import { SelectField } from '../../ui/select-field';
import { TextField } from '../../ui/text-field';
import { settle, useApi } from '../../vault-client';

export interface SubAccountPickerProps {
  parentId: string;
  value: string;
  onChange: (id: string) => void;
  error?: string | undefined;
  disabled?: boolean;
}

function describe(sub: SubAccount): string {
  const who = [sub.name, sub.email].filter(Boolean).join(' · ');
  return who ? `${who} (${sub.id})` : sub.id;
}

export function SubAccountPicker({
  parentId,
  value,
  onChange,
  error,
  disabled,
}: SubAccountPickerProps) {
  const api = useApi();
  const [subs, setSubs] = useState<SubAccount[] | undefined>();
  const [loadError, setLoadError] = useState<ApiError | undefined>();
  const [typing, setTyping] = useState(false);

  useEffect(() => {
    let current = true;
    void settle(() => api.listSmsfactorSubAccounts({ parentId })).then((result) => {
      if (!current) return;
      if (result.ok) {
        setSubs(result.value);
        if (result.value.length === 0) setTyping(true);
      } else {
        setLoadError(result.error);
        setTyping(true);
      }
    });
    return () => {
      current = false;
    };
  }, [api, parentId]);

  const loading = subs === undefined && loadError === undefined;
  const listed = subs !== undefined && subs.length > 0;

  return (
    <div className="sf-sub">
      {loading ? <Progress>{t('smsfactor.sub.loading')}</Progress> : null}
      {loadError ? (
        <p className="field__hint" role="status">
          {t('smsfactor.sub.failed', { message: errorText(loadError) })}
        </p>
      ) : null}
      {subs !== undefined && subs.length === 0 ? (
        <p className="field__hint" role="status">
          {t('smsfactor.sub.none')}
        </p>
      ) : null}
      {listed && !typing ? (
        <>
          <SelectField
            label={t('smsfactor.field.subAccount')}
            value={value}
            disabled={disabled}
            hint={t('smsfactor.field.subAccount.hint')}
            options={[
              { value: '', label: t('smsfactor.field.subAccount.pick') },
              ...subs.map((sub) => ({ value: sub.id, label: describe(sub) })),
            ]}
            onChange={(e) => onChange(e.target.value)}
          />
          {error ? (
            <p className="field__error sf-sub__error" role="alert">
              {error}
            </p>
          ) : null}
        </>
      ) : null}
      {typing || (!loading && !listed) ? (
        <TextField
          label={t('smsfactor.field.subAccount.typed')}
          inputMode="numeric"
          autoComplete="off"
          value={value}
          disabled={disabled}
          error={error}
          onChange={(e) => onChange(e.target.value)}
        />
      ) : null}
      {listed ? (
        <Button variant="ghost" className="sf-sub__switch" onClick={() => setTyping(!typing)}>
          {typing ? t('smsfactor.sub.pickInstead') : t('smsfactor.sub.typeInstead')}
        </Button>
      ) : null}
    </div>
  );
}
