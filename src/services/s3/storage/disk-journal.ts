// Metadata as JSON sidecars: buckets/<name>/bucket.json, buckets/<name>/objects/<sha256(key)>.json,
// uploads/<id>/upload.json and uploads/<id>/parts/<n>.json. Each write goes to tmp/ and is renamed over the target;
// writes to one file are queued so the last call wins on disk as it does in the index.
import { randomBytes } from 'node:crypto';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { DiskPaths } from './disk-paths';
import { loadSnapshot } from './disk-snapshot';
import type { BucketRecord, MetadataJournal, ObjectRecord, PartRecord, StoreSnapshot, UploadRecord } from './types';

export class DiskJournal implements MetadataJournal {
  private readonly queues = new Map<string, Promise<unknown>>();

  constructor(private readonly paths: DiskPaths) {}

  load(): Promise<StoreSnapshot> {
    return loadSnapshot(this.paths);
  }

  saveBucket(bucket: BucketRecord): Promise<void> {
    return this.writeJson(join(this.paths.bucketDir(bucket.name), 'bucket.json'), bucket);
  }

  deleteBucket(name: string): Promise<void> {
    return this.serialize(this.paths.bucketDir(name), () => rm(this.paths.bucketDir(name), { recursive: true, force: true }));
  }

  saveObject(bucket: string, object: ObjectRecord): Promise<void> {
    return this.writeJson(this.paths.objectFile(bucket, object.key), object);
  }

  deleteObject(bucket: string, key: string): Promise<void> {
    const file = this.paths.objectFile(bucket, key);
    return this.serialize(file, () => rm(file, { force: true }));
  }

  saveUpload(upload: UploadRecord): Promise<void> {
    return this.writeJson(join(this.paths.uploadDir(upload.uploadId), 'upload.json'), upload);
  }

  savePart(uploadId: string, part: PartRecord): Promise<void> {
    return this.writeJson(this.paths.partFile(uploadId, part.partNumber), part);
  }

  deleteUpload(uploadId: string): Promise<void> {
    const dir = this.paths.uploadDir(uploadId);
    return this.serialize(dir, () => rm(dir, { recursive: true, force: true }));
  }

  private writeJson(file: string, value: unknown): Promise<void> {
    return this.serialize(file, async () => {
      await mkdir(dirname(file), { recursive: true });
      const temp = join(this.paths.tmpDir, `${randomBytes(12).toString('hex')}.json`);
      try {
        await writeFile(temp, JSON.stringify(value));
        await rename(temp, file);
      } catch (error) {
        await rm(temp, { force: true });
        throw error;
      }
    });
  }

  private serialize(path: string, task: () => Promise<void>): Promise<void> {
    const previous = this.queues.get(path) ?? Promise.resolve();
    const next = previous.catch(() => undefined).then(task);
    this.queues.set(path, next);
    const cleanup = () => {
      if (this.queues.get(path) === next) this.queues.delete(path);
    };
    next.then(cleanup, cleanup);
    return next;
  }
}
