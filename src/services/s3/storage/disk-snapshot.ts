// Reads the sidecars back at start-up. A file that fails to parse or to validate is reported and skipped, never
// deleted: the blob it points at is then treated as unreferenced, but the sidecar stays for a human to inspect.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { isBlobId, isUploadId, keyDigest, type DiskPaths } from './disk-paths';
import type { BucketRecord, ObjectRecord, PartRecord, StoreSnapshot, UploadRecord } from './types';

type Check<T> = (value: unknown) => value is T;

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isStringMap = (v: unknown): boolean => isRecord(v) && Object.values(v).every((x) => typeof x === 'string');
const hasBlob = (v: Record<string, unknown>): boolean =>
  typeof v.blobId === 'string' && isBlobId(v.blobId) && typeof v.size === 'number' && typeof v.etag === 'string';

const isBucket: Check<BucketRecord> = (v): v is BucketRecord =>
  isRecord(v) && typeof v.name === 'string' && typeof v.region === 'string' && typeof v.creationDate === 'string';
const isObject: Check<ObjectRecord> = (v): v is ObjectRecord =>
  isRecord(v) && typeof v.key === 'string' && hasBlob(v) && isStringMap(v.headers) && isStringMap(v.userMetadata);
const isUpload: Check<UploadRecord> = (v): v is UploadRecord =>
  isRecord(v) &&
  typeof v.uploadId === 'string' &&
  isUploadId(v.uploadId) &&
  typeof v.bucket === 'string' &&
  typeof v.key === 'string' &&
  isStringMap(v.headers) &&
  isStringMap(v.userMetadata);
const isPart: Check<PartRecord> = (v): v is PartRecord => isRecord(v) && Number.isInteger(v.partNumber) && hasBlob(v) && isRecord(v.checksums);

async function entries(dir: string): Promise<string[]> {
  try {
    return await readdir(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
}

export async function loadSnapshot(paths: DiskPaths): Promise<StoreSnapshot> {
  let unreadable = 0;
  const readSidecar = async <T>(file: string, check: Check<T>): Promise<T | undefined> => {
    try {
      const value: unknown = JSON.parse(await readFile(file, 'utf8'));
      if (check(value)) return value;
      console.warn(`[s3] ignoring ${file}: unexpected content`);
    } catch (error) {
      // A directory without its sidecar is what an interrupted delete leaves behind; nothing is lost.
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      console.warn(`[s3] ignoring ${file}: ${(error as Error).message}`);
    }
    unreadable++;
    return undefined;
  };
  const buckets: BucketRecord[] = [];
  const objects: Array<[string, ObjectRecord]> = [];
  for (const name of await entries(paths.bucketsDir)) {
    const bucket = await readSidecar(join(paths.bucketsDir, name, 'bucket.json'), isBucket);
    if (!bucket || bucket.name !== name) continue;
    buckets.push(bucket);
    const dir = join(paths.bucketsDir, name, 'objects');
    for (const file of await entries(dir)) {
      const object = await readSidecar(join(dir, file), isObject);
      // The file name must be the key's digest, or a copied-in sidecar could shadow another key.
      if (object && file === `${keyDigest(object.key)}.json`) objects.push([name, object]);
      else if (object) unreadable++;
    }
  }
  const uploads: UploadRecord[] = [];
  const parts: Array<[string, PartRecord]> = [];
  for (const id of await entries(paths.uploadsDir)) {
    const upload = await readSidecar(join(paths.uploadsDir, id, 'upload.json'), isUpload);
    if (!upload || upload.uploadId !== id) continue;
    uploads.push(upload);
    const dir = join(paths.uploadsDir, id, 'parts');
    for (const file of await entries(dir)) {
      const part = await readSidecar(join(dir, file), isPart);
      if (part && file === `${part.partNumber}.json`) parts.push([id, part]);
    }
  }
  return { buckets, objects, uploads, parts, unreadable };
}
