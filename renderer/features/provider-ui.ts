// What the shared screens need from each entry kind, as types only: provider features import
// these (their dialogs and panels), features/kinds.ts lists the kinds' data and
// features/registry.ts their dialogs and panels. Nothing here imports a provider, so the
// registries import the providers and never the other way round.
import type { ComponentType } from 'react';
import type { EntryKind, EntryView, ProviderId } from '../../preload/api';
import type { MessageKey } from '../i18n/en';

export interface AddDialogProps {
  /** The action's label, usable as the dialog title. */
  title: string;
  onClose: () => void;
  /** Called after main stored the new entry; the frame closes the dialog and shows a toast. */
  onDone: (entry?: EntryView) => void;
}

/** An "add a token" action in the empty state and the list toolbar. */
export interface AddAction {
  id: string;
  labelKey: MessageKey;
  Dialog: ComponentType<AddDialogProps>;
}

/** Props of a provider's entry detail, shown under its row once the user opens "Details". */
export interface EntryDetailProps {
  entry: EntryView;
  now: number;
}

export type Tone = 'ok' | 'warning' | 'danger' | 'muted';

/** One row of the detail's Expiry section. */
export interface DeadlineRow {
  key: MessageKey;
  /** epoch ms; null = never; undefined = unknown. */
  at: number | null | undefined;
  /** Shown instead of "Does not expire" / "Unknown" when there is no date. */
  fallback?: MessageKey;
}

/** The catalog keys a row uses for the deadline that matters. */
export interface ExpiryKeys {
  /** No date: "Does not expire", "Expiry unknown", … and how calm that is. */
  none: MessageKey;
  noneTone: Tone;
  future: MessageKey;
  past: MessageKey;
}

// Method syntax on purpose: a kind's module then stands where any kind is expected.
export interface KindUi<E extends EntryView = EntryView> {
  readonly kind: EntryKind;
  readonly provider: ProviderId;
  readonly nameKey: MessageKey;
  readonly providerNameKey: MessageKey;
  /** A past deadline means "re-authorize" (OAuth) rather than "expired". */
  readonly reauthorizable: boolean;
  readonly expiryKeys: ExpiryKeys;
  /** The deadline the user must act on; null = none. */
  deadlineAt(entry: E): number | null;
  /** When the provider revoked it (a field of its own), if it did. */
  revokedAt(entry: E): number | undefined;
  /** The provider's id for the credential (shown, and searchable), if it has one. */
  remoteId(entry: E): string | undefined;
  /** Every deadline of the entry, for the detail's Expiry section. */
  deadlines(entry: E): DeadlineRow[];
  /** Whether the vault can revoke it at the provider before deleting it. */
  canRevoke(entry: E): boolean;
  /** Whether "Verify" can check it (an API key needs a verification URL). */
  canVerify(entry: E): boolean;
  /** Who issued it, in words, where that is not the provider's name (an API key's service). */
  issuer?(entry: E): string;
}
