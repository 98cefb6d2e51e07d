// The KDF the command line's bin starts before the program has loaded (early-kdf.ts): used
// only for exactly the same password, salt and iterations, and only once.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  deriveKek,
  readKdfHead,
  startKdf,
  startKdfForFile,
  takeKdf,
} from '../../../../main/core/vault/early-kdf';
import { NativeOpener } from '../../../../main/core/vault/native-opener';
import { createDocumentSerializer, FORMAT_VERSION } from '../../../../main/core/vault/vault-file';
import { tempDir } from './vault-helpers';

const salt = new Uint8Array(16).fill(7);
const otherSalt = new Uint8Array(16).fill(8);

afterEach(() => {
  // Nothing pending is left for the next test.
  takeKdf('pw', salt, 1000);
});

describe('a KDF started early', () => {
  it('is taken once, by the same password, salt and iterations only', async () => {
    startKdf('pw', salt, 1000);
    expect(takeKdf('other', salt, 1000)).toBeUndefined();
    expect(takeKdf('pw', otherSalt, 1000)).toBeUndefined();
    expect(takeKdf('pw', salt, 1001)).toBeUndefined();
    const kek = takeKdf('pw', salt, 1000);
    expect(kek).toBeDefined();
    expect(await kek).toEqual(await deriveKek('pw', salt, 1000));
    expect(takeKdf('pw', salt, 1000)).toBeUndefined();
  });

  it('is what NativeOpener uses when it matches, and never when it does not', async () => {
    const opener = new NativeOpener();
    startKdf('wrong password', salt, 1000);
    // Another password: the opener derives its own key, and leaves the pending one.
    expect(await opener.deriveKek('pw', salt, 1000)).toEqual(await deriveKek('pw', salt, 1000));
    expect(takeKdf('wrong password', salt, 1000)).toBeDefined();
    startKdf('pw', salt, 1000);
    const pending = takeKdf('pw', salt, 1000);
    startKdf('pw', salt, 1000);
    opener.startEarly('pw', salt, 1000); // the same one again: not started twice
    expect(await opener.deriveKek('pw', salt, 1000)).toEqual(await pending);
    expect(takeKdf('pw', salt, 1000)).toBeUndefined();
  });

  it('reads its parameters from the first bytes of a file as the serializer writes it', () => {
    const dir = tempDir();
    const path = join(dir, 'vault.json');
    const saltText = Buffer.from(salt).toString('base64');
    writeFileSync(
      path,
      createDocumentSerializer()({
        formatVersion: FORMAT_VERSION,
        kdf: { algorithm: 'pbkdf2-sha256', iterations: 1000, salt: saltText },
        wrappedDek: 'AAAA',
        entries: [],
        audit: [],
        index: [],
        mac: 'AAAA',
      }),
    );
    expect(readKdfHead(path)).toEqual({ salt, iterations: 1000 });
    startKdfForFile(path, 'pw');
    expect(takeKdf('pw', salt, 1000)).toBeDefined();
    for (const text of ['{"kdf":{}}', '', 'not json at all']) {
      writeFileSync(path, text);
      expect(readKdfHead(path)).toBeUndefined();
    }
    expect(readKdfHead(join(dir, 'missing.json'))).toBeUndefined();
    startKdfForFile(join(dir, 'missing.json'), 'pw');
    expect(takeKdf('pw', salt, 1000)).toBeUndefined();
  });
});
