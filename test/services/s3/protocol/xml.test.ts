import { childElements, childText, parseXmlBody } from '../../../../src/services/s3/protocol/xml-reader';
import { xmlDocument } from '../../../../src/services/s3/protocol/xml-writer';

describe('xmlDocument', () => {
  it('writes ordered, repeated and optional elements with the S3 namespace', () => {
    expect(xmlDocument('R', { A: 'x', B: [1, 2], C: undefined, D: { E: true } })).toBe(
      '<?xml version="1.0" encoding="UTF-8"?>\n<R xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><A>x</A><B>1</B><B>2</B><D><E>true</E></D></R>',
    );
    expect(xmlDocument('Error', { Code: 'X' }, false)).toContain('<Error><Code>X</Code></Error>');
  });

  it('writes markup and control characters so they survive XML parsing', () => {
    const parsed = parseXmlBody(xmlDocument('Delete', { Object: { Key: 'line\r\nbreak & <tag>' } }), 'Delete', ['Object']);
    expect(childText(childElements(parsed, 'Object')[0], 'Key')).toBe('line\r\nbreak & <tag>');
  });
});

describe('parseXmlBody', () => {
  it('keeps whitespace in values and lists repeated elements', () => {
    const root = parseXmlBody('<Delete xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><Object><Key> padded </Key></Object></Delete>', 'Delete', ['Object']);
    expect(childElements(root, 'Object').map((o) => childText(o, 'Key'))).toEqual([' padded ']);
  });

  it.each([
    ['unclosed tags', '<Delete><Object></Delete>'],
    ['not XML', 'garbage'],
    ['the wrong root', '<Other/>'],
    ['a DOCTYPE', '<!DOCTYPE x [<!ENTITY a "aaaa">]><Delete>&a;</Delete>'],
  ])('rejects %s with MalformedXML', (_case, xml) => {
    expect(() => parseXmlBody(xml, 'Delete')).toThrow(expect.objectContaining({ code: 'MalformedXML', statusCode: 400 }));
  });
});
