// The providers' dialogs and panels, keyed by what they add or show. It imports the provider
// features; they import only the prop types from provider-ui.ts, so nothing imports in a
// circle. Kind data (names, deadlines) is in kinds.ts.
import type { ComponentType } from 'react';
import type { EntryKind } from '../../preload/api';
import { ApiKeyAddDialog } from './api-key/api-key-add.dialog';
import { ApiKeyDetail } from './api-key/api-key.detail';
import { FaxplusConnectDialog } from './faxplus/faxplus-connect.dialog';
import { FaxplusDetailPanel } from './faxplus/faxplus-detail.panel';
import { FaxplusPatDialog } from './faxplus/faxplus-pat.dialog';
import { OAuth2ConnectDialog } from './oauth2/oauth2-connect.dialog';
import { OAuth2Detail } from './oauth2/oauth2.detail';
import type { AddAction, EntryDetailProps } from './provider-ui';
import { SmsfactorAddDialog } from './smsfactor/smsfactor-add.dialog';
import { SmsfactorDetail } from './smsfactor/smsfactor.detail';

export type { AddAction, AddDialogProps, EntryDetailProps } from './provider-ui';

export const addActions: readonly AddAction[] = [
  { id: 'faxplus-connect', labelKey: 'add.faxplusConnect', Dialog: FaxplusConnectDialog },
  { id: 'faxplus-pat', labelKey: 'add.faxplusPat', Dialog: FaxplusPatDialog },
  { id: 'smsfactor-token', labelKey: 'add.smsfactorToken', Dialog: SmsfactorAddDialog },
  { id: 'api-key', labelKey: 'add.apiKey', Dialog: ApiKeyAddDialog },
  { id: 'oauth2', labelKey: 'add.oauth2', Dialog: OAuth2ConnectDialog },
];

/** Detail panels by entry kind; a kind without one shows no "Details" button. */
export const entryDetails: Partial<Record<EntryKind, ComponentType<EntryDetailProps>>> = {
  'faxplus-oauth': FaxplusDetailPanel,
  'faxplus-pat': FaxplusDetailPanel,
  'smsfactor-token': SmsfactorDetail,
  'api-key': ApiKeyDetail,
  oauth2: OAuth2Detail,
};
