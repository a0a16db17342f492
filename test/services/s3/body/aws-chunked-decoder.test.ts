import { Readable } from 'node:stream';
import { text } from 'node:stream/consumers';
import { AwsChunkedDecoder, isAwsChunked, storedContentEncoding } from '../../../../src/services/s3/body/aws-chunked-decoder';

async function decode(wire: string, splitEvery = 0): Promise<{ body: string; trailers: Record<string, string> }> {
  const pieces: Buffer[] = [];
  const buf = Buffer.from(wire, 'latin1');
  const step = splitEvery || buf.length || 1;
  for (let i = 0; i < buf.length; i += step) pieces.push(buf.subarray(i, i + step));
  const decoder = new AwsChunkedDecoder();
  const body = await text(Readable.from(pieces).pipe(decoder));
  return { body, trailers: decoder.trailers };
}

describe('AwsChunkedDecoder', () => {
  const sig = ';chunk-signature=ad80c730a21e5b8d04586a2213dd63b9a0e99e0e2307b0ade35a65485a288648';

  it.each([1, 3, 0])('decodes signed chunks split every %i bytes', async (split) => {
    const wire = `5${sig}\r\nhello\r\n6${sig}\r\n world\r\n0${sig}\r\n\r\n`;
    expect(await decode(wire, split)).toEqual({ body: 'hello world', trailers: {} });
  });

  it('decodes unsigned chunks with a checksum trailer (the SDK form)', async () => {
    const wire = 'a\r\n0123456789\r\n0\r\nx-amz-checksum-crc32:AAAAAA==\r\n\r\n';
    expect(await decode(wire, 4)).toEqual({ body: '0123456789', trailers: { 'x-amz-checksum-crc32': 'AAAAAA==' } });
  });

  it('accepts a signed trailer section and a body ending right after "0\\r\\n"', async () => {
    const signed = `3${sig}\r\nabc\r\n0${sig}\r\nx-amz-checksum-crc32c:sOO8/Q==\r\nx-amz-trailer-signature:abc\r\n\r\n`;
    expect((await decode(signed)).trailers['x-amz-checksum-crc32c']).toBe('sOO8/Q==');
    expect(await decode('3\r\nabc\r\n0\r\n')).toEqual({ body: 'abc', trailers: {} });
  });

  it('keeps CR and LF bytes inside chunk data', async () => {
    expect((await decode('4\r\n\r\n\r\n\r\n0\r\n\r\n', 1)).body).toBe('\r\n\r\n');
  });

  it.each([
    ['a truncated body', '5\r\nhel', 'IncompleteBody'],
    ['a missing final chunk', '5\r\nhello\r\n', 'IncompleteBody'],
    ['a non-hex size', 'zz\r\nhello\r\n0\r\n\r\n', 'InvalidRequest'],
    ['data longer than declared', '2\r\nhello\r\n0\r\n\r\n', 'InvalidRequest'],
    ['an endless header line', 'f'.repeat(10_000), 'InvalidRequest'],
    ['a bad trailer', '0\r\nnot-a-header\r\n\r\n', 'InvalidRequest'],
    ['garbage after the end', '0\r\n\r\nmore', 'InvalidRequest'],
  ])('rejects %s', async (_case, wire, code) => {
    await expect(decode(wire, 7)).rejects.toMatchObject({ code });
  });
});

describe('aws-chunked headers', () => {
  it('detects aws-chunked from Content-Encoding or a STREAMING payload hash', () => {
    expect(isAwsChunked({ 'content-encoding': 'gzip,aws-chunked' })).toBe(true);
    expect(isAwsChunked({ 'x-amz-content-sha256': 'STREAMING-UNSIGNED-PAYLOAD-TRAILER' })).toBe(true);
    expect(isAwsChunked({ 'content-encoding': 'gzip' })).toBe(false);
  });

  it('drops aws-chunked from the stored Content-Encoding', () => {
    expect(storedContentEncoding('aws-chunked')).toBeUndefined();
    expect(storedContentEncoding('gzip, aws-chunked')).toBe('gzip');
    expect(storedContentEncoding(undefined)).toBeUndefined();
  });
});
