import { describe, expect, it } from 'vitest';
import type { EntryKind } from '../../../../preload/api';
import {
  ENTRY_KINDS,
  PROVIDER_IDS,
  isEntryKind,
  isProviderId,
  kindModule,
  providerName,
} from '../../../../main/core/providers/registry';
import { KINDS, PROVIDERS, kindUi } from '../../../../renderer/features/kinds';
import { addActions, entryDetails } from '../../../../renderer/features/registry';

describe('the provider registry', () => {
  it('lists every kind once, each with a module that names its own kind', () => {
    expect(ENTRY_KINDS).toEqual([
      'faxplus-oauth',
      'faxplus-pat',
      'smsfactor-token',
      'api-key',
      'oauth2',
    ]);
    expect(PROVIDER_IDS).toEqual(['faxplus', 'smsfactor', 'api-key', 'oauth2']);
    for (const kind of ENTRY_KINDS) expect(kindModule(kind).kind).toBe(kind);
  });

  it('each module sends a bearer that is one of its sealed fields', () => {
    for (const kind of ENTRY_KINDS) {
      const m = kindModule(kind);
      expect(m.secretFields).toContain(m.bearerField);
      expect(PROVIDER_IDS).toContain(m.provider);
    }
  });

  it('only a kind the provider refreshes is re-authorizable', () => {
    expect(ENTRY_KINDS.filter((k) => kindModule(k).refreshedAccess)).toEqual([
      'faxplus-oauth',
      'oauth2',
    ]);
    expect(ENTRY_KINDS.filter((k) => kindModule(k).reauthorizable)).toEqual([
      'faxplus-oauth',
      'oauth2',
    ]);
    // A refreshed kind says when its stored token is still good enough to hand out.
    for (const kind of ENTRY_KINDS.filter((k) => kindModule(k).refreshedAccess)) {
      expect(kindModule(kind).accessFresh).toBeTypeOf('function');
    }
  });

  it('refuses what it does not know', () => {
    expect(() => kindModule('stripe-key' as EntryKind)).toThrow(/No provider module/);
    expect(isEntryKind('faxplus-pat')).toBe(true);
    expect(isEntryKind('stripe-key')).toBe(false);
    expect(isProviderId('smsfactor')).toBe(true);
    expect(isProviderId('faxplus-pat')).toBe(false);
    expect(providerName('faxplus')).toBe('Fax.Plus');
    expect(providerName('api-key')).toBe('API key');
  });

  it('the renderer knows the same kinds and providers, each with a detail panel', () => {
    expect(KINDS).toEqual(ENTRY_KINDS);
    expect(PROVIDERS).toEqual(PROVIDER_IDS);
    for (const kind of KINDS) {
      expect(kindUi(kind).provider).toBe(kindModule(kind).provider);
      expect(entryDetails[kind]).toBeDefined();
    }
    expect(addActions.map((a) => a.id)).toEqual([
      'faxplus-connect',
      'faxplus-pat',
      'smsfactor-token',
      'api-key',
      'oauth2',
    ]);
  });
});
