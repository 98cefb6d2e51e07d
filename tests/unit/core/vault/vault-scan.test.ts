import { createHmac, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  FORMAT_VERSION,
  createDocumentSerializer,
  parseDiskDocument,
  type SealedDocument,
  type SealedEntry,
} from '../../../../main/core/vault/vault-file';
import { scanSealedFile } from '../../../../main/core/vault/vault-scan';
import { documentMac, macMatches } from '../../../../main/core/vault/vault-seal';

const b64 = (n: number) => randomBytes(n).toString('base64');

function sealedDoc(entries: SealedEntry[], extra: Partial<SealedDocument> = {}): SealedDocument {
  return {
    formatVersion: FORMAT_VERSION,
    kdf: { algorithm: 'pbkdf2-sha256', iterations: 600000, salt: b64(16) },
    wrappedDek: b64(60),
    entries,
    audit: [b64(80), b64(90)],
    index: [{ id: 'e1', kind: 'pat-expiry', at: 5 }],
    mac: b64(32),
    ...extra,
  };
}

const entry = (id: string, dataBytes = 300): SealedEntry => ({
  id,
  tag: b64(16),
  data: b64(dataBytes),
});
const many = (n: number) => Array.from({ length: n }, (_, i) => entry(`id-${i.toString(16)}`));
const bytesOf = (doc: SealedDocument) => createDocumentSerializer()(doc);
const plain = (doc: SealedDocument) => ({
  ...doc,
  entries: doc.entries.map((e) => ({ id: e.id, tag: e.tag, data: e.data })),
});

/** The MAC as format 2 defines it, written the plain way (one string, one update). */
function referenceMac(doc: SealedDocument, key: Uint8Array): string {
  const sorted = [...doc.entries].sort((a, b) =>
    a.id < b.id ? -1 : a.id > b.id ? 1 : a.data < b.data ? -1 : a.data > b.data ? 1 : 0,
  );
  const text =
    `tokenvault-document|${doc.formatVersion}\n` +
    JSON.stringify([
      doc.kdf.algorithm,
      doc.kdf.iterations,
      doc.kdf.salt,
      doc.wrappedDek,
      doc.keychain?.wrappedKey ?? null,
      doc.keychain?.check ?? null,
    ]) +
    `\nentries ${sorted.length}\n` +
    sorted.map((e) => `${e.id}\0${e.tag}\0${e.data}\n`).join('') +
    `audit ${doc.audit.length}\n` +
    (doc.audit.length > 0 ? `${doc.audit.join('\n')}\n` : '');
  return createHmac('sha256', key).update(text, 'utf8').digest('base64');
}

describe('scanning a vault file in its bytes', () => {
  it.each([
    ['no entries', sealedDoc([])],
    ['one entry', sealedDoc([entry('e1')])],
    ['2,000 entries out of id order', sealedDoc(many(2000).reverse())],
    [
      'a keychain record and no audit',
      sealedDoc(many(3), { keychain: { wrappedKey: b64(40), check: b64(40) }, audit: [] }),
    ],
    ['an entry larger than a MAC chunk', sealedDoc([entry('big', 100_000), entry('small')])],
    ['an empty locked index', sealedDoc(many(2), { index: [] })],
  ])('reads what the parser reads: %s', (_name, doc) => {
    const bytes = bytesOf(doc);
    const scanned = scanSealedFile(bytes);
    expect(scanned).toBeDefined();
    expect(plain(scanned as SealedDocument)).toEqual(parseDiskDocument(bytes.toString('utf8')));
  });

  it('computes the same MAC from the bytes as from parsed text, the plain way too', () => {
    const key = randomBytes(32);
    for (const doc of [
      sealedDoc(many(2000)),
      sealedDoc([entry('big', 100_000), entry('b'), entry('a')], { audit: [b64(70_000)] }),
      sealedDoc([]),
    ]) {
      const bytes = bytesOf(doc);
      const scanned = scanSealedFile(bytes) as SealedDocument;
      const parsed = parseDiskDocument(bytes.toString('utf8')) as SealedDocument;
      const expected = referenceMac(doc, key);
      expect(documentMac(scanned, key)).toBe(expected);
      expect(documentMac(parsed, key)).toBe(expected);
      const withMac = { ...scanned, mac: expected };
      expect(macMatches(withMac, key)).toBe(true);
      expect(macMatches(withMac, randomBytes(32))).toBe(false);
    }
  });

  it('computes the MAC of text that is not ASCII (a parsed file) as UTF-8, like one update', () => {
    const key = randomBytes(32);
    const odd = sealedDoc([{ id: 'e1', tag: 'tâg', data: `dätä ${'€'.repeat(30_000)}` }], {
      audit: ['ü'.repeat(40_000)],
    });
    expect(documentMac(odd, key)).toBe(referenceMac(odd, key));
  });

  it('notices a single changed byte of sealed data (the MAC reads the bytes themselves)', () => {
    const key = randomBytes(32);
    const doc = sealedDoc(many(50));
    const bytes = bytesOf({ ...doc, mac: referenceMac(doc, key) });
    expect(macMatches(scanSealedFile(Buffer.from(bytes)) as SealedDocument, key)).toBe(true);
    const at = bytes.indexOf('"data":"', 2000, 'latin1') + 20;
    bytes[at] = bytes[at] === 0x41 ? 0x42 : 0x41;
    const scanned = scanSealedFile(bytes) as SealedDocument;
    expect(scanned).toBeDefined();
    expect(macMatches(scanned, key)).toBe(false);
  });

  const json = JSON.stringify(sealedDoc(many(3)));
  it.each([
    ['pretty-printed JSON', JSON.stringify(JSON.parse(json), null, 2)],
    [
      'entry keys in another order',
      json.replace(
        /\{"id":"(id-0)","tag":"([^"]+)","data":"([^"]+)"\}/,
        '{"tag":"$2","id":"$1","data":"$3"}',
      ),
    ],
    ['an extra field in an entry', json.replace(/("data":"[^"]+")\}/, '$1,"x":1}')],
    ['an escape in a value', json.replace('"id":"id-1"', '"id":"id\\u002d1"')],
    ['text outside ASCII', json.replace('"iterations":600000', '"iterations":600000,"note":"ü"')],
    ['a second entries key after the first', json.replace(/\}$/, ',"entries":[]}')],
    ['entries inside another value first', json.replace('"kdf":{', '"kdf":{"entries":[],')],
    ['an id the parser refuses', json.replace('"id":"id-1"', '"id":"id|1"')],
    ['empty sealed data', json.replace(/"data":"[^"]+"/, '"data":""')],
    ['a truncated file', json.slice(0, json.length - 200)],
    ['format 1', json.replace('"formatVersion":2', '"formatVersion":1')],
    ['a newer format', json.replace('"formatVersion":2', '"formatVersion":3')],
    ['an entries array left open', json.replace('],"audit"', ',"audit"')],
  ])('leaves %s to the parser', (_name, text) => {
    expect(text).not.toBe(json);
    expect(scanSealedFile(Buffer.from(text, 'utf8'))).toBeUndefined();
  });

  it('matches the parser on the files it leaves to it when they are valid', () => {
    // Valid JSON the serializer would not write: the parser reads it, and so the reader does.
    const pretty = JSON.stringify(JSON.parse(json), null, 1);
    expect(parseDiskDocument(pretty)).toEqual(parseDiskDocument(json));
  });
});
