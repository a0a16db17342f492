import {
  CreateBucketCommand,
  CreateMultipartUploadCommand,
  CompleteMultipartUploadCommand,
  GetObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  UploadPartCommand,
} from '@aws-sdk/client-s3';
import { request as httpRequest } from 'node:http';
import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { Readable } from 'node:stream';
import { createS3Service } from '../../../../src/services/s3/index';
import { startS3TestServer, type StartedS3TestServer } from '../support/s3-test-server';

let sandbox: string;
let dataDir: string;

beforeEach(async () => {
  sandbox = await mkdtemp(join(tmpdir(), 's3-disk-'));
  dataDir = join(sandbox, 'data');
});
afterEach(() => rm(sandbox, { recursive: true, force: true }));

const start = (): Promise<StartedS3TestServer> => startS3TestServer(createS3Service({ region: 'us-east-1', dataDir }));

async function filesUnder(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await filesUnder(path)));
    else out.push(relative(dataDir, path));
  }
  return out;
}

/** Sends a request with its path exactly as given (fetch would normalize "../" away). */
function rawRequest(endpoint: string, method: string, path: string, body = ''): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(`${endpoint}${path}`, { method, path, headers: { 'content-length': Buffer.byteLength(body) } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString() }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

describe('disk store', () => {
  it('keeps buckets, objects, metadata, checksums and in-progress uploads across a restart', async () => {
    const first = await start();
    const s3 = first.client();
    await s3.send(new CreateBucketCommand({ Bucket: 'durable' }));
    await s3.send(new PutObjectCommand({ Bucket: 'durable', Key: 'in/orders.csv', Body: 'id,qty\n1,2\n', ContentType: 'text/csv', Metadata: { batch: '42' } }));
    const { UploadId } = await s3.send(new CreateMultipartUploadCommand({ Bucket: 'durable', Key: 'later' }));
    const part = await s3.send(new UploadPartCommand({ Bucket: 'durable', Key: 'later', UploadId, PartNumber: 1, Body: 'part one' }));
    await first.close();

    const second = await start();
    try {
      const again = second.client();
      const got = await again.send(new GetObjectCommand({ Bucket: 'durable', Key: 'in/orders.csv' }));
      expect(await got.Body?.transformToString()).toBe('id,qty\n1,2\n');
      expect([got.ContentType, got.Metadata, got.ChecksumCRC32]).toEqual(['text/csv', { batch: '42' }, expect.any(String)]);
      const listed = await again.send(new ListObjectsV2Command({ Bucket: 'durable' }));
      expect(listed.Contents?.map((c) => c.Key)).toEqual(['in/orders.csv']);
      await again.send(
        new CompleteMultipartUploadCommand({
          Bucket: 'durable',
          Key: 'later',
          UploadId,
          MultipartUpload: { Parts: [{ PartNumber: 1, ETag: part.ETag }] },
        }),
      );
      expect(await (await again.send(new GetObjectCommand({ Bucket: 'durable', Key: 'later' }))).Body?.transformToString()).toBe('part one');
    } finally {
      await second.close();
    }
  });

  it('frees replaced and deleted blobs, and sweeps orphans and temp files on open', async () => {
    const server = await start();
    const s3 = server.client();
    await s3.send(new CreateBucketCommand({ Bucket: 'sweep' }));
    await s3.send(new PutObjectCommand({ Bucket: 'sweep', Key: 'k', Body: 'v1' }));
    await s3.send(new PutObjectCommand({ Bucket: 'sweep', Key: 'k', Body: 'v2' }));
    expect(await readdir(join(dataDir, 'blobs'))).toHaveLength(1);
    await server.close();
    await writeFile(join(dataDir, 'blobs', 'f'.repeat(32)), 'orphan from a crash');
    await writeFile(join(dataDir, 'tmp', 'half-written.blob'), 'partial');
    const reopened = await start();
    try {
      // The store opens on the first request.
      expect(await (await reopened.client().send(new GetObjectCommand({ Bucket: 'sweep', Key: 'k' }))).Body?.transformToString()).toBe('v2');
      expect(await readdir(join(dataDir, 'blobs'))).toHaveLength(1);
      expect(await readdir(join(dataDir, 'tmp'))).toEqual([]);
    } finally {
      await reopened.close();
    }
  });

  it('skips an unreadable sidecar with a warning, and keeps the blob it may point at', async () => {
    const server = await start();
    const s3 = server.client();
    await s3.send(new CreateBucketCommand({ Bucket: 'corrupt' }));
    await s3.send(new PutObjectCommand({ Bucket: 'corrupt', Key: 'good', Body: 'fine' }));
    await s3.send(new PutObjectCommand({ Bucket: 'corrupt', Key: 'bad', Body: 'damaged metadata' }));
    await server.close();
    const objectsDir = join(dataDir, 'buckets', 'corrupt', 'objects');
    const sidecars = await readdir(objectsDir);
    for (const file of sidecars) {
      if ((await readFile(join(objectsDir, file), 'utf8')).includes('"key":"bad"')) await writeFile(join(objectsDir, file), '{not json');
    }
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    const reopened = await start();
    try {
      const listed = await reopened.client().send(new ListObjectsV2Command({ Bucket: 'corrupt' }));
      expect(listed.Contents?.map((c) => c.Key)).toEqual(['good']);
      expect(warn).toHaveBeenCalledWith(expect.stringContaining('ignoring'));
      expect(await readdir(join(dataDir, 'blobs'))).toHaveLength(2);
      expect(await readdir(objectsDir)).toHaveLength(2);
    } finally {
      warn.mockRestore();
      await reopened.close();
    }
  });

  it('serves GetObject as a file stream, not a buffer', async () => {
    const service = createS3Service({ region: 'us-east-1', dataDir });
    const call = (method: string, url: string, body = '') =>
      service.handle({
        method,
        url,
        headers: { 'content-length': String(body.length) },
        body: Readable.from([Buffer.from(body)]),
      });
    await call('PUT', '/streams');
    await call('PUT', '/streams/big.csv', 'a,b\n'.repeat(1000));
    const response = await call('GET', '/streams/big.csv');
    expect(response.body).toBeInstanceOf(Readable);
    (response.body as Readable).destroy();
    await service.close?.();
  });
});

describe('keys never escape the data directory', () => {
  const hostile = [
    '../../etc/passwd',
    '../../../../../../tmp/escape',
    '/absolute/path',
    '..\\..\\windows\\system32',
    '%2e%2e%2f%2e%2e%2fencoded',
    'nul\u0000byte',
    'dir/./../../x',
    '.',
    '..',
    'k'.repeat(1024),
  ];

  it('round-trips hostile keys as ordinary keys and writes only hashed names under dataDir', async () => {
    const server = await start();
    const s3 = server.client();
    try {
      await s3.send(new CreateBucketCommand({ Bucket: 'paths' }));
      for (const Key of hostile) await s3.send(new PutObjectCommand({ Bucket: 'paths', Key, Body: `body of ${Key}` }));
      for (const Key of hostile) {
        expect(await (await s3.send(new GetObjectCommand({ Bucket: 'paths', Key }))).Body?.transformToString()).toBe(`body of ${Key}`);
      }
      const listed = await s3.send(new ListObjectsV2Command({ Bucket: 'paths', EncodingType: 'url' }));
      expect(listed.Contents?.map((c) => decodeURIComponent(c.Key!)).sort()).toEqual([...hostile].sort());
      expect(await readdir(sandbox)).toEqual(['data']);
      for (const file of await filesUnder(dataDir)) {
        expect(file).toMatch(/^(blobs\/[0-9a-f]{32}|buckets\/paths\/bucket\.json|buckets\/paths\/objects\/[0-9a-f]{64}\.json)$/);
      }
      await expect(stat(join(sandbox, 'etc'))).rejects.toMatchObject({ code: 'ENOENT' });
    } finally {
      await server.close();
    }
  });

  it('treats raw "../" request paths as keys and refuses escaping bucket names', async () => {
    const server = await start();
    try {
      await rawRequest(server.endpoint, 'PUT', '/raw');
      expect((await rawRequest(server.endpoint, 'PUT', '/raw/../../../escape.txt', 'x')).status).toBe(200);
      expect((await rawRequest(server.endpoint, 'GET', '/raw/../../../escape.txt')).text).toBe('x');
      for (const path of ['/..', '/%2e%2e', '/..%2F..%2Fevil', '/a%5Cb', '/nul%00']) {
        const created = await rawRequest(server.endpoint, 'PUT', path);
        expect([path, created.status, created.text]).toEqual([path, 400, expect.stringContaining('InvalidBucketName')]);
      }
      const tooLong = await rawRequest(server.endpoint, 'PUT', `/raw/${'k'.repeat(1025)}`, 'x');
      expect([tooLong.status, tooLong.text]).toEqual([400, expect.stringContaining('KeyTooLongError')]);
      const badEscape = await rawRequest(server.endpoint, 'GET', '/raw/%E0%A4%A');
      expect([badEscape.status, badEscape.text]).toEqual([400, expect.stringContaining('InvalidURI')]);
      expect(await readdir(sandbox)).toEqual(['data']);
      expect((await filesUnder(dataDir)).every((f) => /^(blobs|buckets\/raw)\//.test(f))).toBe(true);
    } finally {
      await server.close();
    }
  });
});
