// Issue 12: entry metadata and the audit trail are sealed and the document is authenticated.
// Each attack below edits the raw file without the key, as anyone with access to the disk
// could, and the vault must notice it, say so in one sentence, show the intact entries and
// lose nothing. The first test searches the raw file for everything the test wrote.
import * as fs from 'node:fs';
import { copyFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SealedDocument } from '../../main/core/vault/vault-file';
import type { VaultService } from '../../main/core/vault/vault.service';
import type { NewEntry } from '../../main/core/vault/vault.types';
import { VaultFileReader } from '../../main/core/vault/vault-reader';
import { openVaultFile } from '../support/vault-file-tool';
import { PASSWORD, makeVault, tempDir } from '../unit/core/vault/vault-helpers';

const DAY = 86_400_000;
const CHANGED = /^The vault file was changed outside Token Vault: /;

/** Everything the entries below hold in their metadata: none of it may be in the file. */
const WRITTEN = [
  'token one',
  'token two',
  'prod billing',
  'ops@metadata.example',
  'APIKclientid0042',
  'fax:all:read',
  '203.0.113.77',
  'sf_live_…wx1z',
  'alohi_pat_…p0d1',
  '7700042',
  'copied-detail-text',
];

let dir: string;
let path: string;
let vault: VaultService;
let clock: ReturnType<typeof makeVault>['clock'];
const ids: Record<string, string> = {};

beforeEach(async () => {
  dir = tempDir();
  ({ vault, path, clock } = makeVault(dir));
  await vault.create(PASSWORD);
  const now = clock.now();
  const sms = (label: string, extra: object): NewEntry =>
    ({
      label,
      provider: 'smsfactor',
      kind: 'smsfactor-token',
      status: 'active',
      ttlSeconds: 3600,
      expiresAt: now + 10 * DAY,
      allowedIps: ['203.0.113.77'],
      format: 'json',
      tokenId: '7700042',
      account: { email: 'ops@metadata.example' },
      preview: 'sf_live_…wx1z',
      ...extra,
    }) as NewEntry;
  ids['one'] = vault.add(sms('token one', {}), { token: 'secret-token-ONE' }).id;
  ids['two'] = vault.add(sms('token two', { expiresAt: now + 20 * DAY }), {
    token: 'secret-token-TWO',
  }).id;
  ids['prod'] = vault.add(
    {
      label: 'prod billing',
      provider: 'faxplus',
      kind: 'faxplus-oauth',
      status: 'active',
      clientId: 'APIKclientid0042',
      redirectMode: 'loopback',
      allowMissingState: false,
      advancedSecurity: true,
      authorizedAt: now,
      refreshExpiresAt: now + 30 * DAY,
      scopes: ['fax:all:read'],
      preview: 'alohi_pat_…p0d1',
    } as NewEntry,
    { clientSecret: 'client-SECRET', accessToken: 'access-TOKEN', refreshToken: 'refresh-TOKEN' },
  ).id;
  vault.recordAudit(ids['one'] ?? '', 'copied', 'copied-detail-text');
});

afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const raw = (): SealedDocument => JSON.parse(fs.readFileSync(path, 'utf8')) as SealedDocument;
const write = (doc: SealedDocument) => fs.writeFileSync(path, JSON.stringify(doc));

/** A second app (or a restart) on the same folder, unlocked. */
async function reopened() {
  const made = makeVault(dir);
  await made.vault.unlock(PASSWORD);
  return made.vault;
}

const labels = (v: VaultService) =>
  v
    .list()
    .map((e) => e.label)
    .sort();

function flip(sealed: string, at = 20): string {
  const bytes = Buffer.from(sealed, 'base64');
  bytes[at] = (bytes[at] ?? 0) ^ 1;
  return bytes.toString('base64');
}

describe('the raw vault file', () => {
  it('names no label, e-mail, client id, scope, IP, token id, preview or audit detail', () => {
    for (const file of [path, `${path}.bak`]) {
      const text = fs.readFileSync(file, 'utf8');
      for (const value of WRITTEN) expect(text, `${file} holds "${value}"`).not.toContain(value);
      // What stays in clear: the KDF, the wrapped key, opaque ids, deadlines, the two MACs
      // (the listing is one more sealed value).
      const doc = JSON.parse(text) as SealedDocument;
      expect(Object.keys(doc)).toEqual([
        'formatVersion',
        'kdf',
        'wrappedDek',
        'entries',
        'audit',
        'index',
        'mac',
        'listing',
        'fileMac',
      ]);
      expect(doc.entries.map((e) => Object.keys(e))).toEqual([
        ['id', 'tag', 'data'],
        ['id', 'tag', 'data'],
        ['id', 'tag', 'data'],
      ]);
      for (const record of doc.index) {
        expect(Object.keys(record).sort()).toEqual(['at', 'id', 'kind']);
      }
    }
  });
});

describe('each attack on the file is detected, said, and loses nothing', () => {
  it('label swap: swapping ids only moves opaque names (nothing changes); swapping the sealed data is refused', async () => {
    const good = raw();
    const doc = raw();
    const [a, b] = doc.entries;
    if (!a || !b) throw new Error('setup');
    // The id travels with its data: swapping whole records is the same vault in another order.
    write({ ...doc, entries: [b, a, ...doc.entries.slice(2)] });
    const same = await reopened();
    expect(same.status().integrityNotice).toBeUndefined();
    const reader = VaultFileReader.open(path);
    await reader?.unlock(PASSWORD);
    const one = reader?.findByLabel('smsfactor', 'token one');
    expect(reader?.readSecret(one?.id ?? '', 'token')).toBe('secret-token-ONE');

    // Pointing "token one" at token two's data: both fail their AAD, neither is served.
    [a.data, b.data] = [b.data, a.data];
    write(doc);
    const swapped = await reopened();
    expect(swapped.status().integrityNotice).toMatch(CHANGED);
    expect(swapped.status().integrityNotice).toMatch(/2 entries could not be opened/);
    expect(labels(swapped)).toEqual(['prod billing']);
    const cli = VaultFileReader.open(path);
    await expect(cli?.unlock(PASSWORD)).rejects.toThrow(/changed outside Token Vault/);

    // Moving the label tag (the keyed hash a lookup uses) to another entry is caught too.
    write(good);
    const fresh = raw();
    const [p, q] = fresh.entries;
    if (!p || !q) throw new Error('setup');
    [p.tag, q.tag] = [q.tag, p.tag];
    write(fresh);
    const moved = VaultFileReader.open(path);
    await expect(moved?.unlock(PASSWORD)).rejects.toThrow(/changed outside Token Vault/);
    expect((await reopened()).status().integrityNotice).toMatch(
      /not the ones Token Vault saved last/,
    );
  });

  it('deadline edit: inside the sealed data it is refused; in the locked index it is repaired on unlock', async () => {
    const doc = raw();
    const prod = doc.entries.find((e) => e.id === ids['prod']);
    if (!prod) throw new Error('setup');
    const real = doc.index.find((r) => r.id === ids['prod'])?.at;
    // The plain index: a locked reminder would be silenced until the next unlock...
    write({
      ...doc,
      index: doc.index.map((r) =>
        r.id === ids['prod'] ? { ...r, at: real ? real + 365 * DAY : 0 } : r,
      ),
    });
    const locked = makeVault(dir).vault;
    expect(locked.lockedIndex().find((r) => r.id === ids['prod'])?.at).toBe(
      (real ?? 0) + 365 * DAY,
    );
    // ...and the unlock puts the sealed deadline back, in memory and in the file.
    await locked.unlock(PASSWORD);
    expect(locked.list()).toHaveLength(3);
    expect(locked.status().integrityNotice).toBeUndefined();
    expect(raw().index.find((r) => r.id === ids['prod'])?.at).toBe(real);
    expect(locked.lockedIndex().find((r) => r.id === ids['prod'])?.at).toBe(real);

    // The sealed deadline itself cannot be edited without the key.
    const sealed = raw();
    write({
      ...sealed,
      entries: sealed.entries.map((e) => (e.id === ids['prod'] ? { ...e, data: flip(e.data) } : e)),
    });
    const edited = await reopened();
    expect(edited.status().integrityNotice).toMatch(/1 entry could not be opened/);
    expect(labels(edited)).toEqual(['token one', 'token two']);
  });

  it('entry removal: detected; the last copy Token Vault saved is kept and holds it', async () => {
    const doc = raw();
    write({ ...doc, entries: doc.entries.filter((e) => e.id !== ids['two']) });
    const v = await reopened();
    const notice = v.status().integrityNotice ?? '';
    expect(notice).toMatch(CHANGED);
    expect(notice).toMatch(/not the ones Token Vault saved last \(an entry removed/);
    expect(notice).toMatch(/2 entries are intact and shown/);
    expect(notice).toContain(`${path}.last-good`);
    expect(labels(v)).toEqual(['prod billing', 'token one']);
    const lastGood = await openVaultFile(`${path}.last-good`, PASSWORD);
    expect(lastGood.doc.entries.map((e) => e.label).sort()).toEqual([
      'prod billing',
      'token one',
      'token two',
    ]);
  });

  it('entry duplication: detected, the copy ignored, and dropped at the next save', async () => {
    const doc = raw();
    const one = doc.entries[0];
    if (!one) throw new Error('setup');
    write({ ...doc, entries: [...doc.entries, { ...one }] });
    const v = await reopened();
    expect(v.status().integrityNotice).toMatch(/1 entry appears twice \(the copy is ignored\)/);
    expect(labels(v)).toEqual(['prod billing', 'token one', 'token two']);
    v.update(ids['two'] ?? '', { muted: true });
    expect(raw().entries).toHaveLength(3);
    expect((await reopened()).status().integrityNotice).toBeUndefined();
  });

  it('replay of an older copy of an entry: detected', async () => {
    const older = raw();
    vault.update(ids['one'] ?? '', { label: 'token one renamed' }, { token: 'secret-token-NEW' });
    const now = raw();
    const old = older.entries.find((e) => e.id === ids['one']);
    if (!old) throw new Error('setup');
    write({ ...now, entries: now.entries.map((e) => (e.id === ids['one'] ? old : e)) });
    const v = await reopened();
    expect(v.status().integrityNotice).toMatch(CHANGED);
    expect(v.status().integrityNotice).toMatch(/replaced by an older copy/);
    // The last-good copy has the newer entry.
    const lastGood = await openVaultFile(`${path}.last-good`, PASSWORD);
    expect(lastGood.doc.entries.map((e) => e.label)).toContain('token one renamed');
  });

  it('audit edit: a changed record is left out, a removed one is detected', async () => {
    const doc = raw();
    write({ ...doc, audit: doc.audit.map((a, i) => (i === 0 ? flip(a) : a)) });
    const edited = await reopened();
    expect(edited.status().integrityNotice).toMatch(/1 history record could not be opened/);
    expect(edited.audit().map((r) => r.action)).toEqual(['created', 'created', 'copied']);
    expect(labels(edited)).toHaveLength(3);

    write({ ...doc, audit: doc.audit.slice(0, -1) });
    const removed = await reopened();
    expect(removed.status().integrityNotice).toMatch(/a history record removed/);
  });

  it('header field edit: a keychain record slipped in is detected; a changed KDF cannot unlock at all', async () => {
    const doc = raw();
    const keychain = { wrappedKey: 'YXR0YWNrZXI=', check: 'YXR0YWNrZXI=' };
    write({ ...doc, keychain });
    const v = await reopened();
    expect(v.status().integrityNotice).toMatch(/a setting edited/);
    expect(labels(v)).toHaveLength(3);

    // The KDF parameters derive the key itself: an edit makes every password wrong, and the
    // file is left exactly as it was (nothing is lost; put the old value back to open it).
    const kdfEdited = JSON.stringify({ ...doc, kdf: { ...doc.kdf, iterations: 999 } });
    fs.writeFileSync(path, kdfEdited);
    const made = makeVault(dir);
    await expect(made.vault.unlock(PASSWORD)).rejects.toThrow('Wrong password.');
    expect(fs.readFileSync(path, 'utf8')).toBe(kdfEdited);
  });

  it('what failed stays in the file through later saves, so the last-good copy can still be used', async () => {
    const doc = raw();
    write({
      ...doc,
      entries: doc.entries.map((e) => (e.id === ids['two'] ? { ...e, data: flip(e.data) } : e)),
    });
    const v = await reopened();
    expect(labels(v)).toEqual(['prod billing', 'token one']);
    v.add(
      {
        label: 'after',
        provider: 'faxplus',
        kind: 'faxplus-pat',
        status: 'active',
        expiresAt: null,
        scopes: [],
      },
      { pat: 'p' },
    );
    const kept = raw().entries.find((e) => e.id === ids['two']);
    expect(kept?.data).toBe(flip(doc.entries.find((e) => e.id === ids['two'])?.data ?? ''));
    expect(raw().entries).toHaveLength(4);
    // Put the last-good copy in place: everything is back, the new entry aside.
    copyFileSync(`${path}.last-good`, path);
    const restored = await reopened();
    expect(restored.status().integrityNotice).toBeUndefined();
    expect(labels(restored)).toEqual(['prod billing', 'token one', 'token two']);
    expect(restored.readSecret(ids['two'] ?? '', 'token')).toBe('secret-token-TWO');
  });
});

describe('locked reminders', () => {
  it('fire from the plain index while locked, and never name an entry', async () => {
    vault.lock();
    const index = vault.lockedIndex();
    expect(index.map((r) => r.kind).sort()).toEqual([
      'refresh-expiry',
      'token-expiry',
      'token-expiry',
    ]);
    expect(JSON.stringify(index)).not.toMatch(/token one|prod|ops@|APIK/);
  });
});
