// Small pieces the SMSFactor dialogs and the detail share: the form-level error and the
// account an add or verify found.
import type { AccountInfo, ApiError } from '../../../preload/api';
import { errorText } from '../../i18n/api-errors';
import { t } from '../../i18n/i18n';

/** An error that belongs to no single field (network, SMSFactor down, locked vault). */
export function FormError({ error }: { error: ApiError | undefined }) {
  if (!error) return null;
  return (
    <p className="sf-form__error" role="alert">
      {errorText(error)}
    </p>
  );
}

export function AccountSummary({ account }: { account: AccountInfo | undefined }) {
  if (!account) return null;
  const rows: [string, string | undefined][] = [
    [t('smsfactor.account.email'), account.email],
    [t('smsfactor.account.company'), account.company],
    [t('smsfactor.account.credits'), account.credits],
    [t('smsfactor.account.id'), account.id],
  ];
  return (
    <dl className="sf-facts" data-testid="smsfactor-account">
      {rows
        .filter((row): row is [string, string] => row[1] !== undefined && row[1] !== '')
        .map(([name, value]) => (
          <div className="sf-facts__row" key={name}>
            <dt>{name}</dt>
            <dd>{value}</dd>
          </div>
        ))}
    </dl>
  );
}
