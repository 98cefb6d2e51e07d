import { describe, expect, it } from 'vitest';
import { table, tableBytes } from '../../../main/cli/cli-output';

/** What the table printed before it was written into bytes: padded cells, each line trimmed. */
function linesOf(header: string[], rows: string[][]): string {
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => (r[c] ?? '').length)));
  const last = header.length - 1;
  const line = (cells: string[]) =>
    (
      cells
        .slice(0, last)
        .map((s, c) => s.padEnd((widths[c] ?? 0) + 2))
        .join('') + (cells[last] ?? '')
    ).trimEnd() + '\n';
  return [header, ...rows].map(line).join('');
}

const columnsOf = (header: string[], rows: string[][]) =>
  header.map((_, c) => rows.map((r) => r[c] ?? ''));
const decoded = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

describe('the human table', () => {
  it('pads every column to its widest cell plus two spaces and trims each line', () => {
    const text = table(
      ['LABEL', 'PROVIDER', 'ACCOUNT'],
      [
        ['billing', 'faxplus', 'ops@example.com'],
        ['a', 'smsfactor', ''],
      ],
    );
    expect(text).toBe(
      'LABEL    PROVIDER   ACCOUNT\n' +
        'billing  faxplus    ops@example.com\n' +
        'a        smsfactor\n',
    );
  });

  it('gives the same text as padding and trimming lines, whatever the cells hold', () => {
    const header = ['LABEL', 'PROVIDER', 'KIND', 'ACCOUNT'];
    const rows = [
      ['étiquette', 'faxplus', 'oauth', 'zoë@example.com'],
      ['日本語のラベル', 'api-key', 'api-key', ''],
      ['emoji 🔑 key', '', '', ''],
      ['trailing  ', 'x', '\u3000', ' '],
      ['', '', '', ''],
      ['\u00a0', 'lone \ud800 surrogate', 'tab\t', 'end\u2003'],
      ['short'],
    ];
    // Byte for byte (a lone surrogate is written as U+FFFD, as Buffer.from writes it).
    const bytes = Buffer.from(tableBytes(header, columnsOf(header, rows)));
    expect(bytes.toString('utf8')).toBe(Buffer.from(linesOf(header, rows)).toString('utf8'));
    expect(bytes.equals(Buffer.from(linesOf(header, rows), 'utf8'))).toBe(true);
    const three = header.slice(0, 3);
    expect(table(three, rows)).toBe(Buffer.from(linesOf(three, rows)).toString('utf8'));
  });

  it('prints the header alone when there are no rows, and ignores cells past the header', () => {
    expect(decoded(tableBytes(['A', 'B'], [[], []]))).toBe('A  B\n');
    expect(table(['A', 'B'], [['1', '2', 'extra']])).toBe('A  B\n1  2\n');
  });

  it('writes 10,000 rows of wide cells without running out of room', () => {
    const header = ['LABEL', 'ACCOUNT'];
    const rows = Array.from({ length: 10_000 }, (_, i) => [
      i % 3 === 0 ? `ラベル ${i}` : `label ${i}`,
      i % 2 === 0 ? '' : `𝓊𝓈𝑒𝓇${i}@example.com`,
    ]);
    expect(decoded(tableBytes(header, columnsOf(header, rows)))).toBe(linesOf(header, rows));
  });
});
