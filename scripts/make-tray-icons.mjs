// Draws the tray icons into assets/tray/ with Node built-ins only (zlib for PNG's deflate):
//   tray-<state>-<theme>.png (16x16) and tray-<state>-<theme>@2x.png (32x32)
// state: ok | warning | expired; theme: light (dark glyph, for light menu bars) | dark.
// The state is told by SHAPE as well as colour: no badge, an amber triangle, a red disc
// with "!". Shapes are described in a unit square and supersampled for smooth edges.
// Usage: node scripts/make-tray-icons.mjs   (the PNGs are committed; re-run after a change)
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outDir = join(root, 'assets', 'tray');

// ---- PNG encoding ---------------------------------------------------------------------------

const crcTable = new Uint32Array(256).map((_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes) {
  let c = 0xffffffff;
  for (const b of bytes) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** RGBA pixels (size*size*4) -> PNG bytes (8-bit RGBA, no interlace, filter 0 per row). */
function encodePng(size, rgba) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // colour type RGBA
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0;
    Buffer.from(rgba.buffer, y * size * 4, size * 4).copy(raw, y * (size * 4 + 1) + 1);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

// ---- Shapes in the unit square (x right, y down) --------------------------------------------

const inRect = (x, y, x0, y0, x1, y1) => x >= x0 && x <= x1 && y >= y0 && y <= y1;
const inCircle = (x, y, cx, cy, r) => (x - cx) ** 2 + (y - cy) ** 2 <= r * r;

function inRoundRect(x, y, x0, y0, x1, y1, r) {
  if (!inRect(x, y, x0, y0, x1, y1)) return false;
  const cx = Math.min(Math.max(x, x0 + r), x1 - r);
  const cy = Math.min(Math.max(y, y0 + r), y1 - r);
  return inCircle(x, y, cx, cy, r);
}

/** A padlock: the vault. */
function inLock(x, y) {
  const body = inRoundRect(x, y, 0.16, 0.42, 0.84, 0.95, 0.1);
  const keyhole = inCircle(x, y, 0.5, 0.62, 0.075) || inRect(x, y, 0.465, 0.62, 0.535, 0.8);
  const d = Math.hypot(x - 0.5, y - 0.34);
  const arc = y <= 0.34 && d >= 0.16 && d <= 0.27;
  const legs = inRect(x, y, 0.23, 0.34, 0.34, 0.46) || inRect(x, y, 0.66, 0.34, 0.77, 0.46);
  return (body && !keyhole) || arc || legs;
}

const BADGE = { cx: 0.76, cy: 0.76 };

function inTriangle(x, y) {
  // Upward triangle with its base at the bottom-right corner.
  const top = 0.5;
  const bottom = 1.0;
  const half = 0.27;
  if (y < top || y > bottom) return false;
  const t = (y - top) / (bottom - top);
  return Math.abs(x - BADGE.cx) <= half * t;
}

function inTriangleMark(x, y) {
  return inRect(x, y, 0.735, 0.67, 0.785, 0.87) || inRect(x, y, 0.735, 0.9, 0.785, 0.95);
}

const inDisc = (x, y) => inCircle(x, y, BADGE.cx, BADGE.cy, 0.23);
const inDiscMark = (x, y) =>
  inRect(x, y, 0.73, 0.62, 0.79, 0.8) || inRect(x, y, 0.73, 0.85, 0.79, 0.9);
/** Clear space around the badge so it reads apart from the padlock. */
const inBadgeMargin = (x, y) => inCircle(x, y, BADGE.cx, BADGE.cy, 0.32);

const palette = {
  light: { glyph: [31, 35, 40] },
  dark: { glyph: [240, 242, 245] },
};
const AMBER = [240, 164, 0];
const RED = [214, 48, 49];
const INK = [24, 24, 24];
const WHITE = [255, 255, 255];

/** The colour of one sample point, or null for transparent. */
function sample(state, theme, x, y) {
  const badge = state !== 'ok';
  if (state === 'warning' && inTriangle(x, y)) return inTriangleMark(x, y) ? INK : AMBER;
  if (state === 'expired' && inDisc(x, y)) return inDiscMark(x, y) ? WHITE : RED;
  if (badge && inBadgeMargin(x, y)) return null;
  return inLock(x, y) ? palette[theme].glyph : null;
}

function render(state, theme, size, samples = 8) {
  const rgba = new Uint8Array(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0;
      let g = 0;
      let b = 0;
      let covered = 0;
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const colour = sample(
            state,
            theme,
            (px + (sx + 0.5) / samples) / size,
            (py + (sy + 0.5) / samples) / size,
          );
          if (!colour) continue;
          covered++;
          r += colour[0];
          g += colour[1];
          b += colour[2];
        }
      }
      const i = (py * size + px) * 4;
      if (covered > 0) {
        // Straight (not premultiplied) alpha: average colour of the covered samples.
        rgba[i] = Math.round(r / covered);
        rgba[i + 1] = Math.round(g / covered);
        rgba[i + 2] = Math.round(b / covered);
        rgba[i + 3] = Math.round((255 * covered) / (samples * samples));
      }
    }
  }
  return rgba;
}

mkdirSync(outDir, { recursive: true });
for (const state of ['ok', 'warning', 'expired']) {
  for (const theme of ['light', 'dark']) {
    for (const [size, suffix] of [
      [16, ''],
      [32, '@2x'],
    ]) {
      const file = join(outDir, `tray-${state}-${theme}${suffix}.png`);
      writeFileSync(file, encodePng(size, render(state, theme, size)));
    }
  }
}
console.log(`make-tray-icons: wrote 12 icons to ${outDir}`);
