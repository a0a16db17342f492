import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { request as httpRequest } from 'node:http';
import {
  CopyObjectCommand,
  CreateBucketCommand,
  DeleteBucketCommand,
  DeleteObjectCommand,
  DeleteObjectsCommand,
  GetBucketLocationCommand,
  GetObjectCommand,
  HeadBucketCommand,
  HeadObjectCommand,
  ListBucketsCommand,
  PutObjectCommand,
  S3ServiceException,
  type S3Client,
} from '@aws-sdk/client-s3';
import { createS3Service } from '../../../src/services/s3/index';
import { startS3TestServer, type StartedS3TestServer } from './support/s3-test-server';

let server: StartedS3TestServer;
let s3: S3Client;

beforeAll(async () => {
  server = await startS3TestServer(createS3Service({ region: 'us-east-1' }));
  s3 = server.client();
});
afterAll(() => server.close());

async function failure(promise: Promise<unknown>): Promise<S3ServiceException> {
  try {
    await promise;
  } catch (error) {
    return error as S3ServiceException;
  }
  throw new Error('expected the call to fail');
}

describe('buckets', () => {
  it('creates, heads, lists, locates and deletes a bucket', async () => {
    await s3.send(new CreateBucketCommand({ Bucket: 'life-cycle' }));
    const head = await s3.send(new HeadBucketCommand({ Bucket: 'life-cycle' }));
    expect(head.BucketRegion).toBe('us-east-1');
    const list = await s3.send(new ListBucketsCommand({}));
    expect(list.Buckets?.map((b) => b.Name)).toContain('life-cycle');
    expect(list.Buckets?.find((b) => b.Name === 'life-cycle')?.CreationDate).toBeInstanceOf(Date);
    expect(list.Owner?.ID).toMatch(/^[0-9a-f]{64}$/);
    const location = await s3.send(new GetBucketLocationCommand({ Bucket: 'life-cycle' }));
    expect(location.LocationConstraint).toBeUndefined();
    await s3.send(new DeleteBucketCommand({ Bucket: 'life-cycle' }));
    const missing = await failure(s3.send(new HeadBucketCommand({ Bucket: 'life-cycle' })));
    expect(missing.$metadata.httpStatusCode).toBe(404);
  });

  it('re-creating a bucket in us-east-1 succeeds; other regions answer BucketAlreadyOwnedByYou', async () => {
    await s3.send(new CreateBucketCommand({ Bucket: 'twice' }));
    await expect(s3.send(new CreateBucketCommand({ Bucket: 'twice' }))).resolves.toBeDefined();
    const eu = server.client({ region: 'eu-west-1' });
    const config = { LocationConstraint: 'eu-west-1' as const };
    await eu.send(new CreateBucketCommand({ Bucket: 'twice-eu', CreateBucketConfiguration: config }));
    expect((await eu.send(new GetBucketLocationCommand({ Bucket: 'twice-eu' }))).LocationConstraint).toBe('eu-west-1');
    const again = await failure(eu.send(new CreateBucketCommand({ Bucket: 'twice-eu', CreateBucketConfiguration: config })));
    expect(again.name).toBe('BucketAlreadyOwnedByYou');
    expect(again.$metadata.httpStatusCode).toBe(409);
  });

  it('enforces location constraints and bucket names', async () => {
    // The SDK fills in LocationConstraint for non-us-east-1 clients, so send this one by hand, signed for eu-west-1.
    const authorization = 'AWS4-HMAC-SHA256 Credential=test/20250101/eu-west-1/s3/aws4_request, SignedHeaders=host, Signature=0';
    const unconstrained = await fetch(`${server.endpoint}/no-constraint`, { method: 'PUT', headers: { authorization } });
    expect([unconstrained.status, await unconstrained.text()]).toEqual([400, expect.stringContaining('<Code>IllegalLocationConstraintException</Code>')]);
    const explicitUsEast = s3.send(new CreateBucketCommand({ Bucket: 'explicit', CreateBucketConfiguration: { LocationConstraint: 'us-east-1' as never } }));
    expect((await failure(explicitUsEast)).name).toBe('InvalidLocationConstraint');
    for (const bad of ['Upper', 'a', 'has..dots', '192.168.0.1', 'ends-']) {
      const error = await failure(s3.send(new CreateBucketCommand({ Bucket: bad })));
      expect([bad, error.name]).toEqual([bad, 'InvalidBucketName']);
    }
  });

  it('refuses to delete a non-empty bucket', async () => {
    await s3.send(new CreateBucketCommand({ Bucket: 'full' }));
    await s3.send(new PutObjectCommand({ Bucket: 'full', Key: 'k', Body: 'x' }));
    const error = await failure(s3.send(new DeleteBucketCommand({ Bucket: 'full' })));
    expect([error.name, error.$metadata.httpStatusCode]).toEqual(['BucketNotEmpty', 409]);
  });
});

describe('objects', () => {
  beforeAll(() => s3.send(new CreateBucketCommand({ Bucket: 'objects' })));

  it('round-trips body, headers and user metadata', async () => {
    const put = await s3.send(
      new PutObjectCommand({
        Bucket: 'objects',
        Key: 'dir/hello.txt',
        Body: 'hello world',
        ContentType: 'text/plain',
        CacheControl: 'max-age=60',
        ContentDisposition: 'attachment',
        Metadata: { owner: 'me', Mixed: 'Case' },
      }),
    );
    expect(put.ETag).toBe('"5eb63bbbe01eeed093cb22bb8f5acdc3"');
    const got = await s3.send(new GetObjectCommand({ Bucket: 'objects', Key: 'dir/hello.txt' }));
    expect(await got.Body?.transformToString()).toBe('hello world');
    expect(got).toMatchObject({
      ContentType: 'text/plain',
      ContentLength: 11,
      ETag: put.ETag,
      CacheControl: 'max-age=60',
      ContentDisposition: 'attachment',
      Metadata: { owner: 'me', mixed: 'Case' },
      AcceptRanges: 'bytes',
    });
    expect(got.LastModified).toBeInstanceOf(Date);
    expect(got.$metadata.requestId).toMatch(/^[0-9A-F]{16}$/);
    expect(got.$metadata.extendedRequestId).toBeTruthy();
    const head = await s3.send(new HeadObjectCommand({ Bucket: 'objects', Key: 'dir/hello.txt' }));
    expect(head).toMatchObject({ ContentLength: 11, ETag: put.ETag, Metadata: { owner: 'me', mixed: 'Case' } });
  });

  it('defaults Content-Type to binary/octet-stream and handles empty bodies', async () => {
    // The SDK always sends a Content-Type, so store one without it by hand.
    const put = await fetch(`${server.endpoint}/objects/empty`, { method: 'PUT', body: new Uint8Array(0) });
    expect(put.status).toBe(200);
    const got = await s3.send(new GetObjectCommand({ Bucket: 'objects', Key: 'empty' }));
    expect(got.ContentType).toBe('binary/octet-stream');
    expect(got.ContentLength).toBe(0);
    expect(await got.Body?.transformToString()).toBe('');
  });

  it('keeps keys with spaces, unicode, "%", "+", "?" and "#" intact', async () => {
    const key = 'weird keys/a b+c%20d?e#f/ünï©ødé 🚀.csv';
    await s3.send(new PutObjectCommand({ Bucket: 'objects', Key: key, Body: 'w' }));
    expect(await (await s3.send(new GetObjectCommand({ Bucket: 'objects', Key: key }))).Body?.transformToString()).toBe('w');
  });

  it('reads byte ranges (a-b, a-, -n) with 206 and rejects unsatisfiable ones with InvalidRange', async () => {
    await s3.send(new PutObjectCommand({ Bucket: 'objects', Key: 'digits', Body: '0123456789' }));
    const read = async (Range: string) => {
      const got = await s3.send(new GetObjectCommand({ Bucket: 'objects', Key: 'digits', Range }));
      return [await got.Body?.transformToString(), got.ContentRange, got.ContentLength, got.$metadata.httpStatusCode];
    };
    expect(await read('bytes=2-5')).toEqual(['2345', 'bytes 2-5/10', 4, 206]);
    expect(await read('bytes=7-')).toEqual(['789', 'bytes 7-9/10', 3, 206]);
    expect(await read('bytes=-3')).toEqual(['789', 'bytes 7-9/10', 3, 206]);
    expect(await read('bytes=8-100')).toEqual(['89', 'bytes 8-9/10', 2, 206]);
    const error = await failure(read('bytes=10-'));
    expect([error.name, error.$metadata.httpStatusCode]).toEqual(['InvalidRange', 416]);
  });

  it('deletes objects, and DeleteObject of a missing key still succeeds', async () => {
    await s3.send(new PutObjectCommand({ Bucket: 'objects', Key: 'doomed', Body: 'x' }));
    await s3.send(new DeleteObjectCommand({ Bucket: 'objects', Key: 'doomed' }));
    await expect(s3.send(new DeleteObjectCommand({ Bucket: 'objects', Key: 'doomed' }))).resolves.toBeDefined();
    expect((await failure(s3.send(new GetObjectCommand({ Bucket: 'objects', Key: 'doomed' })))).name).toBe('NoSuchKey');
  });

  it('DeleteObjects deletes a batch, quietly or not', async () => {
    for (const Key of ['b1', 'b2', 'b3']) await s3.send(new PutObjectCommand({ Bucket: 'objects', Key, Body: Key }));
    const loud = await s3.send(new DeleteObjectsCommand({ Bucket: 'objects', Delete: { Objects: [{ Key: 'b1' }, { Key: 'never-existed' }] } }));
    expect(loud.Deleted?.map((d) => d.Key)).toEqual(['b1', 'never-existed']);
    const quiet = await s3.send(new DeleteObjectsCommand({ Bucket: 'objects', Delete: { Objects: [{ Key: 'b2' }, { Key: 'b3' }], Quiet: true } }));
    expect(quiet.Deleted ?? []).toEqual([]);
    expect((await failure(s3.send(new HeadObjectCommand({ Bucket: 'objects', Key: 'b3' })))).$metadata.httpStatusCode).toBe(404);
  });

  it('copies objects with COPY and REPLACE metadata directives, including URL-encoded sources', async () => {
    await s3.send(new PutObjectCommand({ Bucket: 'objects', Key: 'src/a b.txt', Body: 'copy me', ContentType: 'text/plain', Metadata: { a: '1' } }));
    const CopySource = `objects/${encodeURIComponent('src/a b.txt')}`;
    const copied = await s3.send(new CopyObjectCommand({ Bucket: 'objects', Key: 'dst/copy.txt', CopySource }));
    expect(copied.CopyObjectResult?.ETag).toBe(`"${createHash('md5').update('copy me').digest('hex')}"`);
    expect(copied.CopyObjectResult?.LastModified).toBeInstanceOf(Date);
    const copy = await s3.send(new GetObjectCommand({ Bucket: 'objects', Key: 'dst/copy.txt' }));
    expect([await copy.Body?.transformToString(), copy.ContentType, copy.Metadata]).toEqual(['copy me', 'text/plain', { a: '1' }]);
    await s3.send(
      new CopyObjectCommand({
        Bucket: 'objects',
        Key: 'dst/replaced.txt',
        CopySource,
        MetadataDirective: 'REPLACE',
        ContentType: 'text/csv',
        Metadata: { b: '2' },
      }),
    );
    const replaced = await s3.send(new HeadObjectCommand({ Bucket: 'objects', Key: 'dst/replaced.txt' }));
    expect([replaced.ContentType, replaced.Metadata]).toEqual(['text/csv', { b: '2' }]);
    const self = await failure(s3.send(new CopyObjectCommand({ Bucket: 'objects', Key: 'src/a b.txt', CopySource })));
    expect(self.name).toBe('InvalidRequest');
    const missing = await failure(s3.send(new CopyObjectCommand({ Bucket: 'objects', Key: 'x', CopySource: 'objects/nope' })));
    expect(missing.name).toBe('NoSuchKey');
  });
});

describe('HTTP details', () => {
  it('serves virtual-host style requests by Host header', async () => {
    await s3.send(new CreateBucketCommand({ Bucket: 'vhost' }));
    await s3.send(new PutObjectCommand({ Bucket: 'vhost', Key: 'dir/file.txt', Body: 'by host' }));
    const port = new URL(server.endpoint).port;
    for (const host of [`vhost.s3.localhost.localstack.cloud:${port}`, `vhost.localhost:${port}`]) {
      const body = await new Promise<string>((resolve, reject) => {
        httpRequest({ host: '127.0.0.1', port, path: '/dir/file.txt', headers: { host } }, (res) => {
          let text = '';
          res.on('data', (c: Buffer) => (text += c.toString()));
          res.on('end', () => resolve(text));
        })
          .on('error', reject)
          .end();
      });
      expect([host, body]).toEqual([host, 'by host']);
    }
  });

  it('answers conditional GETs with 304 and 412', async () => {
    const { ETag } = await s3.send(new PutObjectCommand({ Bucket: 'vhost', Key: 'cond', Body: 'c' }));
    await expect(s3.send(new GetObjectCommand({ Bucket: 'vhost', Key: 'cond', IfNoneMatch: ETag }))).rejects.toMatchObject({
      $metadata: { httpStatusCode: 304 },
    });
    await expect(s3.send(new GetObjectCommand({ Bucket: 'vhost', Key: 'cond', IfMatch: '"nope"' }))).rejects.toMatchObject({ name: 'PreconditionFailed' });
    const got = await s3.send(new GetObjectCommand({ Bucket: 'vhost', Key: 'cond', IfMatch: ETag, ResponseContentType: 'text/x-override' }));
    expect(got.ContentType).toBe('text/x-override');
    await expect(s3.send(new PutObjectCommand({ Bucket: 'vhost', Key: 'cond', Body: 'again', IfNoneMatch: '*' }))).rejects.toMatchObject({
      name: 'PreconditionFailed',
    });
  });

  it('rejects version ids on an unversioned bucket', async () => {
    await expect(s3.send(new GetObjectCommand({ Bucket: 'vhost', Key: 'cond', VersionId: 'v1' }))).rejects.toMatchObject({ name: 'InvalidArgument' });
  });
});

describe('errors', () => {
  it('reports NoSuchBucket and NoSuchKey with S3 names, status codes and request ids', async () => {
    const bucket = await failure(s3.send(new GetObjectCommand({ Bucket: 'no-such-bucket', Key: 'k' })));
    expect([bucket.name, bucket.$metadata.httpStatusCode, bucket.message]).toEqual(['NoSuchBucket', 404, 'The specified bucket does not exist']);
    expect(bucket.$metadata.requestId).toMatch(/^[0-9A-F]{16}$/);
    await s3.send(new CreateBucketCommand({ Bucket: 'errors' }));
    const key = await failure(s3.send(new GetObjectCommand({ Bucket: 'errors', Key: 'missing' })));
    expect([key.name, key.$metadata.httpStatusCode]).toEqual(['NoSuchKey', 404]);
    expect((key as unknown as { Key: string }).Key).toBe('missing');
    const head = await failure(s3.send(new HeadObjectCommand({ Bucket: 'errors', Key: 'missing' })));
    expect([head.name, head.$metadata.httpStatusCode]).toEqual(['NotFound', 404]);
  });

  it('answers raw HTTP errors with S3 XML, MethodNotAllowed and NotImplemented naming the operation', async () => {
    await fetch(`${server.endpoint}/raw-errors`, { method: 'PUT' });
    const missing = await fetch(`${server.endpoint}/raw-errors/nope`);
    const text = await missing.text();
    expect(missing.status).toBe(404);
    expect(text).toMatch(
      /^<\?xml version="1.0" encoding="UTF-8"\?>\n<Error><Code>NoSuchKey<\/Code><Message>The specified key does not exist.<\/Message><Key>nope<\/Key><RequestId>[0-9A-F]{16}<\/RequestId><HostId>/,
    );
    expect(missing.headers.get('x-amz-request-id')).toMatch(/^[0-9A-F]{16}$/);
    expect(missing.headers.get('x-amz-id-2')).toBeTruthy();
    const patch = await fetch(`${server.endpoint}/raw-errors/k`, { method: 'PATCH' });
    expect([patch.status, await patch.text()]).toEqual([405, expect.stringContaining('<Code>MethodNotAllowed</Code>')]);
    const versioning = await fetch(`${server.endpoint}/raw-errors?versioning`);
    expect([versioning.status, await versioning.text()]).toEqual([501, expect.stringContaining('GetBucketVersioning')]);
    const head = await fetch(`${server.endpoint}/raw-errors/nope`, { method: 'HEAD' });
    expect([head.status, await head.text()]).toEqual([404, '']);
  });
});

describe('internal failures', () => {
  // A sandbox bug is reported with what failed (one REST-XML writer for the S3 service and the edge), not with
  // S3's fixed "We encountered an internal error. Please try again.", which would hide it.
  it('answers a store that cannot open with a 500 InternalError naming the failure', async () => {
    const dir = mkdtempSync(join(tmpdir(), 's3-internal-'));
    const file = join(dir, 'not-a-directory');
    writeFileSync(file, '');
    try {
      const service = createS3Service({ region: 'us-east-1', dataDir: file });
      const response = await service.handle({ method: 'GET', url: '/bucket/key', headers: {}, body: Readable.from([]) });
      expect(response.status).toBe(500);
      expect(String(response.body)).toMatch(
        /<Error><Code>InternalError<\/Code><Message>Internal error in the sandbox endpoint: [^<]+<\/Message><RequestId>[0-9A-F]{16}<\/RequestId><HostId>/,
      );
      await service.close?.();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
