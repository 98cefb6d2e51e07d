// The least a Node program can do to print `tokenvault list` for a sealed vault, so that the
// bench can print cli_session_list_10k_ms beside what no implementation in Node could beat
// (cli.bench.ts, node_list_floor_10k_ms). CommonJS and Node's own modules only: no loader, no
// bundle, no checks of shape, no fallbacks, no KDF (the data key comes in
// TOKENVAULT_BENCH_DEK, base64, as a session would give it). It reads the whole file and
// runs one HMAC over it (the least any check that the file is unchanged costs), opens the
// sealed listing (AES-256-GCM, AAD "listing|2|<mac>"), inflates and parses it, and prints the
// same table as `list`; the bench checks that the output is byte for byte the same.
// Usage: node list-floor.cjs <vault.json>
/* eslint-disable @typescript-eslint/no-require-imports */
'use strict';
const { readFileSync, writeSync } = require('node:fs');
const { createDecipheriv, createHmac } = require('node:crypto');
const { inflateRawSync } = require('node:zlib');

const bytes = readFileSync(process.argv[2] ?? '');
const dek = Buffer.from(process.env['TOKENVAULT_BENCH_DEK'] ?? '', 'base64');
createHmac('sha256', dek).update(bytes).digest();

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
const rows = [['LABEL', 'PROVIDER', 'KIND', 'STATUS', 'EXPIRES', 'ACCOUNT']];
for (const v of views) {
  const account = v.account?.email ?? v.account?.id ?? '';
  rows.push([v.label, v.provider, v.kind, v.status, minute(v.expiresAt), account]);
}
const widths = [0, 0, 0, 0, 0];
for (const row of rows) for (let i = 0; i < 5; i++) widths[i] = Math.max(widths[i], row[i].length);
let out = '';
for (const row of rows) {
  let line = '';
  for (let i = 0; i < 5; i++) line += row[i].padEnd(widths[i] + 2);
  out += (line + row[5]).trimEnd() + '\n';
}
const text = Buffer.from(out, 'utf8');
for (let done = 0; done < text.length;) done += writeSync(1, text, done);
