// The full handler table, one factory per feature. Each feature file exports
// `create<Feature>Handlers(deps: <Feature>HandlerDeps): HandlersFor<'<feature>'>`; combining
// them here gives `Handlers`, so a channel nobody answers is a compile error.
import type { Handlers } from '../dispatch';
import { createApiKeyHandlers, type ApiKeyHandlerDeps } from './api-key.handlers';
import { createBackupHandlers, type BackupHandlerDeps } from './backup.handlers';
import { createKeychainHandlers, type KeychainHandlerDeps } from './keychain.handlers';
import { createOAuth2Handlers, type OAuth2HandlerDeps } from './oauth2.handlers';
import { createFaxplusHandlers, type FaxplusHandlerDeps } from './faxplus.handlers';
import { createHeadersHandlers, type HeadersHandlerDeps } from './headers.handlers';
import { createRemindersHandlers, type RemindersHandlerDeps } from './reminders.handlers';
import { createSettingsHandlers, type SettingsApi } from './settings.handlers';
import { createSmsfactorHandlers, type SmsfactorHandlerDeps } from './smsfactor.handlers';
import { createTeamHandlers, type TeamHandlerDeps } from './team.handlers';
import { createTokensHandlers, type TokensHandlerDeps } from './tokens.handlers';
import { createVaultHandlers, type VaultHandlerDeps } from './vault.handlers';

export interface HandlerDeps {
  vault: VaultHandlerDeps;
  settings: { settings: SettingsApi };
  tokens: TokensHandlerDeps;
  faxplus: FaxplusHandlerDeps;
  smsfactor: SmsfactorHandlerDeps;
  apiKey: ApiKeyHandlerDeps;
  oauth2: OAuth2HandlerDeps;
  headers: HeadersHandlerDeps;
  reminders: RemindersHandlerDeps;
  backup: BackupHandlerDeps;
  keychain: KeychainHandlerDeps;
  team: TeamHandlerDeps;
}

export function createHandlers(deps: HandlerDeps): Handlers {
  return {
    ...createVaultHandlers(deps.vault),
    ...createSettingsHandlers(deps.settings),
    ...createTokensHandlers(deps.tokens),
    ...createFaxplusHandlers(deps.faxplus),
    ...createSmsfactorHandlers(deps.smsfactor),
    ...createApiKeyHandlers(deps.apiKey),
    ...createOAuth2Handlers(deps.oauth2),
    ...createHeadersHandlers(deps.headers),
    ...createRemindersHandlers(deps.reminders),
    ...createBackupHandlers(deps.backup),
    ...createKeychainHandlers(deps.keychain),
    ...createTeamHandlers(deps.team),
  };
}
