// headers:* — masked previews and "copy headers". Main formats and writes the clipboard; the
// renderer only learns when the clipboard will be cleared, never the secret.
import type { HeadersService } from '../../export/headers.service';
import type { HandlersFor } from '../dispatch';

export interface HeadersHandlerDeps {
  headers: Pick<HeadersService, 'preview' | 'copy'>;
}

export function createHeadersHandlers(deps: HeadersHandlerDeps): HandlersFor<'headers'> {
  return {
    'headers:preview': ({ id, format }) => deps.headers.preview(id, format),
    'headers:copy': ({ id, format }) => deps.headers.copy(id, format),
  };
}
