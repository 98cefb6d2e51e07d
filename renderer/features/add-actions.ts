// The registry of "add a token" actions shown in the empty state and the list toolbar.
// A provider feature plugs its form in by replacing `Dialog` of its action here, e.g.
//   import { FaxplusConnectDialog } from './faxplus/faxplus-connect.dialog';
//   { id: 'faxplus-connect', labelKey: 'add.faxplusConnect', Dialog: FaxplusConnectDialog },
// The dialog gets AddDialogProps; it calls onDone once the entry exists (the list refreshes
// itself from main's entries-changed event) or onClose when the user gives up.
import type { ComponentType } from 'react';
import type { EntryKind, EntryView } from '../../preload/api';
import type { MessageKey } from '../i18n/en';
import { FaxplusConnectDialog } from './faxplus/faxplus-connect.dialog';
import { FaxplusDetailPanel } from './faxplus/faxplus-detail.panel';
import { FaxplusPatDialog } from './faxplus/faxplus-pat.dialog';
import { SmsfactorAddDialog } from './smsfactor/smsfactor-add.dialog';
import { SmsfactorDetail } from './smsfactor/smsfactor.detail';

export interface AddDialogProps {
  /** The action's label, usable as the dialog title. */
  title: string;
  onClose: () => void;
  /** Called after main stored the new entry; the frame closes the dialog and shows a toast. */
  onDone: (entry?: EntryView) => void;
}

export interface AddAction {
  id: 'faxplus-connect' | 'faxplus-pat' | 'smsfactor-token' | (string & {});
  labelKey: MessageKey;
  Dialog: ComponentType<AddDialogProps>;
}

export const addActions: readonly AddAction[] = [
  { id: 'faxplus-connect', labelKey: 'add.faxplusConnect', Dialog: FaxplusConnectDialog },
  { id: 'faxplus-pat', labelKey: 'add.faxplusPat', Dialog: FaxplusPatDialog },
  { id: 'smsfactor-token', labelKey: 'add.smsfactorToken', Dialog: SmsfactorAddDialog },
];

/** Props of a provider's entry detail, shown under its row once the user opens "Details". */
export interface EntryDetailProps {
  entry: EntryView;
  now: number;
}

/**
 * Detail panels by entry kind; a kind without one shows no "Details" button. A provider
 * feature plugs its panel in here, as with the add dialogs above.
 */
export const entryDetails: Partial<Record<EntryKind, ComponentType<EntryDetailProps>>> = {
  'faxplus-oauth': FaxplusDetailPanel,
  'faxplus-pat': FaxplusDetailPanel,
  'smsfactor-token': SmsfactorDetail,
};
