// Uploads one result file of known size through the injected S3Client, holding at most one part in memory:
// a single PutObject when it fits in one part, a multipart upload otherwise (S3 allows 10,000 parts, so 8 MiB
// parts cover the 5 GB file cap). Failures abort the multipart upload and become States.ResultWriterFailed.
import {
  AbortMultipartUploadCommand,
  CompleteMultipartUploadCommand,
  CreateMultipartUploadCommand,
  PutObjectCommand,
  UploadPartCommand,
  type CompletedPart,
  type S3Client,
} from '@aws-sdk/client-s3';
import { StatesErrorName } from '../../engine';
import { s3Failure } from '../s3-failure';

export const DEFAULT_PART_BYTES = 8 * 1024 * 1024;

export interface UploadTarget {
  readonly bucket: string;
  readonly key: string;
  /** Exact byte size of what `chunks` yields. */
  readonly size: number;
  readonly contentType: string;
}

export async function uploadObject(s3: S3Client, target: UploadTarget, chunks: AsyncIterable<Buffer>, partBytes = DEFAULT_PART_BYTES): Promise<void> {
  if (target.size <= partBytes) {
    const reader = new ExactReader(chunks[Symbol.asyncIterator]());
    const body = await reader.read(target.size);
    await reader.assertEnd();
    await send(
      () => s3.send(new PutObjectCommand({ Bucket: target.bucket, Key: target.key, Body: body, ContentType: target.contentType })),
      'putObject',
      target,
    );
    return;
  }
  const created = await send(
    () => s3.send(new CreateMultipartUploadCommand({ Bucket: target.bucket, Key: target.key, ContentType: target.contentType })),
    'createMultipartUpload',
    target,
  );
  const uploadId = created.UploadId!;
  try {
    const parts = await uploadParts(s3, target, uploadId, chunks, partBytes);
    await send(
      () => s3.send(new CompleteMultipartUploadCommand({ Bucket: target.bucket, Key: target.key, UploadId: uploadId, MultipartUpload: { Parts: parts } })),
      'completeMultipartUpload',
      target,
    );
  } catch (thrown) {
    await s3.send(new AbortMultipartUploadCommand({ Bucket: target.bucket, Key: target.key, UploadId: uploadId })).catch(() => undefined);
    throw thrown;
  }
}

async function uploadParts(s3: S3Client, target: UploadTarget, uploadId: string, chunks: AsyncIterable<Buffer>, partBytes: number): Promise<CompletedPart[]> {
  const reader = new ExactReader(chunks[Symbol.asyncIterator]());
  const parts: CompletedPart[] = [];
  for (let sent = 0, partNumber = 1; sent < target.size; partNumber++) {
    const size = Math.min(partBytes, target.size - sent);
    const body = await reader.read(size);
    const res = await send(
      () => s3.send(new UploadPartCommand({ Bucket: target.bucket, Key: target.key, UploadId: uploadId, PartNumber: partNumber, Body: body })),
      'uploadPart',
      target,
    );
    parts.push({ ETag: res.ETag, PartNumber: partNumber });
    sent += size;
  }
  await reader.assertEnd();
  return parts;
}

/** Reads exact-size buffers out of a chunk stream, keeping the leftover of a chunk for the next read. */
class ExactReader {
  private carry?: Buffer;
  constructor(private readonly iterator: AsyncIterator<Buffer>) {}

  async read(size: number): Promise<Buffer> {
    const buffer = Buffer.allocUnsafe(size);
    let filled = 0;
    while (filled < size) {
      const chunk = this.carry ?? (await this.next(filled, size));
      this.carry = undefined;
      const take = Math.min(chunk.length, size - filled);
      chunk.copy(buffer, filled, 0, take);
      filled += take;
      if (take < chunk.length) this.carry = chunk.subarray(take);
    }
    return buffer;
  }

  /** The computed size is a contract with the spool: a mismatch is a bug, never a silent truncation. */
  async assertEnd(): Promise<void> {
    if (this.carry || !(await this.iterator.next()).done) throw new Error('result file is longer than its computed size');
  }

  private async next(filled: number, size: number): Promise<Buffer> {
    const next = await this.iterator.next();
    if (next.done) throw new Error(`result file ended after ${filled} of ${size} bytes`);
    return next.value;
  }
}

async function send<T>(call: () => Promise<T>, operation: string, target: UploadTarget): Promise<T> {
  try {
    return await call();
  } catch (thrown) {
    throw s3Failure(StatesErrorName.ResultWriterFailed, operation, target, thrown);
  }
}
