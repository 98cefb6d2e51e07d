import { describe, expect, it } from 'vitest';
import type { AuditRecord } from '../../../../preload/api';
import {
  CorruptVaultError,
  FORMAT_VERSION,
  LEGACY_FORMAT_VERSION,
  MAX_AUDIT_RECORDS,
  appendAudit,
  createDocumentSerializer,
  parseDiskDocument,
  type LegacyDocument,
  type SealedDocument,
} from '../../../../main/core/vault/vault-file';

const sealed: SealedDocument = {
  formatVersion: FORMAT_VERSION,
  kdf: { algorithm: 'pbkdf2-sha256', iterations: 600000, salt: 'AAAAAAAAAAAAAAAAAAAAAA==' },
  wrappedDek: 'c2VhbGVk',
  entries: [{ id: 'e1', tag: 'dGFn', data: 'c2VhbGVkIGVudHJ5' }],
  audit: ['c2VhbGVkIHJlY29yZA=='],
  index: [{ id: 'e1', kind: 'pat-expiry', at: 5 }],
  mac: 'bWFj',
};

const legacy: LegacyDocument = {
  formatVersion: LEGACY_FORMAT_VERSION,
  kdf: sealed.kdf,
  wrappedDek: 'c2VhbGVk',
  entries: [
    {
      id: 'e1',
      label: 'billing ü',
      provider: 'faxplus',
      kind: 'faxplus-pat',
      status: 'active',
      createdAt: 1,
      updatedAt: 2,
      expiresAt: null,
      scopes: ['all'],
      secrets: { pat: 'c2VhbGVk' },
    },
  ],
  audit: [{ at: 3, entryId: 'e1', label: 'billing ü', action: 'created' }],
};

describe('vault file, format 2', () => {
  it('round-trips through the serializer, byte-equal to JSON.stringify, KDF first', () => {
    const serialize = createDocumentSerializer();
    const text = serialize(sealed).toString('utf8');
    expect(text).toBe(JSON.stringify(sealed));
    expect(text.startsWith('{"formatVersion":2,"kdf":{')).toBe(true);
    expect(parseDiskDocument(text)).toEqual(sealed);
    const grown = {
      ...sealed,
      keychain: { wrappedKey: 'd3JhcA==', check: 'Y2hlY2s=' },
      entries: [...sealed.entries, { id: 'e2', tag: 'dGFnMg==', data: 'bW9yZQ==' }],
    };
    const again = serialize(grown).toString('utf8');
    expect(JSON.parse(again)).toEqual(grown);
    expect(parseDiskDocument(again)).toEqual(grown);
  });

  it.each([
    ['truncated JSON', JSON.stringify(sealed).slice(0, 40), /not valid JSON/],
    ['JSON that is not a vault', '{"theme":"dark"}', /format version/],
    ['an array', '[1,2]', /not a vault/],
    ['a vault missing its key', JSON.stringify({ ...sealed, wrappedDek: undefined }), /wrappedDek/],
    [
      'an entry in clear',
      JSON.stringify({ ...sealed, entries: legacy.entries }),
      /entries\.0\.tag/,
    ],
    [
      'an entry id with odd characters',
      JSON.stringify({ ...sealed, entries: [{ id: 'a|b', data: 'eA==' }] }),
      /entries\.0\.id/,
    ],
    ['a missing MAC', JSON.stringify({ ...sealed, mac: undefined }), /mac/],
    [
      'a newer format',
      JSON.stringify({ ...sealed, formatVersion: 3 }),
      /newer version of Token Vault \(format 3\); update/,
    ],
    ['format 0', JSON.stringify({ ...sealed, formatVersion: 0 }), /No migration from format 0/],
  ])('calls %s corrupt', (_name, text, message) => {
    expect(() => parseDiskDocument(text)).toThrow(CorruptVaultError);
    expect(() => parseDiskDocument(text)).toThrow(message);
  });

  it('drops a locked index it cannot read instead of refusing the vault (it is rebuilt on unlock)', () => {
    for (const index of [
      {},
      [{ id: 'e1', kind: 'nonsense', at: 1 }],
      [{ id: 'e1', kind: 'pat-expiry', at: 'soon' }],
    ]) {
      expect(parseDiskDocument(JSON.stringify({ ...sealed, index })).formatVersion).toBe(2);
      expect(
        (parseDiskDocument(JSON.stringify({ ...sealed, index })) as SealedDocument).index,
      ).toEqual([]);
    }
  });

  it('still reads format 1 (metadata in clear), checked in full, for its conversion', () => {
    expect(parseDiskDocument(JSON.stringify(legacy))).toEqual(legacy);
    const badKind = { ...legacy, entries: [{ ...legacy.entries[0], kind: 'x' }] };
    expect(() => parseDiskDocument(JSON.stringify(badKind))).toThrow(/entries\.0\.kind/);
  });

  it('keeps the audit log bounded, newest last', () => {
    let audit: AuditRecord[] = [];
    for (let i = 0; i < MAX_AUDIT_RECORDS + 5; i++) {
      audit = appendAudit(audit, { at: i, entryId: 'e', label: 'l', action: 'copied' });
    }
    expect(audit).toHaveLength(MAX_AUDIT_RECORDS);
    expect(audit.at(-1)?.at).toBe(MAX_AUDIT_RECORDS + 4);
  });
});
