// The one S3Store implementation: an in-memory index over a BlobStore, with every change written through a
// MetadataJournal. The index is updated synchronously before the journal write, so concurrent writers see a single
// order, and each replaced blob is freed exactly once.
import { NoSuchBucket, NoSuchUpload } from '../errors';
import { compareKeys } from '../listing/key-order';
import type { BlobStore, BucketRecord, MetadataJournal, ObjectRecord, PartRecord, S3Store, StoreSnapshot, UploadRecord } from './types';

interface BucketState {
  readonly record: BucketRecord;
  readonly objects: Map<string, ObjectRecord>;
  sorted?: ObjectRecord[];
}

interface UploadState {
  readonly record: UploadRecord;
  readonly parts: Map<number, PartRecord>;
}

export class IndexedStore implements S3Store {
  private readonly buckets = new Map<string, BucketState>();
  private readonly uploads = new Map<string, UploadState>();

  private constructor(
    readonly blobs: BlobStore,
    private readonly journal: MetadataJournal,
  ) {}

  /**
   * Loads the journal and frees blobs no record references (left by a crash between blob and metadata writes) —
   * unless some sidecar was unreadable, because then an "orphan" may be the data of that record.
   */
  static async open(blobs: BlobStore, journal: MetadataJournal): Promise<IndexedStore> {
    const store = new IndexedStore(blobs, journal);
    const snapshot = await journal.load();
    store.restore(snapshot);
    if (snapshot.unreadable > 0) {
      console.warn(`[s3] ${snapshot.unreadable} unreadable metadata file(s); keeping unreferenced blobs`);
      return store;
    }
    const referenced = store.referencedBlobs();
    await Promise.all((await blobs.list()).filter((id) => !referenced.has(id)).map((id) => blobs.remove(id)));
    return store;
  }

  listBuckets(): readonly BucketRecord[] {
    return [...this.buckets.values()].map((b) => b.record).sort((a, b) => compareKeys(a.name, b.name));
  }

  getBucket(name: string): BucketRecord | undefined {
    return this.buckets.get(name)?.record;
  }

  async createBucket(bucket: BucketRecord): Promise<void> {
    this.buckets.set(bucket.name, { record: bucket, objects: new Map() });
    await this.journal.saveBucket(bucket);
  }

  async deleteBucket(name: string): Promise<void> {
    if (!this.buckets.delete(name)) return;
    const uploads = [...this.uploads.values()].filter((u) => u.record.bucket === name);
    await Promise.all(uploads.map((u) => this.deleteUpload(u.record.uploadId)));
    await this.journal.deleteBucket(name);
  }

  getObject(bucket: string, key: string): ObjectRecord | undefined {
    return this.buckets.get(bucket)?.objects.get(key);
  }

  listObjects(bucket: string): readonly ObjectRecord[] {
    const state = this.buckets.get(bucket);
    if (!state) return [];
    state.sorted ??= [...state.objects.values()].sort((a, b) => compareKeys(a.key, b.key));
    return state.sorted;
  }

  async putObject(bucket: string, object: ObjectRecord): Promise<void> {
    const state = this.buckets.get(bucket);
    if (!state) {
      await this.blobs.remove(object.blobId);
      throw new NoSuchBucket(bucket);
    }
    const previous = state.objects.get(object.key);
    state.objects.set(object.key, object);
    state.sorted = undefined;
    await this.journal.saveObject(bucket, object);
    if (previous && previous.blobId !== object.blobId) await this.blobs.remove(previous.blobId);
  }

  async deleteObject(bucket: string, key: string): Promise<boolean> {
    const state = this.buckets.get(bucket);
    const previous = state?.objects.get(key);
    if (!state || !previous) return false;
    state.objects.delete(key);
    state.sorted = undefined;
    await this.journal.deleteObject(bucket, key);
    await this.blobs.remove(previous.blobId);
    return true;
  }

  async createUpload(upload: UploadRecord): Promise<void> {
    this.uploads.set(upload.uploadId, { record: upload, parts: new Map() });
    await this.journal.saveUpload(upload);
  }

  getUpload(uploadId: string): UploadRecord | undefined {
    return this.uploads.get(uploadId)?.record;
  }

  async putPart(uploadId: string, part: PartRecord): Promise<void> {
    const state = this.uploads.get(uploadId);
    if (!state) {
      await this.blobs.remove(part.blobId);
      throw new NoSuchUpload(uploadId);
    }
    const previous = state.parts.get(part.partNumber);
    state.parts.set(part.partNumber, part);
    await this.journal.savePart(uploadId, part);
    if (previous && previous.blobId !== part.blobId) await this.blobs.remove(previous.blobId);
  }

  listParts(uploadId: string): readonly PartRecord[] {
    const parts = this.uploads.get(uploadId)?.parts.values() ?? [];
    return [...parts].sort((a, b) => a.partNumber - b.partNumber);
  }

  async deleteUpload(uploadId: string): Promise<void> {
    const state = this.uploads.get(uploadId);
    if (!state) return;
    this.uploads.delete(uploadId);
    await this.journal.deleteUpload(uploadId);
    await Promise.all([...state.parts.values()].map((p) => this.blobs.remove(p.blobId)));
  }

  private restore(snapshot: StoreSnapshot): void {
    for (const record of snapshot.buckets) this.buckets.set(record.name, { record, objects: new Map() });
    for (const [bucket, object] of snapshot.objects) this.buckets.get(bucket)?.objects.set(object.key, object);
    for (const record of snapshot.uploads) {
      if (this.buckets.has(record.bucket)) this.uploads.set(record.uploadId, { record, parts: new Map() });
    }
    for (const [uploadId, part] of snapshot.parts) this.uploads.get(uploadId)?.parts.set(part.partNumber, part);
  }

  private referencedBlobs(): Set<string> {
    const ids = new Set<string>();
    for (const bucket of this.buckets.values()) for (const object of bucket.objects.values()) ids.add(object.blobId);
    for (const upload of this.uploads.values()) for (const part of upload.parts.values()) ids.add(part.blobId);
    return ids;
  }
}
