// Turns an EdgeRequest into S3 terms: bucket and key (path-style `/<bucket>/<key>`, or virtual-host style
// `<bucket>.s3.<anything>` / `<bucket>.localhost`), decoded query, and the region the client signed for.
import type { Readable } from 'node:stream';
import type { EdgeRequest } from '../../server/edge';
import { InvalidURI, KeyTooLongError } from './errors';

export interface S3Request {
  readonly method: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly query: URLSearchParams;
  readonly bucket?: string;
  readonly key?: string;
  readonly body: Readable;
  /** The SigV4 credential-scope region, else the endpoint's region. */
  readonly region: string;
  /** Path (still encoded) for error documents. */
  readonly path: string;
}

const MAX_KEY_BYTES = 1024;

export function parseS3Request(request: EdgeRequest, defaultRegion: string): S3Request {
  const queryAt = request.url.indexOf('?');
  const path = queryAt === -1 ? request.url : request.url.slice(0, queryAt);
  const query = new URLSearchParams(queryAt === -1 ? '' : request.url.slice(queryAt + 1));
  const hostBucket = bucketFromHost(request.headers.host);
  const { bucket, key } = hostBucket === undefined ? splitPath(path) : { bucket: hostBucket, key: decode(path.slice(1), path) };
  if (key !== undefined && Buffer.byteLength(key) > MAX_KEY_BYTES) throw new KeyTooLongError(Buffer.byteLength(key));
  return {
    method: request.method.toUpperCase(),
    headers: request.headers,
    query,
    bucket: bucket || undefined,
    key: key || undefined,
    body: request.body,
    region: signingRegion(request.headers.authorization ?? query.get('X-Amz-Credential') ?? '') ?? defaultRegion,
    path,
  };
}

/** `<bucket>.s3.<anything>` or `<bucket>.localhost`; undefined means path-style addressing. */
export function bucketFromHost(host: string | undefined): string | undefined {
  if (!host) return undefined;
  const hostname = host.toLowerCase().replace(/:\d+$/, '');
  const s3Style = /^(.+?)\.s3(?:[.-].*)?$/.exec(hostname);
  if (s3Style) return s3Style[1];
  const local = /^(.+)\.localhost$/.exec(hostname);
  // s3.localhost.localstack.cloud-like names without a bucket label stay path-style.
  if (local && local[1] !== 's3' && !local[1].startsWith('s3.')) return local[1];
  return undefined;
}

function splitPath(path: string): { bucket?: string; key?: string } {
  const trimmed = path.startsWith('/') ? path.slice(1) : path;
  const slash = trimmed.indexOf('/');
  if (slash === -1) return { bucket: decode(trimmed, path) };
  return { bucket: decode(trimmed.slice(0, slash), path), key: decode(trimmed.slice(slash + 1), path) };
}

function decode(segment: string, path: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    throw new InvalidURI(path);
  }
}

function signingRegion(credential: string): string | undefined {
  return (
    /Credential=[^/,\s]+\/\d{8}\/([a-z0-9-]+)\/s3\/aws4_request/.exec(credential)?.[1] ?? /^[^/]+\/\d{8}\/([a-z0-9-]+)\/s3\/aws4_request$/.exec(credential)?.[1]
  );
}
