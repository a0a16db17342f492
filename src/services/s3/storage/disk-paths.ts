// Every file name under the data directory is derived here, and no client-chosen string is ever used as a path:
// object keys are SHA-256 hashed, bucket names and upload ids must match strict patterns, blob ids are our own hex.
// A key such as "../../etc/passwd" is therefore just data inside a JSON sidecar.
import { createHash } from 'node:crypto';
import { join, resolve, sep } from 'node:path';

const BUCKET_DIR = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;
const UPLOAD_ID = /^[A-Za-z0-9_-]{16,128}$/;
const BLOB_ID = /^[0-9a-f]{32}$/;

class UnsafePathError extends Error {
  constructor(what: string, value: string) {
    super(`Refusing to map ${what} '${value.slice(0, 100)}' to a file name`);
    this.name = 'UnsafePathError';
  }
}

export const isBlobId = (id: string): boolean => BLOB_ID.test(id);
export const isUploadId = (id: string): boolean => UPLOAD_ID.test(id);

export class DiskPaths {
  readonly root: string;

  constructor(dataDir: string) {
    this.root = resolve(dataDir);
  }

  get bucketsDir(): string {
    return this.inside('buckets');
  }

  get uploadsDir(): string {
    return this.inside('uploads');
  }

  get blobsDir(): string {
    return this.inside('blobs');
  }

  get tmpDir(): string {
    return this.inside('tmp');
  }

  bucketDir(bucket: string): string {
    if (!BUCKET_DIR.test(bucket) || bucket.includes('..')) throw new UnsafePathError('bucket name', bucket);
    return this.inside('buckets', bucket);
  }

  objectFile(bucket: string, key: string): string {
    return join(this.bucketDir(bucket), 'objects', `${keyDigest(key)}.json`);
  }

  uploadDir(uploadId: string): string {
    if (!isUploadId(uploadId)) throw new UnsafePathError('upload id', uploadId);
    return this.inside('uploads', uploadId);
  }

  partFile(uploadId: string, partNumber: number): string {
    if (!Number.isInteger(partNumber) || partNumber < 1 || partNumber > 10000) {
      throw new UnsafePathError('part number', String(partNumber));
    }
    return join(this.uploadDir(uploadId), 'parts', `${partNumber}.json`);
  }

  blobFile(blobId: string): string {
    if (!isBlobId(blobId)) throw new UnsafePathError('blob id', blobId);
    return this.inside('blobs', blobId);
  }

  /** Joins fixed or validated segments and double-checks the result stays under the root. */
  private inside(...segments: string[]): string {
    const path = resolve(this.root, ...segments);
    if (!path.startsWith(this.root + sep)) throw new UnsafePathError('path', segments.join('/'));
    return path;
  }
}

export function keyDigest(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('hex');
}
