// The one REST-XML error writer, used by the S3 service and by the edge for requests meant for S3.
import { escapeXml, newRequestIds, serializeRestXmlError } from '../../../src/server/protocols/rest-xml';
import { ServiceError } from '../../../src/server/service-error';

const IDS = { requestId: '0123456789ABCDEF', hostId: 'aG9zdA==' };

describe('escapeXml', () => {
  it('escapes markup and control characters so they survive XML parsing', () => {
    expect(escapeXml('a<b>&c\r\u0001"\'\n')).toBe('a&lt;b&gt;&amp;c&#xD;&#x1;"\'\n');
  });
});

describe('serializeRestXmlError', () => {
  it("writes S3's error document with the details, request id and host id", () => {
    const err = new ServiceError('NoSuchKey', 'The specified key does not exist.', 404, 'client', { Key: 'a&b' });
    expect(serializeRestXmlError(err, IDS, 'GET')).toEqual({
      status: 404,
      headers: { 'x-amz-request-id': IDS.requestId, 'x-amz-id-2': IDS.hostId, 'content-type': 'application/xml' },
      body:
        '<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>NoSuchKey</Code><Message>The specified key does not exist.</Message>' +
        '<Key>a&amp;b</Key><RequestId>0123456789ABCDEF</RequestId><HostId>aG9zdA==</HostId></Error>',
    });
  });

  it('answers HEAD with the status and ids only', () => {
    expect(serializeRestXmlError(new ServiceError('NotFound', 'gone', 404), IDS, 'head')).toEqual({
      status: 404,
      headers: { 'x-amz-request-id': IDS.requestId, 'x-amz-id-2': IDS.hostId },
    });
  });

  it('turns anything else thrown into a 500 InternalError naming what went wrong', () => {
    const response = serializeRestXmlError(new RangeError('disk full'), IDS, 'PUT');
    expect(response.status).toBe(500);
    expect(response.body).toContain('<Code>InternalError</Code><Message>Internal error in the sandbox endpoint: disk full</Message>');
  });

  // The edge's own errors for S3 requests (service not enabled, endpoint closed) are written as S3 writes its own.
  it("escapes an edge error's message as S3 does: quotes stay, markup becomes entities", () => {
    const err = new ServiceError('InternalFailure', "Service 's3' <off>", 501);
    expect(serializeRestXmlError(err, IDS, 'GET').body).toContain("<Message>Service 's3' &lt;off&gt;</Message>");
  });

  it("makes S3's ids: 16 upper-case hex characters and a base64 host id", () => {
    const ids = newRequestIds();
    expect(ids.requestId).toMatch(/^[0-9A-F]{16}$/);
    expect(Buffer.from(ids.hostId, 'base64')).toHaveLength(48);
  });
});
