// A DynamoDB answer with what differs between two runs of the same requests taken out: the request id, the
// checksum, the table's id and times (and so the length, which is checked against the body instead).
import type { EdgeResponse } from '../../../../src/server/edge';

export interface ComparableAnswer {
  readonly status: number;
  readonly headers: Record<string, string>;
  readonly body: string;
}

export function comparableAnswer(response: EdgeResponse): ComparableAnswer {
  const {
    'x-amzn-requestid': _id,
    'x-amz-crc32': _crc,
    'content-length': length,
    ...headers
  } = Object.fromEntries(Object.entries(response.headers).map(([k, v]) => [k.toLowerCase(), v]));
  const raw = response.body as Buffer;
  // The times' digits vary in number (…12.5 vs …12.47), so the length is checked against the body, not compared.
  expect(Number(length)).toBe(raw.length);
  const body = raw
    .toString('utf8')
    .replace(/"(CreationDateTime|LastUpdateToPayPerRequestDateTime|LastDecreaseDateTime|LastIncreaseDateTime)":[0-9.]+/g, '"$1":0')
    .replace(/"TableId":"[0-9a-f-]+"/g, '"TableId":"-"');
  return { status: response.status, headers, body };
}
