// A small writer for S3's REST-XML documents. Element order follows object key order; arrays repeat an element.
// Text is escaped by the REST-XML protocol's escapeXml, which its error writer uses too.
import { escapeXml } from '../../../server/protocols/rest-xml';

export type XmlValue = string | number | boolean | XmlElement | undefined;
export interface XmlElement {
  readonly [name: string]: XmlValue | readonly XmlValue[];
}

const S3_NAMESPACE = 'http://s3.amazonaws.com/doc/2006-03-01/';

function element(name: string, value: XmlValue): string {
  if (value === undefined) return '';
  if (typeof value !== 'object') return `<${name}>${escapeXml(String(value))}</${name}>`;
  return `<${name}>${children(value)}</${name}>`;
}

function children(content: XmlElement): string {
  let out = '';
  for (const [name, value] of Object.entries(content)) {
    if (Array.isArray(value)) for (const item of value as readonly XmlValue[]) out += element(name, item);
    else out += element(name, value as XmlValue);
  }
  return out;
}

/** A complete document: declaration, root element (with the S3 namespace unless disabled) and content. */
export function xmlDocument(root: string, content: XmlElement | string, namespace = true): string {
  const open = namespace ? `<${root} xmlns="${S3_NAMESPACE}">` : `<${root}>`;
  const body = typeof content === 'string' ? escapeXml(content) : children(content);
  return `<?xml version="1.0" encoding="UTF-8"?>\n${open}${body}</${root}>`;
}
