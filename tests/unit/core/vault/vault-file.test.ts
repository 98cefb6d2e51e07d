import { describe, expect, it } from 'vitest';
import type { AuditRecord } from '../../../../preload/api';
import {
  CorruptVaultError,
  FORMAT_VERSION,
  MAX_AUDIT_RECORDS,
  appendAudit,
  createDocumentSerializer,
  parseVaultDocument,
  type VaultDocument,
} from '../../../../main/core/vault/vault-file';

const doc: VaultDocument = {
  formatVersion: FORMAT_VERSION,
  kdf: { algorithm: 'pbkdf2-sha256', iterations: 600000, salt: 'AAAAAAAAAAAAAAAAAAAAAA==' },
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

describe('vault document v1', () => {
  it('round-trips through the serializer, byte-equal to JSON.stringify', () => {
    const serialize = createDocumentSerializer();
    const bytes = serialize(doc);
    expect(bytes.toString('utf8')).toBe(JSON.stringify(doc));
    expect(parseVaultDocument(bytes.toString('utf8'))).toEqual(doc);
    const grown = {
      ...doc,
      entries: [
        ...doc.entries,
        { ...doc.entries[0], id: 'e2' } as VaultDocument['entries'][number],
      ],
    };
    expect(serialize(grown).toString('utf8')).toBe(JSON.stringify(grown));
  });

  it.each([
    ['truncated JSON', JSON.stringify(doc).slice(0, 40), /not valid JSON/],
    ['JSON that is not a vault', '{"theme":"dark"}', /format version/],
    ['an array', '[1,2]', /not a vault/],
    ['a vault missing its key', JSON.stringify({ ...doc, wrappedDek: undefined }), /wrappedDek/],
    [
      'an entry of unknown kind',
      JSON.stringify({ ...doc, entries: [{ ...doc.entries[0], kind: 'x' }] }),
      /entries/,
    ],
    ['a newer format', JSON.stringify({ ...doc, formatVersion: 99 }), /newer version/],
  ])('calls %s corrupt', (_name, text, message) => {
    expect(() => parseVaultDocument(text)).toThrow(CorruptVaultError);
    expect(() => parseVaultDocument(text)).toThrow(message);
  });

  it('runs migrations from older formats', () => {
    const old = { ...doc, formatVersion: 0, entries: undefined, items: doc.entries };
    const steps = {
      0: (d: Record<string, unknown>) => ({ ...d, entries: d['items'], items: undefined }),
    };
    expect(parseVaultDocument(JSON.stringify(old), steps).entries).toHaveLength(1);
    expect(() => parseVaultDocument(JSON.stringify(old))).toThrow(/No migration from format 0/);
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
