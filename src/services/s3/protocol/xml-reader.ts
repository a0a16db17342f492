// Parses the XML bodies S3 accepts (CreateBucketConfiguration, Delete, CompleteMultipartUpload). Documents with a
// DOCTYPE are refused outright: S3 does not need one, and refusing it rules out entity-expansion attacks.
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { MalformedXML } from '../errors';

/** Parses `xml`, requires `root` as its root element, and returns that element. `repeated` names list elements. */
export function parseXmlBody(xml: string, root: string, repeated: readonly string[] = []): Record<string, unknown> {
  if (/<!DOCTYPE/i.test(xml)) throw new MalformedXML('DOCTYPE is not allowed');
  const valid = XMLValidator.validate(xml);
  if (valid !== true) throw new MalformedXML(valid.err.msg);
  const parser = new XMLParser({
    ignoreAttributes: true,
    removeNSPrefix: true,
    parseTagValue: false,
    trimValues: false,
    processEntities: true,
    htmlEntities: true,
    isArray: (name) => repeated.includes(name),
  });
  const document = parser.parse(xml) as Record<string, unknown>;
  const element = document[root];
  if (element === '') return {};
  if (typeof element !== 'object' || element === null || Array.isArray(element)) throw new MalformedXML(`expected a <${root}> root element`);
  return element as Record<string, unknown>;
}

/** The text of a child element, or undefined; throws MalformedXML when the child is not a simple text element. */
export function childText(parent: Record<string, unknown>, name: string): string | undefined {
  const value = parent[name];
  if (value === undefined) return undefined;
  if (typeof value !== 'string') throw new MalformedXML(`<${name}> must contain text`);
  return value;
}

/** Repeated child elements, each an object (an empty element parses as ""). */
export function childElements(parent: Record<string, unknown>, name: string): Array<Record<string, unknown>> {
  const value = parent[name];
  if (value === undefined) return [];
  const items = Array.isArray(value) ? value : [value];
  return items.map((item) => {
    if (item === '') return {};
    if (typeof item !== 'object' || item === null) throw new MalformedXML(`<${name}> must contain elements`);
    return item as Record<string, unknown>;
  });
}
