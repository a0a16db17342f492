// The storage contract of the S3 service: bytes (BlobStore) kept apart from metadata (records), as LocalStack splits
// s3/storage/ from models.py. Two implementations: in-memory, and on-disk under a data directory.
import type { Readable } from 'node:stream';
import type { ChecksumAlgorithm, ChecksumType } from '../checksums/algorithms';

export interface BucketRecord {
  readonly name: string;
  readonly region: string;
  /** ISO-8601. */
  readonly creationDate: string;
}

export interface StoredChecksum {
  readonly algorithm: ChecksumAlgorithm;
  /** Base64; a COMPOSITE value ends in "-<part count>". */
  readonly value: string;
  readonly type: ChecksumType;
}

/** What a writer sets on an object and S3 returns verbatim. */
export interface ObjectAttributes {
  /** Representation headers, lower-cased (content-type, cache-control, content-disposition, …). */
  readonly headers: Readonly<Record<string, string>>;
  /** x-amz-meta-* without the prefix, names lower-cased. */
  readonly userMetadata: Readonly<Record<string, string>>;
}

export interface ObjectRecord extends ObjectAttributes {
  readonly key: string;
  readonly blobId: string;
  readonly size: number;
  /** Quoted, as on the wire. */
  readonly etag: string;
  /** ISO-8601, whole seconds (HTTP dates carry no milliseconds). */
  readonly lastModified: string;
  readonly checksum?: StoredChecksum;
  readonly partsCount?: number;
}

export interface UploadRecord extends ObjectAttributes {
  readonly uploadId: string;
  readonly bucket: string;
  readonly key: string;
  readonly initiated: string;
  readonly checksum?: { readonly algorithm: ChecksumAlgorithm; readonly type: ChecksumType };
}

export interface PartRecord {
  readonly partNumber: number;
  readonly blobId: string;
  readonly size: number;
  readonly etag: string;
  readonly lastModified: string;
  readonly checksums: Readonly<Partial<Record<ChecksumAlgorithm, string>>>;
}

/** Inclusive byte offsets, as in an HTTP Range. */
export interface ByteRange {
  readonly start: number;
  readonly end: number;
}

export interface BlobStore {
  /** Stores a stream as a new blob; nothing is visible (and nothing is left behind) if the stream fails. */
  write(source: Readable): Promise<string>;
  /** Opens a blob; throws BlobNotFoundError if it is gone (e.g. replaced by a concurrent write). */
  read(blobId: string, range?: ByteRange): Promise<Readable>;
  /** Idempotent. */
  remove(blobId: string): Promise<void>;
  /** Every stored blob id, so a store can drop blobs no record points at (crash leftovers). */
  list(): Promise<string[]>;
}

export class BlobNotFoundError extends Error {
  constructor(readonly blobId: string) {
    super(`Blob ${blobId} does not exist`);
    this.name = 'BlobNotFoundError';
  }
}

export interface StoreSnapshot {
  readonly buckets: readonly BucketRecord[];
  readonly objects: ReadonlyArray<readonly [bucket: string, object: ObjectRecord]>;
  readonly uploads: readonly UploadRecord[];
  readonly parts: ReadonlyArray<readonly [uploadId: string, part: PartRecord]>;
  /** Sidecars that could not be read; while any exist, unreferenced blobs are kept (they may be theirs). */
  readonly unreadable: number;
}

/** Where metadata changes are persisted; the in-memory store's journal does nothing. */
export interface MetadataJournal {
  load(): Promise<StoreSnapshot>;
  saveBucket(bucket: BucketRecord): Promise<void>;
  deleteBucket(name: string): Promise<void>;
  saveObject(bucket: string, object: ObjectRecord): Promise<void>;
  deleteObject(bucket: string, key: string): Promise<void>;
  saveUpload(upload: UploadRecord): Promise<void>;
  savePart(uploadId: string, part: PartRecord): Promise<void>;
  deleteUpload(uploadId: string): Promise<void>;
}

/** What operations use. Reads are synchronous over an in-memory index; writes resolve once persisted. */
export interface S3Store {
  readonly blobs: BlobStore;
  listBuckets(): readonly BucketRecord[];
  getBucket(name: string): BucketRecord | undefined;
  createBucket(bucket: BucketRecord): Promise<void>;
  /** Removes the bucket and its in-progress uploads; the caller checks that no objects remain. */
  deleteBucket(name: string): Promise<void>;
  getObject(bucket: string, key: string): ObjectRecord | undefined;
  /** Sorted by key in UTF-8 byte order, as S3 lists. */
  listObjects(bucket: string): readonly ObjectRecord[];
  /** Replaces any object under the key and frees its blob; frees the new blob if the bucket is gone. */
  putObject(bucket: string, object: ObjectRecord): Promise<void>;
  deleteObject(bucket: string, key: string): Promise<boolean>;
  createUpload(upload: UploadRecord): Promise<void>;
  getUpload(uploadId: string): UploadRecord | undefined;
  /** Replaces a part with the same number; frees the new blob if the upload is gone. */
  putPart(uploadId: string, part: PartRecord): Promise<void>;
  /** Ascending by part number. */
  listParts(uploadId: string): readonly PartRecord[];
  /** Removes the upload and frees its parts' blobs. */
  deleteUpload(uploadId: string): Promise<void>;
}
