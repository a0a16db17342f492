// Streams one S3 object through the injected S3Client: chunks are handed on as they arrive, so a 1 GB CSV is
// never held in memory. Leaving the loop early (MaxItems, an error downstream) destroys the HTTP body.
import { GetObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import type { ItemReaderSpec, ItemReaderStats } from './item-reader-spec';
import { itemReaderFailed, s3ReadFailed } from './reader-error';

/** The most a reader gets at once (about 800 rows of the seed's CSV). */
export const MAX_CHUNK_BYTES = 64 * 1024;

export async function* s3ObjectChunks(
  s3: S3Client,
  spec: Pick<ItemReaderSpec, 'bucket' | 'key' | 'versionId'>,
  stats: ItemReaderStats,
  signal?: AbortSignal,
): AsyncGenerator<Buffer> {
  const where = { bucket: spec.bucket, key: spec.key };
  let body: AsyncIterable<Uint8Array | string>;
  try {
    const res = await s3.send(new GetObjectCommand({ Bucket: spec.bucket, Key: spec.key, VersionId: spec.versionId }), { abortSignal: signal });
    if (!res.Body) throw itemReaderFailed(`S3 getObject returned no body for key '${spec.key}' in bucket '${spec.bucket}'`);
    body = res.Body as AsyncIterable<Uint8Array | string>;
  } catch (thrown) {
    throw failure(thrown, where, signal);
  }
  const iterator = body[Symbol.asyncIterator]();
  try {
    for (;;) {
      let next: IteratorResult<Uint8Array | string>;
      try {
        signal?.throwIfAborted();
        next = await iterator.next();
      } catch (thrown) {
        throw failure(thrown, where, signal);
      }
      if (next.done) return;
      const chunk = typeof next.value === 'string' ? Buffer.from(next.value) : Buffer.from(next.value.buffer, next.value.byteOffset, next.value.byteLength);
      // An in-memory object arrives as one chunk: handed on whole, a reader would parse every row of a
      // million-row CSV at once. Zero-copy slices keep what is parsed ahead bounded.
      for (let start = 0; start < chunk.length; start += MAX_CHUNK_BYTES) {
        const piece = chunk.subarray(start, start + MAX_CHUNK_BYTES);
        stats.bytesRead += piece.length;
        yield piece;
      }
    }
  } finally {
    await iterator.return?.();
  }
}

function failure(thrown: unknown, where: { bucket: string; key?: string }, signal?: AbortSignal): unknown {
  if (signal?.aborted) return signal.reason;
  return s3ReadFailed('getObject', where, thrown);
}
