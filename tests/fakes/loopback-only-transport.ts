import type { HttpRequest, HttpResponse, HttpTransport } from '../../main/core/ports';
import { fetchTransport } from '../../main/core/providers/http';

/**
 * Real HTTP, but only to 127.0.0.1 (the sandbox providers). Any other host fails as a
 * connection error would, so no test can reach a real provider by mistake.
 */
export class LoopbackOnlyTransport implements HttpTransport {
  readonly requests: HttpRequest[] = [];

  constructor(private readonly inner: HttpTransport = fetchTransport) {}

  async send(request: HttpRequest): Promise<HttpResponse> {
    this.requests.push(request);
    const host = new URL(request.url).hostname;
    if (host !== '127.0.0.1') {
      throw new Error(`tests may only call 127.0.0.1, not ${host}`);
    }
    return this.inner.send(request);
  }
}
