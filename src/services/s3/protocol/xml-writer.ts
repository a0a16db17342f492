// A small writer for S3's REST-XML documents. Element order follows object key order; arrays repeat an element.
// Control characters are written as character references, so keys containing \r survive XML end-of-line
// normalization in the client's parser (S3 does the same).
type XmlValue = string | number | boolean | XmlElement | undefined;
export interface XmlElement {
  readonly [name: string]: XmlValue | readonly XmlValue[];
}

const S3_NAMESPACE = 'http://s3.amazonaws.com/doc/2006-03-01/';

export function escapeXml(text: string): string {
  return text.replace(/[&<>\u0000-\u0008\u000b-\u001f\r\ufffe\uffff]/g, (c) => {
    if (c === '&') return '&amp;';
    if (c === '<') return '&lt;';
    if (c === '>') return '&gt;';
    return `&#x${c.charCodeAt(0).toString(16).toUpperCase()};`;
  });
}

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
