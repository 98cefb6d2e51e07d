// "A minted token is never lost" (issue 4): when the vault cannot save right after SMSFactor
// answered, the user still gets the token once; when the answer never arrives, the POST is
// not repeated and the user is told where the orphan token can be found.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { MintedToken, WireFormat } from '../../../preload/api';
import { MintedTokenNotSavedError } from '../../../main/core/providers/smsfactor/smsfactor.errors';
import type { Harness } from './smsfactor.harness';
import { startHarness } from './smsfactor.harness';

function vaultFiles(dir: string): string {
  return readdirSync(dir)
    .map((f) => readFileSync(join(dir, f), 'utf8'))
    .join('\n');
}

describe.each<WireFormat>(['json', 'xml'])('minted token never lost (%s)', (format) => {
  let h: Harness;
  beforeEach(async () => {
    h = await startHarness();
  });
  afterEach(async () => {
    await h.close();
  });

  it('disk full right after the mint answer: the reply carries the token once, the vault is unchanged', async () => {
    const parent = await h.addParent(format);
    const before = vaultFiles(h.dir);
    // Everything up to the POST only reads; the first write is the save of the new token.
    h.disk.full = true;

    const res = await h.call('smsfactor:mint', {
      parentId: parent.id,
      name: 'lost?',
      ttlSeconds: 86400,
      allowedIps: [],
    });

    const atSandbox = h.sandbox.control.tokens().find((t) => t.name === 'lost?');
    expect(atSandbox).toBeDefined();
    expect(res.ok).toBe(true);
    const minted = (res as { value: MintedToken }).value;
    expect(minted.token).toBe(atSandbox?.secret);
    expect(minted.unsavedReason).toMatch(/could not save it.*Copy it now/);
    expect(minted.unsavedReason).not.toContain(minted.token);
    expect(minted.entry).toMatchObject({
      id: '',
      status: 'error',
      tokenId: atSandbox?.tokenId,
      expiresAt: h.clock.now() + 86400_000,
    });
    expect(h.vault.list().map((e) => e.label)).toEqual([parent.label]);
    expect(vaultFiles(h.dir)).toBe(before);
    expect(h.sandbox.control.requests.filter((r) => r.method === 'POST')).toHaveLength(1);
  });

  it('the core error keeps the token out of its message and its JSON form', async () => {
    const parent = await h.addParent(format);
    h.disk.full = true;
    const err = await h.service
      .mint({ parentId: parent.id, name: 'core', ttlSeconds: null, allowedIps: [] })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(MintedTokenNotSavedError);
    const e = err as MintedTokenNotSavedError;
    expect(e.token).toBe(h.sandbox.control.tokens().find((t) => t.name === 'core')?.secret);
    expect(e.message).not.toContain(e.token);
    expect(JSON.stringify(e)).not.toContain(e.token);
    expect(String(e.stack)).not.toContain(e.token);
  });

  it('after the disk is freed the same flow stores normally', async () => {
    const parent = await h.addParent(format);
    h.disk.full = true;
    await h.call('smsfactor:mint', {
      parentId: parent.id,
      name: 'first',
      ttlSeconds: null,
      allowedIps: [],
    });
    h.disk.full = false;
    const res = await h.call('smsfactor:mint', {
      parentId: parent.id,
      name: 'second',
      ttlSeconds: null,
      allowedIps: [],
    });
    expect(res).toMatchObject({ ok: true, value: { entry: { label: 'second' } } });
    expect((res as { value: MintedToken }).value.unsavedReason).toBeUndefined();
  });

  it('checks that can fail are made before the POST: locked vault, taken label, bad parent', async () => {
    const parent = await h.addParent(format);
    const posts = (): number =>
      h.sandbox.control.requests.filter((r) => r.method === 'POST').length;
    const taken = await h.call('smsfactor:mint', {
      parentId: parent.id,
      name: parent.label,
      ttlSeconds: null,
      allowedIps: [],
    });
    expect(taken).toMatchObject({ ok: false, error: { code: 'invalid-input', field: 'label' } });
    const noParent = await h.call('smsfactor:mint', {
      parentId: 'nope',
      name: 'x',
      ttlSeconds: null,
      allowedIps: [],
    });
    expect(noParent).toMatchObject({
      ok: false,
      error: { code: 'invalid-input', field: 'parentId' },
    });
    h.vault.lock();
    const locked = await h.call('smsfactor:mint', {
      parentId: parent.id,
      name: 'x',
      ttlSeconds: null,
      allowedIps: [],
    });
    expect(locked).toMatchObject({ ok: false, error: { code: 'locked' } });
    expect(posts()).toBe(0);
  });
});
