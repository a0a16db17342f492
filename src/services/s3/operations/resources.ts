// Look-ups shared by operations, each failing with the error S3 returns for a missing resource.
import type { Readable } from 'node:stream';
import { InvalidArgument, NoSuchBucket, NoSuchKey, NoSuchUpload } from '../errors';
import { BlobNotFoundError, type BucketRecord, type ByteRange, type ObjectRecord, type S3Store, type UploadRecord } from '../storage/types';
import type { OperationContext } from './types';

export function requireBucket(context: OperationContext): BucketRecord {
  const name = context.request.bucket ?? '';
  const bucket = context.store.getBucket(name);
  if (!bucket) throw new NoSuchBucket(name);
  return bucket;
}

export function requireKey(context: OperationContext): string {
  const key = context.request.key;
  if (key === undefined) throw new NoSuchKey('');
  return key;
}

export function requireObject(context: OperationContext, bucket: string): ObjectRecord {
  const key = requireKey(context);
  const object = context.store.getObject(bucket, key);
  if (!object) throw new NoSuchKey(key);
  return object;
}

export function requireUpload(context: OperationContext, bucket: string): UploadRecord {
  const uploadId = context.request.query.get('uploadId') ?? '';
  const upload = context.store.getUpload(uploadId);
  if (!upload || upload.bucket !== bucket || upload.key !== context.request.key) throw new NoSuchUpload(uploadId);
  return upload;
}

/** Buckets are unversioned: only the "null" version exists (S3 answers other ids with InvalidArgument). */
export function rejectVersionId(query: URLSearchParams): void {
  const versionId = query.get('versionId');
  if (versionId !== null && versionId !== 'null') throw new InvalidArgument('Invalid version id specified', 'versionId', versionId);
}

export interface OpenedObject {
  readonly object: ObjectRecord;
  readonly range?: ByteRange;
  readonly body: Readable;
}

/**
 * Opens the current object's bytes. If a concurrent overwrite freed the blob between the metadata look-up and the
 * open, the look-up is repeated, so a reader sees either the old or the new object, never an error.
 */
export async function openObject(
  store: S3Store,
  bucket: string,
  key: string,
  pickRange: (object: ObjectRecord) => ByteRange | undefined,
): Promise<OpenedObject> {
  for (let attempt = 0; ; attempt++) {
    const object = store.getObject(bucket, key);
    if (!object) throw new NoSuchKey(key);
    const range = pickRange(object);
    try {
      return { object, range, body: await store.blobs.read(object.blobId, range) };
    } catch (error) {
      if (!(error instanceof BlobNotFoundError) || attempt >= 3) throw error;
    }
  }
}
