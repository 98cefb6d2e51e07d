// IPC handlers of the faxplus:* channels. dispatch.ts has already checked the sender and
// parsed the payload; these only call the Fax.Plus service and give form errors their field.
import type { HandlersFor } from '../dispatch';
import { IpcError } from '../ipc.errors';
import type { FaxplusService } from '../../providers/faxplus/faxplus.service';
import { FaxplusInputError } from '../../providers/faxplus/faxplus.validation';

export interface FaxplusHandlerDeps {
  faxplus: Pick<FaxplusService, 'connect' | 'reauthorize' | 'cancel' | 'redirectUri' | 'addPat'>;
}

/** Keeps the field name of a form error so the dialog shows it beside the right input. */
async function withField<T>(run: () => Promise<T> | T): Promise<T> {
  try {
    return await run();
  } catch (err) {
    if (err instanceof FaxplusInputError)
      throw new IpcError('invalid-input', err.message, err.field);
    throw err;
  }
}

export function createFaxplusHandlers(deps: FaxplusHandlerDeps): HandlersFor<'faxplus'> {
  const { faxplus } = deps;
  return {
    'faxplus:connect': (req) => withField(() => faxplus.connect(req)),
    'faxplus:reauthorize': (req) => withField(() => faxplus.reauthorize(req.id)),
    'faxplus:cancel-connect': (req) => faxplus.cancel(req.flowId),
    'faxplus:redirect-uri': (req) => faxplus.redirectUri(req.redirectMode),
    'faxplus:add-pat': (req) => withField(() => faxplus.addPat(req)),
  };
}
