// The on-disk implementation: DiskBlobStore for bytes, DiskJournal for metadata, re-opened from the same directory
// after a restart.
import { mkdir } from 'node:fs/promises';
import { DiskBlobStore } from './disk-blob-store';
import { DiskJournal } from './disk-journal';
import { DiskPaths } from './disk-paths';
import { IndexedStore } from './indexed-store';
import type { S3Store } from './types';

export async function openDiskStore(dataDir: string): Promise<S3Store> {
  const paths = new DiskPaths(dataDir);
  await mkdir(paths.root, { recursive: true });
  const blobs = new DiskBlobStore(paths);
  await blobs.init();
  return IndexedStore.open(blobs, new DiskJournal(paths));
}
