// security.md 9 and issue 7 item 3: the packaging config, read as electron-builder reads it.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// js-yaml comes with electron-builder (it parses this very file with it); no types shipped.
const { load } = createRequire(import.meta.url)('js-yaml') as { load(text: string): unknown };

const repoRoot = join(import.meta.dirname, '../../../..');
const config = load(readFileSync(join(repoRoot, 'electron-builder.yml'), 'utf8')) as Record<
  string,
  unknown
>;

function at(path: string): unknown {
  return path.split('.').reduce<unknown>((node, key) => {
    if (node === null || typeof node !== 'object') return undefined;
    return (node as Record<string, unknown>)[key];
  }, config);
}

describe('electron-builder.yml', () => {
  it.each([
    ['appId', 'dev.tokenvault.app'],
    ['productName', 'Token Vault'],
    ['directories.output', 'dist'],
    ['asar', true],
    ['mac.hardenedRuntime', true],
  ])('%s = %j', (path, value) => {
    expect(at(path)).toEqual(value);
  });

  it('packages the build output and package.json, not the e2e helpers', () => {
    const files = at('files') as string[];
    expect(files).toContain('out/**');
    expect(files).toContain('package.json');
    expect(files).toContain('!out/e2e/**');
  });

  it.each([
    ['runAsNode', false],
    ['enableNodeOptionsEnvironmentVariable', false],
    ['enableNodeCliInspectArguments', false],
    ['enableEmbeddedAsarIntegrityValidation', true],
    ['onlyLoadAppFromAsar', true],
    ['grantFileProtocolExtraPrivileges', false],
  ])('fuse %s is %s (security.md 9)', (fuse, value) => {
    expect(at(`electronFuses.${fuse}`)).toBe(value);
  });

  it('uses only fuse names electron-builder knows (a typo would be silently ignored)', () => {
    const schema = JSON.parse(
      readFileSync(join(repoRoot, 'node_modules/app-builder-lib/scheme.json'), 'utf8'),
    ) as { definitions: { FuseOptionsV1: { properties: Record<string, unknown> } } };
    const known = Object.keys(schema.definitions.FuseOptionsV1.properties);
    for (const key of Object.keys(at('electronFuses') as object)) expect(known).toContain(key);
  });

  it('registers the OAuth redirect scheme dev.tokenvault with the OS', () => {
    expect(at('protocols')).toEqual([{ name: 'Token Vault OAuth', schemes: ['dev.tokenvault'] }]);
  });

  it("the deb's desktop entry declares the x-scheme-handler MIME type", () => {
    const mime = String(at('deb.desktop.entry.MimeType'));
    expect(mime.split(';')).toContain('x-scheme-handler/dev.tokenvault');
  });

  it.each([
    ['linux.target', ['AppImage', 'deb']],
    ['mac.target', ['dmg']],
    ['win.target', ['nsis']],
  ])('%s builds %j', (path, targets) => {
    expect(at(path)).toEqual(targets);
  });

  it("the scheme matches the one the app's OAuth code answers", async () => {
    const { SCHEME_REDIRECT_URI } = await import('../../../../main/core/oauth/redirect.parser');
    expect(
      SCHEME_REDIRECT_URI.startsWith(
        `${(at('protocols') as [{ schemes: [string] }])[0].schemes[0]}:`,
      ),
    ).toBe(true);
  });
});
