// oauth2:* channels. The dispatcher has already checked the sender and the payload shape; the
// service checks the rest, and its field errors keep their field on the way out.
import type { OAuth2ProfileInfo } from '../../../../preload/api';
import { OAUTH2_PROFILES } from '../../providers/oauth2/oauth2.profiles';
import type { OAuth2Service } from '../../providers/oauth2/oauth2.service';
import type { HandlersFor } from '../dispatch';

export interface OAuth2HandlerDeps {
  oauth2: Pick<OAuth2Service, 'connect' | 'reauthorize' | 'cancel' | 'redirectUri'>;
}

export const profileInfos = (): OAuth2ProfileInfo[] =>
  OAUTH2_PROFILES.map((p) => ({
    id: p.id,
    name: p.name,
    defaultScopes: [...p.defaultScopes],
    clientAuth: p.clientAuth,
    discovery: p.issuer !== undefined,
    note: p.note,
  }));

export function createOAuth2Handlers({ oauth2 }: OAuth2HandlerDeps): HandlersFor<'oauth2'> {
  return {
    'oauth2:connect': (req) => oauth2.connect(req),
    'oauth2:reauthorize': ({ id }) => oauth2.reauthorize(id),
    'oauth2:cancel-connect': ({ flowId }) => oauth2.cancel(flowId),
    'oauth2:redirect-uri': ({ redirectMode }) => oauth2.redirectUri(redirectMode),
    'oauth2:profiles': () => profileInfos(),
  };
}
