// The in-memory implementation: blobs are Buffers, metadata lives only in the index.
import { randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import { IndexedStore } from './indexed-store';
import { BlobNotFoundError, type BlobStore, type ByteRange, type MetadataJournal, type S3Store } from './types';

class MemoryBlobStore implements BlobStore {
  private readonly blobs = new Map<string, Buffer>();

  async write(source: Readable): Promise<string> {
    const chunks: Buffer[] = [];
    for await (const chunk of source) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as string));
    const id = randomBytes(16).toString('hex');
    this.blobs.set(id, Buffer.concat(chunks));
    return id;
  }

  async read(blobId: string, range?: ByteRange): Promise<Readable> {
    const blob = this.blobs.get(blobId);
    if (!blob) throw new BlobNotFoundError(blobId);
    return Readable.from([range ? blob.subarray(range.start, range.end + 1) : blob], { objectMode: false });
  }

  async remove(blobId: string): Promise<void> {
    this.blobs.delete(blobId);
  }

  async list(): Promise<string[]> {
    return [...this.blobs.keys()];
  }
}

const noJournal: MetadataJournal = {
  load: async () => ({ buckets: [], objects: [], uploads: [], parts: [], unreadable: 0 }),
  saveBucket: async () => undefined,
  deleteBucket: async () => undefined,
  saveObject: async () => undefined,
  deleteObject: async () => undefined,
  saveUpload: async () => undefined,
  savePart: async () => undefined,
  deleteUpload: async () => undefined,
};

export function createMemoryStore(): Promise<S3Store> {
  return IndexedStore.open(new MemoryBlobStore(), noJournal);
}
