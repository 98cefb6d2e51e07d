import { describe, expect, it } from 'vitest';
import { displayWidth, table, tableBytes } from '../../../main/cli/cli-output';

/** What the table printed before it was written into bytes: padded cells, each line trimmed. */
function asciiLines(header: string[], rows: string[][]): string {
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

  it('prints ASCII exactly as padding and trimming each line would', () => {
    const header = ['LABEL', 'PROVIDER', 'KIND', 'ACCOUNT'];
    const rows = [
      ['trailing  ', 'x', 'tab\t', ' '],
      ['', '', '', ''],
      ['emoji-free key', '', '', ''],
      ['a label longer than twenty-four characters', 'faxplus', 'oauth', 'Replace it soon'],
      ['short'],
    ];
    expect(decoded(tableBytes(header, columnsOf(header, rows)))).toBe(asciiLines(header, rows));
  });

  it('lines up Chinese, Japanese, Korean, emoji and accents by the columns they take', () => {
    const text = table(
      ['LABEL', 'PROVIDER'],
      [
        ['日本語 key', 'api-key'],
        ['Zoë', 'faxplus'],
        ['🔑 key', 'oauth2'],
        ['e\u0301te\u0301', 'smsfactor'],
        ['한국어', 'api-key'],
      ],
    );
    expect(text).toBe(
      'LABEL       PROVIDER\n' +
        '日本語 key  api-key\n' +
        'Zoë         faxplus\n' +
        '🔑 key      oauth2\n' +
        'e\u0301te\u0301         smsfactor\n' +
        '한국어      api-key\n',
    );
  });

  it('lines up a long cell that is not ASCII as well as a short one', () => {
    const long = '非常长的标签名称用于测试表格里面的对齐效果是否正确无误啊'; // 28 characters, 56 columns
    expect(long.length).toBeGreaterThan(24);
    expect(
      table(
        ['LABEL', 'P'],
        [
          [long, 'a'],
          ['x', 'b'],
        ],
      ),
    ).toBe(`LABEL${' '.repeat(53)}P\n${long}  a\nx${' '.repeat(57)}b\n`);
  });

  it('trims white space of any script at a line end, and writes a lone surrogate as U+FFFD', () => {
    const bytes = Buffer.from(
      tableBytes(
        ['A', 'B'],
        [
          ['x\u3000', 'lone \ud800', '\u00a0'],
          ['y', '', ''],
        ],
      ),
    );
    // U+3000 takes two columns inside a line; at a line's end it is trimmed like a space.
    expect(bytes.toString('utf8')).toBe('A       B\nx\u3000     y\nlone \ufffd\n\n');
    expect(bytes.includes(Buffer.from('lone \xef\xbf\xbd\n', 'latin1'))).toBe(true);
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
    const width = Math.max(...rows.map((r) => displayWidth(r[0] ?? '')));
    const expected = [header, ...rows]
      .map(([a = '', b = '']) => (a + ' '.repeat(width + 2 - displayWidth(a)) + b).trimEnd())
      .join('\n');
    expect(decoded(tableBytes(header, columnsOf(header, rows)))).toBe(`${expected}\n`);
  });
});

describe('display width', () => {
  it('counts the terminal columns a string takes', () => {
    expect(displayWidth('billing')).toBe(7);
    expect(displayWidth('日本語')).toBe(6);
    expect(displayWidth('한국어')).toBe(6);
    expect(displayWidth('ｈｅｌｌｏ')).toBe(10);
    expect(displayWidth('Zoë')).toBe(3);
    expect(displayWidth('e\u0301')).toBe(1);
    expect(displayWidth('🔑')).toBe(2);
    expect(displayWidth('👍🏽')).toBe(2);
    expect(displayWidth('a\u200bb')).toBe(2);
    expect(displayWidth('')).toBe(0);
  });
});
