// The file MAC (vault-file-mac.ts): every save ends the file with an HMAC over its exact
// bytes, and the read path (VaultFileReader) that verifies it finds entries and the listing
// in the bytes instead of scanning every entry. What a user relies on: the same answers as
// the app, and any change to the file still sends the reader to the document MAC, which
// reports tampering exactly as before.
import * as fs from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { NativeOpener } from '../../../../main/core/vault/native-opener';
import { CorruptVaultError, parseDiskDocument } from '../../../../main/core/vault/vault-file';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import {
  FILE_MAC_BYTES,
  fileMacMatches,
  hasFileMac,
  readVaultBytes,
} from '../../../../main/core/vault/vault-file-mac';
import { withFileMac } from '../../../support/vault-file-tool';
import { readVaultEnds, VerifiedFile } from '../../../../main/core/vault/vault-scan';
import { unwrapDek } from '../../../../main/core/vault/vault-keys';
import { VaultFileReader } from '../../../../main/core/vault/vault-reader';
import { fileMacKeyOf, macKeyOf } from '../../../../main/core/vault/vault-seal';
import { PASSWORD, makeVault, patEntry, smsEntry, tempDir } from './vault-helpers';

let dir: string;
beforeEach(() => {
  dir = tempDir();
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

async function savedVault() {
  const made = makeVault(dir);
  await made.vault.create(PASSWORD);
  made.vault.add(patEntry('billing'), { pat: 'alohi_pat_FILEMAC' });
  made.vault.add(smsEntry('alerts'), { token: 'sf_FILEMAC' });
  made.vault.add(smsEntry('billing'), { token: 'sf_SECOND_BILLING' });
  const bytes = fs.readFileSync(made.path);
  const dek = await unwrapDek(
    new NativeOpener(),
    parseDiskDocument(bytes.toString('utf8')),
    PASSWORD,
  );
  return { ...made, bytes, dek };
}

async function unlocked(path: string): Promise<VaultFileReader> {
  const reader = VaultFileReader.open(path);
  if (!reader) throw new Error('the reader refused the file');
  await reader.unlock(PASSWORD);
  return reader;
}

/** The file with the text `from` replaced by `to` once (the file MAC is left as it was). */
function edit(path: string, from: string, to: string): void {
  const text = fs.readFileSync(path, 'latin1');
  expect(text).toContain(from);
  fs.writeFileSync(path, text.replace(from, to), { encoding: 'latin1', mode: 0o600 });
}

describe('the file MAC', () => {
  it('ends every save, verifies only under its own key, and names nothing', async () => {
    const { bytes, dek, vault, path } = await savedVault();
    expect(bytes.toString('latin1')).toMatch(/,"fileMac":"[A-Za-z0-9+/]{43}="\}$/);
    expect(hasFileMac(bytes)).toBe(true);
    expect(fileMacMatches(bytes, fileMacKeyOf(dek))).toBe(true);
    // Not the document MAC's key, nor the data key: each MAC has its own.
    expect(fileMacMatches(bytes, macKeyOf(dek))).toBe(false);
    expect(fileMacMatches(bytes, dek)).toBe(false);
    // The next save writes a new one over the new bytes.
    vault.add(smsEntry('later'), { token: 'sf_LATER' });
    const next = fs.readFileSync(path);
    expect(fileMacMatches(next, fileMacKeyOf(dek))).toBe(true);
    expect(next.subarray(-47).equals(bytes.subarray(-47))).toBe(false);
  });

  it('covers every byte before it, and the file still parses as the same document', async () => {
    const { bytes, dek } = await savedVault();
    const key = fileMacKeyOf(dek);
    for (const at of [0, 100, Math.floor(bytes.length / 2), bytes.length - 60]) {
      const changed = Buffer.from(bytes);
      changed[at] = (changed[at] ?? 0) ^ 1;
      expect(fileMacMatches(changed, key), `byte ${at}`).toBe(false);
    }
    const without = Buffer.concat([
      bytes.subarray(0, bytes.lastIndexOf(',"fileMac"')),
      Buffer.from('}'),
    ]);
    expect(hasFileMac(without)).toBe(false);
    expect(withFileMac(without, key).equals(bytes)).toBe(true);
    expect(parseDiskDocument(without.toString('utf8'))).toEqual(
      parseDiskDocument(bytes.toString('utf8')),
    );
  });

  it('is checked against the hash made while reading, which is of the covered bytes', async () => {
    const { bytes, dek, path } = await savedVault();
    const read = readVaultBytes(path);
    expect(read.bytes.equals(bytes)).toBe(true);
    const covered = bytes.subarray(0, bytes.length - FILE_MAC_BYTES);
    expect(read.coveredDigest).toEqual(createHash('sha256').update(covered).digest());
    expect(fileMacMatches(read.bytes, fileMacKeyOf(dek), read.coveredDigest)).toBe(true);
    // A digest of other bytes does not pass for this file.
    const other = createHash('sha256').update('other bytes').digest();
    expect(fileMacMatches(read.bytes, fileMacKeyOf(dek), other)).toBe(false);
    // A file too short to hold one has no digest (and no file MAC).
    const tiny = join(dir, 'tiny.json');
    fs.writeFileSync(tiny, '{}');
    expect(readVaultBytes(tiny)).toEqual({ bytes: Buffer.from('{}') });
  });

  it('the read path answers as the app does: list, lookups by label and id, secrets', async () => {
    const { vault, path } = await savedVault();
    const reader = await unlocked(path);
    expect(reader.list()).toEqual(vault.list());
    const pat = reader.findByLabel('faxplus', ' BILLING ');
    const sms = reader.findByLabel('smsfactor', 'billing');
    expect(pat?.kind).toBe('faxplus-pat');
    expect(sms?.kind).toBe('smsfactor-token');
    expect(reader.readSecret(pat?.id ?? '', 'pat')).toBe('alohi_pat_FILEMAC');
    expect(reader.readSecret(sms?.id ?? '', 'token')).toBe('sf_SECOND_BILLING');
    expect(reader.get(sms?.id ?? '')).toEqual(vault.get(sms?.id ?? ''));
    expect(reader.findByLabel('smsfactor', 'nobody')).toBeUndefined();
    expect(() => reader.get('no-such-id')).toThrow(/no longer in the vault/);
    expect(reader.lockedIndex()).toEqual(vault.lockedIndex());
  });

  it('is searched only after it verifies: a file with it is found by id and tag', async () => {
    const { bytes, dek } = await savedVault();
    expect(fileMacMatches(bytes, fileMacKeyOf(dek))).toBe(true);
    const file = VerifiedFile.of(bytes);
    const doc = parseDiskDocument(bytes.toString('utf8'));
    if (doc.formatVersion !== 2 || !file) throw new Error('not a format-2 file');
    for (const entry of doc.entries) {
      expect(file.withId(entry.id)).toMatchObject({ id: entry.id, tag: entry.tag });
      expect(file.withId(entry.id)?.data).toBe(entry.data);
      expect(file.withTag(entry.tag)?.map((e) => e.id)).toEqual([entry.id]);
    }
    expect(file.withId('no-such-id')).toBeNull();
    expect(file.field('mac')).toBe(doc.mac);
    expect(file.field('listing')).toBe(doc.listing);
    // A backslash anywhere (an escape the searches could misread): not searched at all.
    const escaped = Buffer.from(bytes.toString('latin1').replace('{"id"', '{"i\\u0064"'));
    expect(VerifiedFile.of(escaped)).toBeUndefined();
  });

  it('an entry changed outside: the reader still refuses it as changed outside', async () => {
    const { path } = await savedVault();
    const doc = parseDiskDocument(fs.readFileSync(path, 'utf8'));
    if (doc.formatVersion !== 2) throw new Error('not format 2');
    const data = doc.entries[1]?.data ?? '';
    edit(path, data, data.slice(0, 30) + (data[30] === 'A' ? 'B' : 'A') + data.slice(31));
    const reader = VaultFileReader.open(path);
    await expect(reader?.unlock(PASSWORD)).rejects.toThrow(CorruptVaultError);
    await expect(reader?.unlock(PASSWORD)).rejects.toThrow(/changed outside Token Vault/);
  });

  it('the locked index edited, or the file MAC itself: read as before, same answers', async () => {
    const { vault, path } = await savedVault();
    const expected = vault.list();
    const doc = parseDiskDocument(fs.readFileSync(path, 'utf8'));
    if (doc.formatVersion !== 2) throw new Error('not format 2');
    // The locked index is outside the document MAC (rebuilt on unlock), inside the file MAC.
    const planted = '{"id":"planted","kind":"smsfactor-token","at":1}';
    const index = /"index":\[[^\]]*\]/.exec(fs.readFileSync(path, 'latin1'))?.[0] ?? '';
    edit(
      path,
      index,
      index === '"index":[]' ? `"index":[${planted}]` : `"index":[${planted},${index.slice(9)}`,
    );
    expect((await unlocked(path)).list()).toEqual(expected);
    // A file MAC made with some other key is not trusted either.
    const text = fs.readFileSync(path, 'latin1');
    const mac = /"fileMac":"([^"]+)"/.exec(text)?.[1] ?? '';
    edit(path, mac, Buffer.alloc(32, 7).toString('base64'));
    const reader = await unlocked(path);
    expect(reader.list()).toEqual(expected);
    expect(reader.findByLabel('smsfactor', 'alerts')?.label).toBe('alerts');
  });

  it('another vault with the same password: its key does not open this file', async () => {
    const one = await savedVault();
    const otherDir = tempDir();
    try {
      const other = makeVault(otherDir);
      await other.vault.create(PASSWORD);
      // This vault's file MAC and entries under the other vault's header and wrapped key.
      const head = fs.readFileSync(other.path, 'latin1').split('"entries":[')[0] ?? '';
      const body = one.bytes.toString('latin1').split('"entries":[')[1] ?? '';
      fs.writeFileSync(one.path, `${head}"entries":[${body}`, { encoding: 'latin1' });
      const reader = VaultFileReader.open(one.path);
      await expect(reader?.unlock(PASSWORD)).rejects.toThrow(CorruptVaultError);
    } finally {
      fs.rmSync(otherDir, { recursive: true, force: true });
    }
  });
});

describe('a reader that reads only the listing (list, reminders, completion)', () => {
  const open = Buffer.from('"entries":[', 'latin1');
  const mac = `,"fileMac":"${'A'.repeat(43)}="}`;
  /** A file laid out as the serializer writes it, its entries ending at byte `at`. */
  function laidOut(at: number): Buffer {
    const head = '{"formatVersion":2,"kdf":{},"wrappedDek":"x","entries":[';
    const entries = '{"id":"e","tag":"t","data":"' + 'd'.repeat(at - head.length - 30) + '"}';
    const tail = '],"audit":[],"index":[],"mac":"m","listing":"l"';
    return Buffer.from(head + entries.padEnd(at - head.length, ' ') + tail + mac, 'latin1');
  }
  const digestOf = (bytes: Buffer) =>
    createHash('sha256')
      .update(bytes.subarray(0, bytes.length - FILE_MAC_BYTES))
      .digest();

  it('keeps what is before and after the entries, and hashes every byte of the file', () => {
    const path = join(dir, 'laid-out.json');
    const chunk = 64 * 1024;
    // The end of the entries anywhere around a chunk's edge, and in the first chunk.
    for (const at of [
      200,
      chunk - 11,
      chunk - 10,
      chunk - 5,
      chunk - 1,
      chunk,
      chunk + 1,
      3 * chunk + 7,
    ]) {
      const bytes = laidOut(at);
      fs.writeFileSync(path, bytes);
      const read = readVaultEnds(path);
      const head = bytes.indexOf(open) + open.length;
      expect(read?.bytes.toString('latin1')).toBe(
        bytes.toString('latin1', 0, head) + bytes.toString('latin1', at),
      );
      expect(read?.coveredDigest).toEqual(digestOf(bytes));
    }
  });

  it('refuses a file it cannot cut safely: the caller reads it whole', () => {
    const path = join(dir, 'odd.json');
    const cases: [string, Buffer][] = [
      // A backslash in the bytes it would leave out (an escape can hide the bounds).
      ['escape', Buffer.from(laidOut(70_000).toString('latin1').replace('ddd', 'd\\d'), 'latin1')],
      [
        'no end of entries',
        Buffer.from(laidOut(70_000).toString('latin1').replace('],"audit"', ']"audit"')),
      ],
      [
        'no entries in the first chunk',
        Buffer.concat([Buffer.from(' '.repeat(70_000)), laidOut(200)]),
      ],
      ['too short for a file MAC', Buffer.from('{"entries":[],"audit":[]}')],
    ];
    for (const [why, bytes] of cases) {
      fs.writeFileSync(path, bytes);
      expect(readVaultEnds(path), why).toBeUndefined();
    }
  });

  it('lists as the app does, and still answers anything else from the whole file', async () => {
    const { vault, path } = await savedVault();
    const reader = VaultFileReader.open(path, { extent: 'listing' });
    if (!reader) throw new Error('the reader refused the file');
    await reader.unlock(PASSWORD);
    expect(reader.list()).toEqual(vault.list());
    const sms = reader.findByLabel('smsfactor', 'billing');
    expect(reader.readSecret(sms?.id ?? '', 'token')).toBe('sf_SECOND_BILLING');
    expect(reader.get(sms?.id ?? '')).toEqual(vault.get(sms?.id ?? ''));
    expect(reader.lockedIndex()).toEqual(vault.lockedIndex());
    expect(reader.list()).toEqual(vault.list());
    // Locked, the locked index comes from the whole file too.
    const locked = VaultFileReader.open(path, { extent: 'listing' });
    expect(locked?.lockedIndex()).toEqual(vault.lockedIndex());
  });

  it('an entry changed outside is refused as changed outside, as by the whole read', async () => {
    const { path } = await savedVault();
    const doc = parseDiskDocument(fs.readFileSync(path, 'utf8'));
    if (doc.formatVersion !== 2) throw new Error('not format 2');
    const data = doc.entries[0]?.data ?? '';
    edit(path, data, data.slice(0, 30) + (data[30] === 'A' ? 'B' : 'A') + data.slice(31));
    const reader = VaultFileReader.open(path, { extent: 'listing' });
    await expect(reader?.unlock(PASSWORD)).rejects.toThrow(/changed outside Token Vault/);
  });

  it('a listing changed outside is not used: the entries are listed one by one', async () => {
    const { vault, path } = await savedVault();
    const listing = /"listing":"([^"]+)"/.exec(fs.readFileSync(path, 'latin1'))?.[1] ?? '';
    const flipped = listing.slice(0, 40) + (listing[40] === 'A' ? 'B' : 'A') + listing.slice(41);
    edit(path, listing, flipped);
    const reader = VaultFileReader.open(path, { extent: 'listing' });
    await reader?.unlock(PASSWORD);
    expect(reader?.list()).toEqual(vault.list());
  });

  it('an edited locked index, or a file without a file MAC: the same listing', async () => {
    const { vault, path } = await savedVault();
    const expected = vault.list();
    const index = /"index":\[[^\]]*\]/.exec(fs.readFileSync(path, 'latin1'))?.[0] ?? '';
    edit(path, index, '"index":[{"id":"planted","kind":"smsfactor-token","at":1}]');
    const edited = VaultFileReader.open(path, { extent: 'listing' });
    await edited?.unlock(PASSWORD);
    expect(edited?.list()).toEqual(expected);
    // As an older writer left it: no file MAC at all.
    const text = fs.readFileSync(path, 'latin1');
    fs.writeFileSync(path, text.replace(/,"fileMac":"[^"]+"\}$/, '}'), 'latin1');
    const older = VaultFileReader.open(path, { extent: 'listing' });
    await older?.unlock(PASSWORD);
    expect(older?.list()).toEqual(expected);
  });
});
