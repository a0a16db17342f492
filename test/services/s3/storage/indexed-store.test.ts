import { Readable } from 'node:stream';
import { text } from 'node:stream/consumers';
import { openObject } from '../../../../src/services/s3/operations/resources';
import { createMemoryStore } from '../../../../src/services/s3/storage/memory-store';
import type { ObjectRecord, S3Store } from '../../../../src/services/s3/storage/types';

const record = (key: string, blobId: string): ObjectRecord => ({
  key,
  blobId,
  size: 1,
  etag: '"e"',
  lastModified: '2024-01-01T00:00:00.000Z',
  headers: {},
  userMetadata: {},
});

let store: S3Store;
beforeEach(async () => {
  store = await createMemoryStore();
  await store.createBucket({ name: 'b', region: 'us-east-1', creationDate: '2024-01-01T00:00:00.000Z' });
});

const blob = (content: string) => store.blobs.write(Readable.from([Buffer.from(content)]));

describe('IndexedStore', () => {
  it('frees the replaced blob exactly when an object is overwritten or deleted', async () => {
    const first = await blob('one');
    const second = await blob('two');
    await store.putObject('b', record('k', first));
    await store.putObject('b', record('k', second));
    expect(await store.blobs.list()).toEqual([second]);
    expect(await store.deleteObject('b', 'k')).toBe(true);
    expect(await store.deleteObject('b', 'k')).toBe(false);
    expect(await store.blobs.list()).toEqual([]);
  });

  it('frees the new blob when the bucket or upload is gone', async () => {
    const orphan = await blob('x');
    await expect(store.putObject('missing', record('k', orphan))).rejects.toMatchObject({ code: 'NoSuchBucket' });
    const part = await blob('p');
    await expect(store.putPart('no-upload', { partNumber: 1, blobId: part, size: 1, etag: '"e"', lastModified: '', checksums: {} })).rejects.toMatchObject({
      code: 'NoSuchUpload',
    });
    expect(await store.blobs.list()).toEqual([]);
  });

  it('deleting a bucket discards its uploads and their parts', async () => {
    await store.createUpload({ uploadId: 'u'.repeat(20), bucket: 'b', key: 'k', initiated: '', headers: {}, userMetadata: {} });
    await store.putPart('u'.repeat(20), { partNumber: 1, blobId: await blob('p'), size: 1, etag: '"e"', lastModified: '', checksums: {} });
    await store.deleteBucket('b');
    expect(store.getUpload('u'.repeat(20))).toBeUndefined();
    expect(await store.blobs.list()).toEqual([]);
  });

  it('openObject re-reads the record when a concurrent overwrite freed the blob it first saw', async () => {
    await store.putObject('b', record('k', await blob('old')));
    const replacement = await blob('new');
    const realRead = store.blobs.read.bind(store.blobs);
    let overwritten = false;
    jest.spyOn(store.blobs, 'read').mockImplementation(async (id, range) => {
      if (!overwritten) {
        overwritten = true;
        await store.putObject('b', record('k', replacement));
      }
      return realRead(id, range);
    });
    const opened = await openObject(store, 'b', 'k', () => undefined);
    expect([opened.object.blobId, await text(opened.body)]).toEqual([replacement, 'new']);
  });
});
