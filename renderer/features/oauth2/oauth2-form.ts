// The OAuth 2.0 connect dialog's choices, inline checks and request. Main checks it all again
// (oauth2.service.ts); these only show a mistake before the browser round trip. Pure.
import type { OAuth2ClientAuth, RedirectMode, Req } from '../../../preload/api';
import type { MessageKey } from '../../i18n/en';

/** A profile id, or another server by issuer or by explicit endpoints. */
export type ServerChoice = string;
export const ISSUER = 'issuer';
export const EXPLICIT = 'explicit';

export interface OAuth2Form {
  label: string;
  server: ServerChoice;
  issuer: string;
  authorizeUrl: string;
  tokenUrl: string;
  revocationUrl: string;
  clientId: string;
  clientSecret: string;
  clientAuth: OAuth2ClientAuth | 'auto';
  scopes: string;
  redirectMode: RedirectMode;
  refreshDays: string;
  verifyUrl: string;
}

export const EMPTY_FORM: OAuth2Form = {
  label: '',
  server: 'github',
  issuer: '',
  authorizeUrl: '',
  tokenUrl: '',
  revocationUrl: '',
  clientId: '',
  clientSecret: '',
  clientAuth: 'auto',
  scopes: '',
  redirectMode: 'loopback',
  refreshDays: '',
  verifyUrl: '',
};

export type OAuth2Field =
  | 'label'
  | 'issuer'
  | 'authorizeUrl'
  | 'tokenUrl'
  | 'revocationUrl'
  | 'clientId'
  | 'clientSecret'
  | 'scopes'
  | 'refreshDays'
  | 'verifyUrl';

export const FIELDS: readonly OAuth2Field[] = [
  'label',
  'issuer',
  'authorizeUrl',
  'tokenUrl',
  'revocationUrl',
  'clientId',
  'clientSecret',
  'scopes',
  'refreshDays',
  'verifyUrl',
];

export type OAuth2Errors = Partial<Record<OAuth2Field, MessageKey>>;

const URL_SHAPE = /^https?:\/\/[^\s/]+/i;

export function checkOAuth2Form(form: OAuth2Form): OAuth2Errors {
  const errors: OAuth2Errors = {};
  if (!form.label.trim()) errors.label = 'oauth2.error.label';
  if (!form.clientId.trim()) errors.clientId = 'oauth2.error.clientId';
  if (form.server === ISSUER && !URL_SHAPE.test(form.issuer.trim())) {
    errors.issuer = 'oauth2.error.url';
  }
  if (form.server === EXPLICIT) {
    if (!URL_SHAPE.test(form.authorizeUrl.trim())) errors.authorizeUrl = 'oauth2.error.url';
    if (!URL_SHAPE.test(form.tokenUrl.trim())) errors.tokenUrl = 'oauth2.error.url';
    const revocation = form.revocationUrl.trim();
    if (revocation && !URL_SHAPE.test(revocation)) errors.revocationUrl = 'oauth2.error.url';
  }
  const days = form.refreshDays.trim();
  if (days && !(/^\d{1,4}$/.test(days) && Number(days) >= 1 && Number(days) <= 3650)) {
    errors.refreshDays = 'oauth2.error.days';
  }
  const verify = form.verifyUrl.trim();
  if (verify && !URL_SHAPE.test(verify)) errors.verifyUrl = 'oauth2.error.url';
  return errors;
}

export const hasErrors = (errors: OAuth2Errors): boolean => Object.keys(errors).length > 0;

export function toRequest(form: OAuth2Form): Req<'oauth2:connect'> {
  const scopes = form.scopes.split(/[\s,]+/).filter(Boolean);
  const secret = form.clientSecret.trim();
  const days = form.refreshDays.trim();
  const verify = form.verifyUrl.trim();
  const server =
    form.server === ISSUER
      ? { issuer: form.issuer.trim() }
      : form.server === EXPLICIT
        ? {
            authorizeUrl: form.authorizeUrl.trim(),
            tokenUrl: form.tokenUrl.trim(),
            ...(form.revocationUrl.trim() ? { revocationUrl: form.revocationUrl.trim() } : {}),
          }
        : { profile: form.server };
  return {
    label: form.label.trim(),
    ...server,
    clientId: form.clientId.trim(),
    ...(secret ? { clientSecret: secret } : {}),
    ...(form.clientAuth !== 'auto' ? { clientAuth: form.clientAuth } : {}),
    scopes,
    redirectMode: form.redirectMode,
    ...(days ? { refreshDays: Number(days) } : {}),
    ...(verify ? { verifyUrl: verify } : {}),
  };
}
