import { describe, expect, it } from 'vitest';
import { complete, completionText, typedWord, vaultOption } from '../../../main/cli/completion';

const labels = () => ['billing', 'Backup', 'ops team'];
const words = (...w: string[]) => complete(w, labels);

describe('shell completion', () => {
  it('hidden commands are never offered', () => {
    const first = words('');
    expect(first.kind === 'words' && first.words).not.toContain('__complete');
  });

  it('after exec ... -- the next word is a command, later words files', () => {
    expect(words('exec', 'billing', '--', '')).toEqual({ kind: 'commands' });
    expect(words('exec', 'billing', '--', 'curl', '')).toEqual({ kind: 'files' });
  });

  it('file options and file positionals ask the shell for files', () => {
    expect(words('inject', '-i', '')).toEqual({ kind: 'files' });
    expect(words('backup', 'export', '')).toEqual({ kind: 'files' });
    expect(words('list', '--vault', '')).toEqual({ kind: 'files' });
  });

  it('nothing is offered past the last positional, or for a free-text option', () => {
    expect(words('token', 'billing', '')).toEqual({ kind: 'words', words: [] });
    expect(words('exec', 'billing', '--env', '')).toEqual({ kind: 'words', words: [] });
  });

  it('option values do not count as positionals', () => {
    expect(words('headers', '--format', 'curl', 'b')).toEqual({
      kind: 'words',
      words: ['billing'],
    });
  });

  it('falls back to a case-insensitive match, and reads escaped input', () => {
    expect(words('token', 'b')).toEqual({ kind: 'words', words: ['billing'] });
    expect(words('token', 'BA')).toEqual({ kind: 'words', words: ['Backup'] });
    expect(typedWord('ops\\ te')).toBe('ops te');
    expect(words('token', "'ops t")).toEqual({ kind: 'words', words: ['ops team'] });
  });

  it('the answer is a directive line and one candidate per line', () => {
    expect(completionText({ kind: 'words', words: ['a', 'b'] })).toBe(':words\na\nb\n');
    expect(completionText({ kind: 'files' })).toBe(':files\n');
    expect(vaultOption(['list', '--vault', '/v', ''])).toBe('/v');
    expect(vaultOption(['list', '--vault', ''])).toBeUndefined();
  });
});
