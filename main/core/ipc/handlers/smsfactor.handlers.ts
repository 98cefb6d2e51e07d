// smsfactor:* channels. The dispatcher has already checked the sender and the payload shape;
// here the service does the semantic checks, and its field errors become IpcError so the form
// can show them beside the field.
import type { MintedToken } from '../../../../preload/api';
import {
  MintedTokenNotSavedError,
  SmsfactorValidationError,
} from '../../providers/smsfactor/smsfactor.errors';
import type { SmsfactorService } from '../../providers/smsfactor/smsfactor.service';
import type { HandlersFor } from '../dispatch';
import { IpcError } from '../ipc.errors';

export interface SmsfactorHandlerDeps {
  smsfactor: SmsfactorService;
}

async function withFields<T>(work: () => Promise<T> | T): Promise<T> {
  try {
    return await work();
  } catch (err) {
    if (err instanceof SmsfactorValidationError)
      throw new IpcError('invalid-input', err.message, err.field);
    throw err;
  }
}

export function createSmsfactorHandlers(deps: SmsfactorHandlerDeps): HandlersFor<'smsfactor'> {
  const { smsfactor } = deps;
  return {
    'smsfactor:add-token': (req) => withFields(() => smsfactor.addToken(req)),
    'smsfactor:mint': (req) =>
      withFields(async (): Promise<MintedToken> => {
        try {
          return await smsfactor.mint(req);
        } catch (err) {
          // The vault failed after SMSFactor made the token. The token exists nowhere else,
          // so this reply is the one place it is shown: the contract's MintedToken exception.
          if (err instanceof MintedTokenNotSavedError) {
            return { entry: err.draft, token: err.token, unsavedReason: err.message };
          }
          throw err;
        }
      }),
    'smsfactor:list-remote': (req) => withFields(() => smsfactor.listRemote(req.parentId)),
    'smsfactor:sub-accounts': (req) => withFields(() => smsfactor.subAccounts(req.parentId)),
    'smsfactor:revoke': (req) => withFields(() => smsfactor.revoke(req.id)),
    'smsfactor:set-format': (req) => withFields(() => smsfactor.setFormat(req.id, req.format)),
  };
}
