// security.md 29 for XML: hostile documents are refused with a typed error before anything is
// expanded; ordinary answers keep their values as strings.
import { describe, expect, it } from 'vitest';
import {
  buildXml,
  MAX_XML_BYTES,
  parseXml,
  XmlParseError,
} from '../../../../../main/core/providers/smsfactor/smsfactor.xml';

const BILLION_LAUGHS = `<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
]>
<response><status>1</status><token>&lol3;</token></response>`;

const EXTERNAL = `<?xml version="1.0"?>
<!DOCTYPE r [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<response><status>1</status><token>&xxe;</token></response>`;

const PARAMETER_ENTITY = `<?xml version="1.0"?>
<!doctype r [<!ENTITY % p SYSTEM "http://127.0.0.1:1/evil.dtd"> %p;]>
<response><status>1</status></response>`;

function reason(body: string): string {
  try {
    parseXml(body);
  } catch (err) {
    if (err instanceof XmlParseError) return err.reason;
    throw err;
  }
  return 'parsed';
}

describe('hostile XML', () => {
  it.each([
    ['billion laughs', BILLION_LAUGHS, 'doctype'],
    ['external entity', EXTERNAL, 'doctype'],
    ['parameter entity, lower-case doctype', PARAMETER_ENTITY, 'doctype'],
    ['ENTITY without DOCTYPE', '<response><!ENTITY a "b"><status>1</status></response>', 'doctype'],
    [
      'huge body',
      `<response><status>1</status><x>${'a'.repeat(MAX_XML_BYTES)}</x></response>`,
      'too-large',
    ],
    ['deep nesting', `${'<a>'.repeat(200)}1${'</a>'.repeat(200)}`, 'malformed'],
    ['unclosed tag', '<response><status>1</status><token>abc</response', 'malformed'],
    ['two roots', '<response/><response/>', 'malformed'],
    ['text only', 'status=1', 'malformed'],
  ])('%s -> refused (%s)', (_name, body, expected) => {
    expect(reason(body)).toBe(expected);
  });
});

describe('ordinary answers', () => {
  it('keeps values as strings: leading zeros, numbers, booleans', () => {
    const doc = parseXml(
      '<?xml version="1.0" encoding="UTF-8"?><response><status>1</status><token>00123</token><token_id>2</token_id><is_active>true</is_active></response>',
    );
    expect(doc).toEqual({
      response: { status: '1', token: '00123', token_id: '2', is_active: 'true' },
    });
  });

  it('reads the text null as null and repeated siblings as a list', () => {
    const doc = parseXml(
      '<response><expired_at>null</expired_at><allowed_ips>1.2.3.4</allowed_ips><allowed_ips>::1</allowed_ips></response>',
    );
    expect(doc).toEqual({ response: { expired_at: null, allowed_ips: ['1.2.3.4', '::1'] } });
  });

  it('decodes the predefined entities once, never recursively', () => {
    const doc = parseXml('<r><name>a &amp; b &lt;c&gt; &#65;&#x42; &amp;lt;</name></r>');
    expect(doc).toEqual({ r: { name: 'a & b <c> AB &lt;' } });
  });

  it('round-trips a request body built for the wire', () => {
    const xml = buildXml('token', { name: 'a & <b>', ttl: 60, allowed_ips: ['10.0.0.0/8', '::1'] });
    expect(xml).not.toContain('<b>');
    expect(parseXml(xml)).toEqual({
      token: { name: 'a & <b>', ttl: '60', allowed_ips: ['10.0.0.0/8', '::1'] },
    });
  });
});
