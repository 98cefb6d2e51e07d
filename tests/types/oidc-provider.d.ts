// The part of node-oidc-provider (a devDependency that ships no types) the real-server tests
// use: a Provider built from an issuer and a configuration, served by a plain Node server.
declare module 'oidc-provider' {
  import type { IncomingMessage, ServerResponse } from 'node:http';

  export interface ProviderClient {
    grantTypeAllowed(grantType: string): boolean;
  }

  export interface Configuration {
    clients?: Record<string, unknown>[];
    features?: Record<string, { enabled: boolean }>;
    pkce?: { required?: () => boolean };
    issueRefreshToken?: (ctx: unknown, client: ProviderClient) => boolean | Promise<boolean>;
    rotateRefreshToken?: () => boolean;
    cookies?: { keys?: string[] };
  }

  export default class Provider {
    constructor(issuer: string, configuration?: Configuration);
    callback(): (req: IncomingMessage, res: ServerResponse) => void;
  }
}
