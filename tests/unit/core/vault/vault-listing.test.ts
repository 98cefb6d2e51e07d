// The sealed listing (vault-seal.ts withListing/openListing): `tokenvault list` reads one
// value instead of opening every entry, and never shows anything but the entries' own state.
import * as fs from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { NativeOpener } from '../../../../main/core/vault/native-opener';
import {
  createDocumentSerializer,
  parseDiskDocument,
  type SealedDocument,
} from '../../../../main/core/vault/vault-file';
import { VaultFileReader } from '../../../../main/core/vault/vault-reader';
import { openListing, withListing } from '../../../../main/core/vault/vault-seal';
import { unwrapDek } from '../../../../main/core/vault/vault-keys';
import { nativeSeal } from '../../../support/vault-file-tool';
import { PASSWORD, makeVault, patEntry, smsEntry, tempDir } from './vault-helpers';

let dir: string;
beforeEach(() => {
  dir = tempDir();
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const readDoc = (path: string) =>
  parseDiskDocument(fs.readFileSync(path, 'utf8')) as SealedDocument;
const writeDoc = (path: string, doc: SealedDocument) =>
  fs.writeFileSync(path, createDocumentSerializer()(doc), { mode: 0o600 });

async function savedVault() {
  const made = makeVault(dir);
  await made.vault.create(PASSWORD);
  made.vault.add(patEntry('billing'), { pat: 'alohi_pat_LISTING' });
  made.vault.add(smsEntry('alerts'), { token: 'sf_LISTING' });
  return made;
}

async function readerList(path: string) {
  const reader = VaultFileReader.open(path);
  if (!reader) throw new Error('reader refused the file');
  await reader.unlock(PASSWORD);
  return reader.list();
}

const jsonBytes = (value: unknown) => Buffer.from(JSON.stringify(value), 'utf8');

async function dekOf(doc: SealedDocument) {
  return unwrapDek(new NativeOpener(), doc, PASSWORD);
}

describe('the sealed listing', () => {
  it('is written on every save and lists what opening each entry lists', async () => {
    const { vault, path } = await savedVault();
    const doc = readDoc(path);
    expect(doc.listing).toEqual(expect.any(String));
    // No label, no secret in the file in clear.
    const text = fs.readFileSync(path, 'utf8');
    for (const clear of ['billing', 'alerts', 'alohi_pat_LISTING', 'sf_LISTING']) {
      expect(text).not.toContain(clear);
    }
    const listed = openListing(new NativeOpener(), await dekOf(doc), doc);
    expect(listed).toEqual(vault.list());
    expect(await readerList(path)).toEqual(vault.list());
  });

  it('is what the reader lists: one sealed value, not 10,000 entries opened', async () => {
    const { vault, path } = await savedVault();
    const doc = readDoc(path);
    const dek = await dekOf(doc);
    // A listing sealed with the key for this MAC, whose labels differ from the entries': the
    // reader shows it, so `list` did not open the entries (their labels are the others).
    const views = doc.entries.map((e) => ({
      ...vault.list().find((v) => v.id === e.id),
      label: `listed ${e.id}`,
    }));
    writeDoc(
      path,
      withListing(doc, jsonBytes(views), (p, aad) => nativeSeal(dek, p, aad)),
    );
    expect((await readerList(path)).map((e) => e.label)).toEqual(
      doc.entries.map((e) => `listed ${e.id}`),
    );
  });

  it('follows a change: the listing of the new file shows the new label', async () => {
    const { vault, path } = await savedVault();
    const billing = vault.list().find((e) => e.label === 'billing');
    vault.update(billing?.id ?? '', { label: 'invoices' });
    expect((await readerList(path)).map((e) => e.label).sort()).toEqual(['alerts', 'invoices']);
  });

  it('an older listing put into a newer file is not used: the entries are listed', async () => {
    const { vault, path } = await savedVault();
    const old = readDoc(path);
    const billing = vault.list().find((e) => e.label === 'billing');
    vault.update(billing?.id ?? '', { label: 'invoices' });
    const spliced = { ...readDoc(path), listing: old.listing };
    writeDoc(path, spliced);
    expect(openListing(new NativeOpener(), await dekOf(spliced), spliced)).toBeUndefined();
    expect((await readerList(path)).map((e) => e.label).sort()).toEqual(['alerts', 'invoices']);
  });

  it('a changed byte in the listing is not used, and the vault still opens', async () => {
    const { vault, path } = await savedVault();
    const doc = readDoc(path);
    const listing = doc.listing ?? '';
    const flipped = (listing[10] === 'A' ? 'B' : 'A') + '';
    const changed = { ...doc, listing: listing.slice(0, 10) + flipped + listing.slice(11) };
    writeDoc(path, changed);
    expect(openListing(new NativeOpener(), await dekOf(changed), changed)).toBeUndefined();
    expect(await readerList(path)).toEqual(vault.list());
    const { vault: again } = makeVault(dir);
    await again.unlock(PASSWORD);
    expect(again.status().integrityNotice).toBeUndefined();
    expect(again.list()).toEqual(vault.list());
  });

  it('a file without one (an older version wrote it) is listed, and the next save adds it', async () => {
    const { vault, path } = await savedVault();
    const { listing: _dropped, ...older } = readDoc(path);
    void _dropped;
    writeDoc(path, older);
    expect(await readerList(path)).toEqual(vault.list());
    const { vault: again } = makeVault(dir);
    await again.unlock(PASSWORD);
    again.add(patEntry('third'), { pat: 'alohi_pat_THIRD' });
    expect(readDoc(path).listing).toEqual(expect.any(String));
    expect((await readerList(path)).map((e) => e.label).sort()).toEqual([
      'alerts',
      'billing',
      'third',
    ]);
  });

  it('is not used when it does not name the entries in their order, even sealed with the key', async () => {
    const { vault, path } = await savedVault();
    const doc = readDoc(path);
    const dek = await dekOf(doc);
    const seal = (plain: Uint8Array, aad: string) => nativeSeal(dek, plain, aad);
    const views = vault.list();
    const byFile = doc.entries.map((e) => views.find((v) => v.id === e.id));
    for (const wrong of [
      [...byFile].reverse(),
      byFile.slice(1),
      [...byFile, byFile[0]],
      byFile.map((v) => ({ ...v, provider: 'nobody' })),
    ]) {
      const made = withListing(doc, jsonBytes(wrong), seal);
      expect(openListing(new NativeOpener(), dek, made)).toBeUndefined();
      writeDoc(path, made);
      expect((await readerList(path)).map((e) => e.label).sort()).toEqual(['alerts', 'billing']);
    }
  });
});
