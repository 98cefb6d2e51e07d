import { describe, expect, it } from 'vitest';
import { findReferences, renderTemplate } from '../../../main/cli/inject-template';

describe('inject templates', () => {
  it('finds references with or without spaces, %-encoded labels and provider prefixes', () => {
    const refs = findReferences(
      'a={{tokenvault://billing/token}}\nb={{ tokenvault://ops team/Header }}\n' +
        'c={{ tokenvault://a%2Fb/token }} d={{ tokenvault://smsfactor:acme/token_id }}',
    );
    expect(refs.map((r) => [r.line, r.label, r.field, r.provider])).toEqual([
      [1, 'billing', 'token', undefined],
      [2, 'ops team', 'header', undefined],
      [3, 'a/b', 'token', undefined],
      [3, 'acme', 'token_id', 'smsfactor'],
    ]);
  });

  it('every provider can be named first; another word before a colon stays in the label', () => {
    const refs = findReferences(
      '{{ tokenvault://api-key:ops team/token }} {{ tokenvault://oauth2:crm/header }} ' +
        '{{ tokenvault://db:prod/token }} {{ tokenvault://faxplus:/token }}',
    );
    expect(refs.map((r) => [r.label, r.provider])).toEqual([
      ['ops team', 'api-key'],
      ['crm', 'oauth2'],
      ['db:prod', undefined],
      ['faxplus:', undefined],
    ]);
  });

  it('a label holding a slash is read up to the last one', () => {
    expect(findReferences('{{ tokenvault://team/prod/token }}')[0]).toMatchObject({
      label: 'team/prod',
      field: 'token',
    });
  });

  it('replaces each reference and keeps everything else byte for byte', () => {
    const template = 'x {{ tokenvault://a/token }} y {{ other }} {{ tokenvault://b/label }}\n';
    const refs = findReferences(template);
    expect(renderTemplate(template, refs, (r) => `<${r.label}.${r.field}>`)).toBe(
      'x <a.token> y {{ other }} <b.label>\n',
    );
  });

  it('a broken reference is an error with its line, never passed through', () => {
    expect(() => findReferences('ok\n{{ tokenvault://billing }}')).toThrow(
      /line 2: .*is not a reference/,
    );
    expect(() => findReferences('{{ tokenvault://bad%zz/token }}')).toThrow(/%-escape/);
  });

  it('a template without references has none', () => {
    expect(findReferences('plain {{ text }}\n')).toEqual([]);
  });
});
