// The committed tray icons: every state/theme pair has a valid 16x16 PNG and a 32x32 @2x one.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import {
  MENU_BAR_THEMES,
  menuBarTheme,
  TRAY_STATES,
  trayIconFile,
} from '../../../../main/core/reminders/tray-icons';

const dir = join(__dirname, '../../../../assets/tray');
const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

interface Png {
  width: number;
  height: number;
  pixels: Buffer;
}

/** A strict little reader: signature, chunk CRCs, IHDR, inflated IDAT of the right length. */
function readPng(bytes: Buffer): Png {
  expect(bytes.subarray(0, 8).equals(SIGNATURE)).toBe(true);
  let offset = 8;
  let width = 0;
  let height = 0;
  const idat: Buffer[] = [];
  let ended = false;
  while (offset < bytes.length) {
    const length = bytes.readUInt32BE(offset);
    const type = bytes.toString('ascii', offset + 4, offset + 8);
    const data = bytes.subarray(offset + 8, offset + 8 + length);
    const crc = bytes.readUInt32BE(offset + 8 + length);
    expect(crc32(bytes.subarray(offset + 4, offset + 8 + length))).toBe(crc);
    if (type === 'IHDR') {
      width = data.readUInt32BE(0);
      height = data.readUInt32BE(4);
      expect([data[8], data[9]]).toEqual([8, 6]); // 8-bit RGBA
    } else if (type === 'IDAT') idat.push(data);
    else if (type === 'IEND') ended = true;
    offset += 12 + length;
  }
  expect(ended).toBe(true);
  const raw = inflateSync(Buffer.concat(idat));
  expect(raw.length).toBe(height * (width * 4 + 1));
  return { width, height, pixels: raw };
}

function crc32(bytes: Buffer): number {
  let c = 0xffffffff;
  for (const b of bytes) {
    c ^= b;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  }
  return (c ^ 0xffffffff) >>> 0;
}

function opaquePixels(png: Png): number {
  let count = 0;
  for (let y = 0; y < png.height; y++) {
    for (let x = 0; x < png.width; x++) {
      if ((png.pixels[y * (png.width * 4 + 1) + 1 + x * 4 + 3] ?? 0) > 128) count++;
    }
  }
  return count;
}

describe('tray icons', () => {
  const pairs = TRAY_STATES.flatMap((state) => MENU_BAR_THEMES.map((theme) => [state, theme]));

  it.each(pairs)('%s / %s: 16x16 and 32x32 @2x PNGs that draw something', (state, theme) => {
    const file = trayIconFile(state as 'ok', theme as 'light');
    const small = readPng(readFileSync(join(dir, file)));
    const large = readPng(readFileSync(join(dir, file.replace('.png', '@2x.png'))));
    expect([small.width, small.height]).toEqual([16, 16]);
    expect([large.width, large.height]).toEqual([32, 32]);
    expect(opaquePixels(small)).toBeGreaterThan(30);
    expect(opaquePixels(large)).toBeGreaterThan(4 * 30);
  });

  it('the three states look different from each other', () => {
    const bytes = TRAY_STATES.map((s) => readFileSync(join(dir, trayIconFile(s, 'light'))));
    expect(new Set(bytes.map((b) => b.toString('base64'))).size).toBe(3);
  });

  it.each<[NodeJS.Platform, boolean, string]>([
    ['darwin', false, 'light'],
    ['darwin', true, 'dark'],
    ['win32', false, 'dark'],
    ['linux', false, 'dark'],
  ])('menu bar on %s (dark colours %s) is %s', (platform, dark, theme) => {
    expect(menuBarTheme(platform, dark)).toBe(theme);
  });
});
