import { Readable } from 'node:stream';
import type { EdgeRequest } from '../../src/server/edge';
import { withWireHeaders } from '../../src/server/wire-headers';

const NOW = new Date('2024-05-06T07:08:09Z');

function request(headers: Record<string, string> = {}): EdgeRequest {
  return { method: 'POST', url: '/', headers, body: Readable.from([]) };
}

describe('withWireHeaders', () => {
  it("puts DynamoDB's header set in its wire order, extra headers last", () => {
    const response = {
      status: 400,
      headers: { 'content-type': 'application/x-amz-json-1.0', 'x-amzn-requestid': 'R1', 'x-amz-crc32': '7', 'x-amzn-ErrorType': 'Boom' },
      body: '{"a":1}',
    };
    const { headers } = withWireHeaders('dynamodb', request(), response, NOW);
    expect(Object.entries(headers)).toEqual([
      ['Server', 'Server'],
      ['Connection', 'keep-alive'],
      ['x-amzn-RequestId', 'R1'],
      ['x-amz-crc32', '7'],
      ['Content-Length', '7'],
      ['Date', 'Mon, 06 May 2024 07:08:09 GMT'],
      ['Content-Type', 'application/x-amz-json-1.0'],
      ['x-amzn-ErrorType', 'Boom'],
    ]);
  });

  it("keeps a client's Connection: close, and leaves S3 and streamed bodies alone", () => {
    const json = { status: 200, headers: { 'x-amzn-RequestId': 'R2', 'content-type': 'application/x-amz-json-1.0' }, body: '{}' };
    expect(withWireHeaders('stepfunctions', request({ connection: 'close' }), json, NOW).headers).toEqual({
      'x-amzn-RequestId': 'R2',
      connection: 'close',
      'Content-Length': '2',
      Date: 'Mon, 06 May 2024 07:08:09 GMT',
      'Content-Type': 'application/x-amz-json-1.0',
    });
    const s3 = { status: 200, headers: { etag: '"x"' }, body: 'data' };
    expect(withWireHeaders('s3', request(), s3, NOW)).toBe(s3);
    const streamed = { status: 200, headers: {}, body: Readable.from(['x']) };
    expect(withWireHeaders('dynamodb', request(), streamed, NOW)).toBe(streamed);
  });
});
