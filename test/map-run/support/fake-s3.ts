// An in-memory S3 behind the SDK's requestHandler seam, for the ItemReader/ResultWriter tests: no socket, and it
// can serve generated objects (a 50 MB CSV produced on demand, never stored) and inject failures.
// Covers only what these parts call: GetObject, ListObjectsV2 (max-keys, continuation-token, prefix),
// PutObject and the multipart commands.
import { S3Client } from '@aws-sdk/client-s3';
import { HttpResponse, type HttpRequest } from '@smithy/protocol-http';
import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';

export interface FakeObject {
  readonly size: number;
  readonly etag: string;
  readonly lastModified: Date;
  /** The stored bytes; absent for generated objects. */
  readonly data?: Buffer;
  /** A fresh body stream per GET. */
  open(): Readable;
}

type Failure = { readonly status: number; readonly code: string; readonly message: string };

export class FakeS3 {
  readonly buckets = new Map<string, Map<string, FakeObject>>();
  /** Requests seen, as "METHOD /path?query" (for assertions on pagination and multipart use). */
  readonly requests: string[] = [];
  private readonly failures = new Map<string, Failure>();
  private readonly uploads = new Map<string, { bucket: string; key: string; parts: Map<number, Buffer> }>();
  private uploadSeq = 0;
  now = new Date('2024-05-06T07:08:09.000Z');

  client(): S3Client {
    return new S3Client({
      region: 'us-east-1',
      endpoint: 'http://127.0.0.1:4566',
      forcePathStyle: true,
      credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
      maxAttempts: 1,
      requestHandler: { handle: async (request: HttpRequest) => ({ response: await this.handle(request) }) },
    });
  }

  createBucket(name: string): void {
    if (!this.buckets.has(name)) this.buckets.set(name, new Map());
  }

  put(bucket: string, key: string, body: string | Buffer): void {
    const data = Buffer.isBuffer(body) ? body : Buffer.from(body);
    this.store(bucket, key, { size: data.length, etag: md5(data), lastModified: this.now, data, open: () => Readable.from([data]) });
  }

  /** An object whose body is produced by `open` on every GET and never held in memory. */
  putGenerated(bucket: string, key: string, size: number, open: () => Readable): void {
    this.store(bucket, key, { size, etag: md5(Buffer.from(key)), lastModified: this.now, open });
  }

  text(bucket: string, key: string): string | undefined {
    return this.buckets.get(bucket)?.get(key)?.data?.toString('utf8');
  }

  keys(bucket: string): string[] {
    return [...(this.buckets.get(bucket)?.keys() ?? [])].sort();
  }

  /** Every request on this bucket fails with the given S3 error. */
  failBucket(bucket: string, code = 'AccessDenied', status = 403, message = 'Access Denied'): void {
    this.failures.set(bucket, { status, code, message });
  }

  private store(bucket: string, key: string, object: FakeObject): void {
    this.createBucket(bucket);
    this.buckets.get(bucket)!.set(key, object);
  }

  private async handle(request: HttpRequest): Promise<HttpResponse> {
    const [bucket, ...rest] = request.path.replace(/^\//, '').split('/');
    const key = rest.map(decodeURIComponent).join('/');
    const query = request.query as Record<string, string | undefined>;
    this.requests.push(`${request.method} ${request.path}?${new URLSearchParams(query as Record<string, string>).toString()}`);
    const failure = this.failures.get(bucket);
    if (failure) return error(failure.status, failure.code, failure.message);
    if (request.method === 'PUT' && key === '' && Object.keys(query).length === 0) {
      this.createBucket(bucket);
      return new HttpResponse({ statusCode: 200, headers: {}, body: Readable.from([]) });
    }
    const objects = this.buckets.get(bucket);
    if (!objects) return error(404, 'NoSuchBucket', 'The specified bucket does not exist');
    const body = await readBody(request.body);
    if (request.method === 'GET' && query['list-type'] === '2') return this.list(bucket, objects, query);
    if (request.method === 'GET') return this.get(objects.get(key));
    if (request.method === 'PUT' && query.uploadId !== undefined) return this.uploadPart(query, body);
    if (request.method === 'PUT') return this.putObject(bucket, key, body);
    if (request.method === 'POST' && 'uploads' in query) return this.createUpload(bucket, key);
    if (request.method === 'POST' && query.uploadId !== undefined) return this.completeUpload(query.uploadId);
    if (request.method === 'DELETE' && query.uploadId !== undefined) {
      this.uploads.delete(query.uploadId);
      return new HttpResponse({ statusCode: 204, headers: {}, body: Readable.from([]) });
    }
    return error(501, 'NotImplemented', `${request.method} is not implemented by the fake`);
  }

  private get(object: FakeObject | undefined): HttpResponse {
    if (!object) return error(404, 'NoSuchKey', 'The specified key does not exist.');
    const headers = { 'content-length': String(object.size), etag: object.etag, 'last-modified': object.lastModified.toUTCString() };
    return new HttpResponse({ statusCode: 200, headers, body: object.open() });
  }

  private list(bucket: string, objects: Map<string, FakeObject>, query: Record<string, string | undefined>): HttpResponse {
    const maxKeys = Number(query['max-keys'] ?? 1000);
    const prefix = query.prefix ?? '';
    const after = query['continuation-token'] ? Buffer.from(query['continuation-token'], 'base64').toString() : '';
    const keys = [...objects.keys()].filter((k) => k.startsWith(prefix) && k > after).sort();
    const page = keys.slice(0, maxKeys);
    const truncated = keys.length > page.length;
    const contents = page.map((k) => {
      const o = objects.get(k)!;
      return `<Contents><Key>${xml(k)}</Key><LastModified>${o.lastModified.toISOString()}</LastModified><ETag>${xml(o.etag)}</ETag><Size>${o.size}</Size><StorageClass>STANDARD</StorageClass></Contents>`;
    });
    const next = truncated ? `<NextContinuationToken>${Buffer.from(page[page.length - 1]).toString('base64')}</NextContinuationToken>` : '';
    return xmlResponse(
      `<ListBucketResult><Name>${xml(bucket)}</Name><Prefix>${xml(prefix)}</Prefix><KeyCount>${page.length}</KeyCount><MaxKeys>${maxKeys}</MaxKeys><IsTruncated>${truncated}</IsTruncated>${next}${contents.join('')}</ListBucketResult>`,
    );
  }

  private putObject(bucket: string, key: string, data: Buffer): HttpResponse {
    const etag = md5(data);
    this.store(bucket, key, { size: data.length, etag, lastModified: this.now, open: () => Readable.from([data]), data });
    return new HttpResponse({ statusCode: 200, headers: { etag }, body: Readable.from([]) });
  }

  private createUpload(bucket: string, key: string): HttpResponse {
    const uploadId = `upload-${++this.uploadSeq}`;
    this.uploads.set(uploadId, { bucket, key, parts: new Map() });
    return xmlResponse(
      `<InitiateMultipartUploadResult><Bucket>${xml(bucket)}</Bucket><Key>${xml(key)}</Key><UploadId>${uploadId}</UploadId></InitiateMultipartUploadResult>`,
    );
  }

  private uploadPart(query: Record<string, string | undefined>, data: Buffer): HttpResponse {
    const upload = this.uploads.get(query.uploadId!);
    if (!upload) return error(404, 'NoSuchUpload', 'The specified upload does not exist.');
    upload.parts.set(Number(query.partNumber), data);
    return new HttpResponse({ statusCode: 200, headers: { etag: md5(data) }, body: Readable.from([]) });
  }

  private completeUpload(uploadId: string): HttpResponse {
    const upload = this.uploads.get(uploadId);
    if (!upload) return error(404, 'NoSuchUpload', 'The specified upload does not exist.');
    const data = Buffer.concat([...upload.parts.entries()].sort(([a], [b]) => a - b).map(([, part]) => part));
    this.uploads.delete(uploadId);
    this.putObject(upload.bucket, upload.key, data);
    return xmlResponse(
      `<CompleteMultipartUploadResult><Bucket>${xml(upload.bucket)}</Bucket><Key>${xml(upload.key)}</Key><ETag>${xml(md5(data))}</ETag></CompleteMultipartUploadResult>`,
    );
  }
}

async function readBody(body: unknown): Promise<Buffer> {
  if (body === undefined || body === null) return Buffer.alloc(0);
  if (typeof body === 'string') return Buffer.from(body);
  if (body instanceof Uint8Array) return Buffer.from(body);
  const parts: Buffer[] = [];
  for await (const chunk of body as AsyncIterable<Uint8Array | string>) parts.push(Buffer.from(chunk));
  return Buffer.concat(parts);
}

function md5(data: Buffer): string {
  return `"${createHash('md5').update(data).digest('hex')}"`;
}

function xml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function xmlResponse(body: string): HttpResponse {
  return new HttpResponse({
    statusCode: 200,
    headers: { 'content-type': 'application/xml' },
    body: Readable.from([Buffer.from(`<?xml version="1.0" encoding="UTF-8"?>${body}`)]),
  });
}

function error(status: number, code: string, message: string): HttpResponse {
  const body = `<?xml version="1.0" encoding="UTF-8"?><Error><Code>${code}</Code><Message>${xml(message)}</Message><RequestId>fake</RequestId></Error>`;
  return new HttpResponse({ statusCode: status, headers: { 'content-type': 'application/xml' }, body: Readable.from([Buffer.from(body)]) });
}
