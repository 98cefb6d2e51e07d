// Safe XML for SMSFactor (security.md 29). The API answers XML unless asked otherwise, so a
// hostile or broken body must never expand entities, load anything, or turn values into
// numbers (a token like `00123` must stay a string). Used by the client and by the sandbox.
import { XMLBuilder, XMLParser, XMLValidator } from 'fast-xml-parser';

/** Bodies larger than this are refused before parsing (a provider answer is a few KB). */
export const MAX_XML_BYTES = 512 * 1024;

export type XmlValue = string | null | XmlObject | XmlValue[];
export interface XmlObject {
  [key: string]: XmlValue;
}

export type XmlFailure = 'doctype' | 'too-large' | 'malformed';

/** Why a body could not be read; `reason` lets callers say it in words. */
export class XmlParseError extends Error {
  constructor(readonly reason: XmlFailure) {
    super(
      reason === 'doctype'
        ? 'the XML declares a DOCTYPE or entities, which are refused'
        : reason === 'too-large'
          ? 'the XML body is too large'
          : 'the XML is malformed',
    );
    this.name = 'XmlParseError';
  }
}

const parser = new XMLParser({
  // Entities are never expanded: DOCTYPE is refused up front, and the five predefined
  // entities plus numeric references are decoded by `decodeBasicEntities` in one pass,
  // which cannot grow the text (no billion laughs).
  processEntities: false,
  htmlEntities: false,
  parseTagValue: false,
  parseAttributeValue: false,
  ignoreAttributes: true,
  ignoreDeclaration: true,
  ignorePiTags: true,
  trimValues: true,
  maxNestedTags: 32,
});

const builder = new XMLBuilder({ ignoreAttributes: true, format: false, suppressEmptyNode: false });

const BASIC_ENTITY = /&(lt|gt|amp|quot|apos|#\d{1,7}|#x[0-9a-fA-F]{1,6});/g;

function decodeBasicEntities(text: string): string {
  return text.replace(BASIC_ENTITY, (whole, name: string) => {
    switch (name) {
      case 'lt':
        return '<';
      case 'gt':
        return '>';
      case 'amp':
        return '&';
      case 'quot':
        return '"';
      case 'apos':
        return "'";
    }
    const code = name.startsWith('#x') ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}

function normalise(value: unknown): XmlValue {
  if (value === null || value === undefined) return null;
  if (Array.isArray(value)) return value.map(normalise);
  if (typeof value === 'object') {
    const out: XmlObject = {};
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) out[k] = normalise(v);
    return out;
  }
  const text = decodeBasicEntities(String(value));
  // SMSFactor writes a missing value as the text `null`.
  return text === 'null' ? null : text;
}

/** Parses an XML document into plain objects whose leaves are strings or null. */
export function parseXml(body: string): XmlObject {
  if (Buffer.byteLength(body, 'utf8') > MAX_XML_BYTES) throw new XmlParseError('too-large');
  if (/<!DOCTYPE|<!ENTITY/i.test(body)) throw new XmlParseError('doctype');
  if (XMLValidator.validate(body) !== true) throw new XmlParseError('malformed');
  let raw: unknown;
  try {
    raw = parser.parse(body);
  } catch {
    throw new XmlParseError('malformed');
  }
  const doc = normalise(raw);
  if (doc === null || typeof doc !== 'object' || Array.isArray(doc)) {
    throw new XmlParseError('malformed');
  }
  // A well-formed document has exactly one root element (repeated roots parse as a list).
  const roots = Object.values(doc);
  if (roots.length !== 1 || Array.isArray(roots[0])) throw new XmlParseError('malformed');
  return doc;
}

/** The single element under the document root (`<response>` or `<token>`), if any. */
export function rootElement(doc: XmlObject): XmlObject | undefined {
  const keys = Object.keys(doc);
  if (keys.length !== 1) return undefined;
  const root = doc[keys[0] as string];
  return root && typeof root === 'object' && !Array.isArray(root) ? root : undefined;
}

export type Buildable = string | number | boolean | null | undefined | Buildable[] | BuildObject;
export interface BuildObject {
  [key: string]: Buildable;
}

function toBuildable(value: Buildable): unknown {
  if (value === null) return 'null';
  if (Array.isArray(value)) return value.map(toBuildable);
  if (typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) if (v !== undefined) out[k] = toBuildable(v);
    return out;
  }
  return value;
}

/** Serialises `{ root: {...} }`; arrays become repeated sibling elements, null the text `null`. */
export function buildXml(rootName: string, content: BuildObject): string {
  const xml = builder.build({ [rootName]: toBuildable(content) }) as string;
  return `<?xml version="1.0" encoding="UTF-8"?>${xml}`;
}
