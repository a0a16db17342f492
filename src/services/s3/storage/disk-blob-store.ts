// Blobs as files under <dataDir>/blobs, written to <dataDir>/tmp first and renamed into place, so a reader never
// sees a partial file and a 1 GB upload streams to disk instead of memory. Reads open the file descriptor up front:
// a blob replaced mid-download stays readable until its stream closes (POSIX unlink semantics).
import { randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, open, readdir, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { isBlobId, type DiskPaths } from './disk-paths';
import { BlobNotFoundError, type BlobStore, type ByteRange } from './types';

export class DiskBlobStore implements BlobStore {
  constructor(private readonly paths: DiskPaths) {}

  /** Creates the directories and clears temp files an interrupted process left behind. */
  async init(): Promise<void> {
    await rm(this.paths.tmpDir, { recursive: true, force: true });
    await mkdir(this.paths.tmpDir, { recursive: true });
    await mkdir(this.paths.blobsDir, { recursive: true });
  }

  async write(source: Readable): Promise<string> {
    const id = randomBytes(16).toString('hex');
    const temp = join(this.paths.tmpDir, `${id}.blob`);
    try {
      await pipeline(source, createWriteStream(temp, { flags: 'wx' }));
      await rename(temp, this.paths.blobFile(id));
      return id;
    } catch (error) {
      await rm(temp, { force: true });
      throw error;
    }
  }

  async read(blobId: string, range?: ByteRange): Promise<Readable> {
    let handle;
    try {
      handle = await open(this.paths.blobFile(blobId), 'r');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new BlobNotFoundError(blobId);
      throw error;
    }
    return handle.createReadStream(range ? { start: range.start, end: range.end } : {});
  }

  async remove(blobId: string): Promise<void> {
    await rm(this.paths.blobFile(blobId), { force: true });
  }

  async list(): Promise<string[]> {
    return (await readdir(this.paths.blobsDir)).filter(isBlobId);
  }
}
