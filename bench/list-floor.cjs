// The least a Node program can do to print `tokenvault list` for a sealed vault, so that the
// bench can print cli_session_list_10k_ms beside what no implementation in Node could beat
// (cli.bench.ts, node_list_floor_10k_ms). CommonJS and Node's own modules only: no loader, no
// bundle, no checks of shape, no fallbacks, no KDF (the data key comes in
// TOKENVAULT_BENCH_DEK, base64, as a session would give it). It reads the whole file through
// one HMAC (the least any check that the file is unchanged costs), in 64 KB chunks that reuse
// four buffers, keeping the last 256 KB (where the serializer writes the listing); opens the
// sealed listing (AES-256-GCM, AAD "listing|2|<mac>"), inflates and parses it, and prints the
// same table as `list`; the bench checks that the output is byte for byte the same.
// Usage: node list-floor.cjs <vault.json>
/* eslint-disable @typescript-eslint/no-require-imports */
'use strict';
const { closeSync, fstatSync, openSync, readSync, writeSync } = require('node:fs');
const { createDecipheriv, createHmac } = require('node:crypto');
const { inflateRawSync } = require('node:zlib');

const dek = Buffer.from(process.env['TOKENVAULT_BENCH_DEK'] ?? '', 'base64');
const CHUNK = 64 * 1024;
const ring = Array.from({ length: 4 }, () => Buffer.allocUnsafeSlow(CHUNK));
const lengths = [0, 0, 0, 0];
const fd = openSync(process.argv[2] ?? '', 'r');
const size = fstatSync(fd).size;
const hmac = createHmac('sha256', dek);
let chunks = 0;
for (let done = 0; done < size; chunks++) {
  const slot = chunks % 4;
  const n = readSync(fd, ring[slot], 0, Math.min(CHUNK, size - done), done);
  hmac.update(ring[slot].subarray(0, n));
  lengths[slot] = n;
  done += n;
}
closeSync(fd);
hmac.digest();
const last = [];
for (let i = Math.max(0, chunks - 4); i < chunks; i++) {
  last.push(ring[i % 4].subarray(0, lengths[i % 4]));
}
const bytes = Buffer.concat(last);
if (bytes.lastIndexOf('"listing":"') < 0) throw new Error('The listing is not in the last 256 KB.');

/** The string value after `"key":"`, found from the end (the serializer writes both last). */
function tailString(key) {
  const marker = `"${key}":"`;
  const start = bytes.lastIndexOf(marker) + marker.length;
  return bytes.toString('latin1', start, bytes.indexOf(0x22, start));
}
const mac = tailString('mac');
const sealed = Buffer.from(tailString('listing'), 'base64');
const decipher = createDecipheriv('aes-256-gcm', dek, sealed.subarray(0, 12));
decipher.setAAD(Buffer.from(`listing|2|${mac}`, 'utf8'));
decipher.setAuthTag(sealed.subarray(sealed.length - 16));
const packed = Buffer.concat([
  decipher.update(sealed.subarray(12, sealed.length - 16)),
  decipher.final(),
]);
const views = JSON.parse(inflateRawSync(packed, { chunkSize: 8 << 20 }).toString('latin1'));

const minute = (ms) =>
  ms === null ? 'never' : new Date(ms).toISOString().slice(0, 16).replace('T', ' ');
// Column by column, then straight into one buffer: no string per line, no array per row.
const n = views.length;
const columns = [
  ['LABEL', ...views.map((v) => v.label)],
  ['PROVIDER', ...views.map((v) => v.provider)],
  ['KIND', ...views.map((v) => v.kind)],
  ['STATUS', ...views.map((v) => v.status)],
  ['EXPIRES', ...views.map((v) => minute(v.expiresAt))],
  ['ACCOUNT', ...views.map((v) => v.account?.email ?? v.account?.id ?? '')],
];
const widths = columns.map((column) => Math.max(...column.map((s) => s.length)));
let units = 0;
for (const column of columns) for (const s of column) units += s.length;
const out = Buffer.allocUnsafe(widths.reduce((a, w) => a + w + 2, 1) * (n + 1) + 2 * units);
let at = 0;
const put = (s) => {
  for (let i = 0; i < s.length; i++) {
    const code = s.charCodeAt(i);
    if (code >= 0x80) return void (at += out.write(s.slice(i), at, 'utf8'));
    out[at++] = code;
  }
};
for (let row = 0; row <= n; row++) {
  let last = 5;
  while (last >= 0 && columns[last][row].trimEnd() === '') last--;
  for (let c = 0; c < last; c++) {
    const s = columns[c][row];
    put(s);
    for (let pad = widths[c] + 2 - s.length; pad > 0; pad--) out[at++] = 0x20;
  }
  if (last >= 0) put(columns[last][row].trimEnd());
  out[at++] = 0x0a;
}
for (let done = 0; done < at;) done += writeSync(1, out, done, at - done);
