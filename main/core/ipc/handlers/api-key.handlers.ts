// apikey:* channels. The dispatcher has already checked the sender and the payload shape; the
// service does the rest, and its field errors (ApiKeyInputError) keep their field on the way
// out (ipc.errors.ts), so the dialog shows each beside its input.
import type { ApiKeyService } from '../../providers/api-key/api-key.service';
import type { HandlersFor } from '../dispatch';

export interface ApiKeyHandlerDeps {
  apiKeys: Pick<ApiKeyService, 'add'>;
}

export function createApiKeyHandlers({ apiKeys }: ApiKeyHandlerDeps): HandlersFor<'apikey'> {
  return {
    'apikey:add': (req) => apiKeys.add(req),
  };
}
