// Flexible checksums and aws-chunked uploads as the SDK v3 sends them by default, plus hand-built wire forms.
import { GetObjectCommand, HeadObjectCommand, PutObjectCommand, CreateBucketCommand, type S3Client } from '@aws-sdk/client-s3';
import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import type { EdgeRequest, ServiceHandler } from '../../../src/server/edge';
import { digestBase64 } from '../../../src/services/s3/checksums/algorithms';
import { createS3Service } from '../../../src/services/s3/index';
import { startS3TestServer, type StartedS3TestServer } from './support/s3-test-server';

let server: StartedS3TestServer;
let s3: S3Client;
const seen: Array<Readonly<Record<string, string>>> = [];

/** Records the headers of every request so tests can see which wire form the SDK chose. */
function recording(inner: ServiceHandler): ServiceHandler {
  return {
    name: inner.name,
    close: () => inner.close?.() ?? Promise.resolve(),
    handle: (request: EdgeRequest) => {
      seen.push(request.headers);
      return inner.handle(request);
    },
  };
}

beforeAll(async () => {
  server = await startS3TestServer(recording(createS3Service({ region: 'us-east-1' })));
  s3 = server.client();
  await s3.send(new CreateBucketCommand({ Bucket: 'sums' }));
});
afterAll(() => server.close());

const lastRequest = () => seen[seen.length - 1];
const errorOf = (promise: Promise<unknown>) =>
  promise.then(
    () => {
      throw new Error('expected failure');
    },
    (e: Error) => e,
  );

describe('SDK defaults', () => {
  it('PutObject sends CRC32; it is verified, stored, and returned (and validated by the SDK) on GetObject', async () => {
    const put = await s3.send(new PutObjectCommand({ Bucket: 'sums', Key: 'default', Body: 'some,csv\n1,2\n' }));
    expect(lastRequest()['x-amz-checksum-crc32']).toBeDefined();
    expect(put.ChecksumCRC32).toBe(digestBase64('CRC32', Buffer.from('some,csv\n1,2\n')));
    expect(put.ChecksumType).toBe('FULL_OBJECT');
    const got = await s3.send(new GetObjectCommand({ Bucket: 'sums', Key: 'default' }));
    expect(lastRequest()['x-amz-checksum-mode']).toBe('ENABLED');
    expect(got.ChecksumCRC32).toBe(put.ChecksumCRC32);
    expect(await got.Body?.transformToString()).toBe('some,csv\n1,2\n');
  });

  it('a Readable body with ContentLength is sent aws-chunked with a CRC32 trailer and decoded exactly', async () => {
    const chunks = Array.from({ length: 40 }, (_, i) => Buffer.alloc(4096 + i, 65 + (i % 26)));
    const expected = Buffer.concat(chunks);
    await s3.send(new PutObjectCommand({ Bucket: 'sums', Key: 'streamed', Body: Readable.from(chunks), ContentLength: expected.length }));
    const request = seen.filter((h) => h['x-amz-trailer'] !== undefined).pop() ?? {};
    expect(request['content-encoding']).toContain('aws-chunked');
    expect(request['x-amz-trailer']).toBe('x-amz-checksum-crc32');
    expect(request['x-amz-decoded-content-length']).toBe(String(expected.length));
    const got = await s3.send(new GetObjectCommand({ Bucket: 'sums', Key: 'streamed' }));
    expect(Buffer.from(await got.Body!.transformToByteArray())).toEqual(expected);
    expect(got.ContentEncoding).toBeUndefined();
    expect(got.ChecksumCRC32).toBe(digestBase64('CRC32', expected));
  });

  it.each(['CRC32C', 'CRC64NVME', 'SHA1', 'SHA256'] as const)('stores and returns a %s checksum', async (ChecksumAlgorithm) => {
    const body = `body for ${ChecksumAlgorithm}`;
    await s3.send(new PutObjectCommand({ Bucket: 'sums', Key: ChecksumAlgorithm, Body: body, ChecksumAlgorithm }));
    const got = await s3.send(new GetObjectCommand({ Bucket: 'sums', Key: ChecksumAlgorithm }));
    expect(got[`Checksum${ChecksumAlgorithm}`]).toBe(digestBase64(ChecksumAlgorithm, Buffer.from(body)));
    expect(await got.Body?.transformToString()).toBe(body);
  });

  it('returns no checksum for a ranged read, and HeadObject returns it with ChecksumMode', async () => {
    const ranged = await s3.send(new GetObjectCommand({ Bucket: 'sums', Key: 'default', Range: 'bytes=0-3' }));
    expect(ranged.ChecksumCRC32).toBeUndefined();
    const head = await s3.send(new HeadObjectCommand({ Bucket: 'sums', Key: 'default', ChecksumMode: 'ENABLED' }));
    expect(head.ChecksumCRC32).toBe(digestBase64('CRC32', Buffer.from('some,csv\n1,2\n')));
  });

  it('gives objects uploaded without any checksum a CRC64NVME, which the SDK validates', async () => {
    const response = await fetch(`${server.endpoint}/sums/plain`, { method: 'PUT', body: 'no checksum here' });
    expect(response.headers.get('x-amz-checksum-crc64nvme')).toBe(digestBase64('CRC64NVME', Buffer.from('no checksum here')));
    const got = await s3.send(new GetObjectCommand({ Bucket: 'sums', Key: 'plain' }));
    expect(got.ChecksumCRC64NVME).toBeDefined();
    expect(await got.Body?.transformToString()).toBe('no checksum here');
  });
});

describe('integrity failures', () => {
  it('rejects a wrong flexible checksum with BadDigest and stores nothing', async () => {
    const error = await errorOf(s3.send(new PutObjectCommand({ Bucket: 'sums', Key: 'bad-crc', Body: 'x', ChecksumCRC32: 'AAAAAA==' })));
    expect(error.name).toBe('BadDigest');
    expect(error.message).toBe('The CRC32 you specified did not match the calculated checksum.');
    expect((await errorOf(s3.send(new HeadObjectCommand({ Bucket: 'sums', Key: 'bad-crc' })))).name).toBe('NotFound');
  });

  it('rejects malformed checksum values and multiple checksum headers with InvalidRequest', async () => {
    const malformed = await errorOf(s3.send(new PutObjectCommand({ Bucket: 'sums', Key: 'k', Body: 'x', ChecksumCRC32: 'not-base64!' })));
    expect(malformed.name).toBe('InvalidRequest');
    const two = await fetch(`${server.endpoint}/sums/two`, {
      method: 'PUT',
      body: 'x',
      headers: { 'x-amz-checksum-crc32': digestBase64('CRC32', Buffer.from('x')), 'x-amz-checksum-sha1': digestBase64('SHA1', Buffer.from('x')) },
    });
    expect([two.status, await two.text()]).toEqual([400, expect.stringContaining('Multiple checksum Types are not allowed')]);
  });

  it('checks Content-MD5 (BadDigest) and its format (InvalidDigest)', async () => {
    const md5 = (s: string) => createHash('md5').update(s).digest('base64');
    await expect(s3.send(new PutObjectCommand({ Bucket: 'sums', Key: 'md5', Body: 'abc', ContentMD5: md5('abc') }))).resolves.toBeDefined();
    expect((await errorOf(s3.send(new PutObjectCommand({ Bucket: 'sums', Key: 'md5', Body: 'abc', ContentMD5: md5('abd') })))).name).toBe('BadDigest');
    expect((await errorOf(s3.send(new PutObjectCommand({ Bucket: 'sums', Key: 'md5', Body: 'abc', ContentMD5: 'short' })))).name).toBe('InvalidDigest');
  });

  it('checks a hex x-amz-content-sha256 payload hash', async () => {
    const response = await fetch(`${server.endpoint}/sums/sha`, { method: 'PUT', body: 'abc', headers: { 'x-amz-content-sha256': 'a'.repeat(64) } });
    expect([response.status, await response.text()]).toEqual([400, expect.stringContaining('XAmzContentSHA256Mismatch')]);
  });
});

describe('hand-built aws-chunked bodies', () => {
  const sig = ';chunk-signature=' + 'f'.repeat(64);
  const put = (key: string, body: string, headers: Record<string, string>) =>
    fetch(`${server.endpoint}/sums/${key}`, {
      method: 'PUT',
      body,
      headers: { 'content-encoding': 'aws-chunked', 'x-amz-content-sha256': 'STREAMING-AWS4-HMAC-SHA256-PAYLOAD', ...headers },
    });

  it('decodes signed chunks', async () => {
    const response = await put('signed', `5${sig}\r\nhello\r\n6${sig}\r\n world\r\n0${sig}\r\n\r\n`, { 'x-amz-decoded-content-length': '11' });
    expect(response.status).toBe(200);
    expect(await (await s3.send(new GetObjectCommand({ Bucket: 'sums', Key: 'signed' }))).Body?.transformToString()).toBe('hello world');
  });

  it('verifies a trailing checksum and rejects a wrong one', async () => {
    const good = digestBase64('CRC32C', Buffer.from('hello'));
    const headers = {
      'x-amz-decoded-content-length': '5',
      'x-amz-trailer': 'x-amz-checksum-crc32c',
      'x-amz-content-sha256': 'STREAMING-UNSIGNED-PAYLOAD-TRAILER',
    };
    const ok = await put('trailer', `5\r\nhello\r\n0\r\nx-amz-checksum-crc32c:${good}\r\n\r\n`, headers);
    expect([ok.status, ok.headers.get('x-amz-checksum-crc32c')]).toEqual([200, good]);
    const bad = await put('trailer-bad', `5\r\nhello\r\n0\r\nx-amz-checksum-crc32c:AAAAAA==\r\n\r\n`, headers);
    expect([bad.status, await bad.text()]).toEqual([400, expect.stringContaining('<Code>BadDigest</Code>')]);
  });

  it('rejects a decoded length that disagrees with x-amz-decoded-content-length, and a missing one', async () => {
    const short = await put('short', `5${sig}\r\nhello\r\n0${sig}\r\n\r\n`, { 'x-amz-decoded-content-length': '9' });
    expect([short.status, await short.text()]).toEqual([400, expect.stringContaining('<Code>IncompleteBody</Code>')]);
    const missing = await put('missing', `5${sig}\r\nhello\r\n0${sig}\r\n\r\n`, {});
    expect([missing.status, await missing.text()]).toEqual([411, expect.stringContaining('<Code>MissingContentLength</Code>')]);
  });

  it('answers broken framing with a clear error instead of dropping the connection', async () => {
    const response = await put('broken', 'zz\r\nhello\r\n0\r\n\r\n', { 'x-amz-decoded-content-length': '5' });
    expect([response.status, await response.text()]).toEqual([400, expect.stringContaining('Malformed aws-chunked request body')]);
  });
});

describe('size limit', () => {
  it('rejects bodies over the per-object maximum with EntityTooLarge, declared or not', async () => {
    const small = await startS3TestServer(createS3Service({ region: 'us-east-1', limits: { maxObjectBytes: 10 } }));
    try {
      await fetch(`${small.endpoint}/tiny`, { method: 'PUT' });
      const declared = await fetch(`${small.endpoint}/tiny/k`, { method: 'PUT', body: 'x'.repeat(11) });
      expect([declared.status, await declared.text()]).toEqual([400, expect.stringContaining('<Code>EntityTooLarge</Code>')]);
      const chunked = await fetch(`${small.endpoint}/tiny/k`, {
        method: 'PUT',
        body: '10\r\n0123456789abcdef\r\n0\r\n\r\n',
        headers: { 'content-encoding': 'aws-chunked', 'x-amz-decoded-content-length': '5' },
      });
      expect([chunked.status, await chunked.text()]).toEqual([400, expect.stringContaining('<Code>EntityTooLarge</Code>')]);
      expect((await fetch(`${small.endpoint}/tiny/k`)).status).toBe(404);
    } finally {
      await small.close();
    }
  });
});
