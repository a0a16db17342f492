// Receives a request body: undoes aws-chunked framing, digests it while it streams into a sink (the blob store for
// objects and parts, memory for XML documents), then checks its length and checksums. A body that fails a check is
// discarded before the error is thrown.
import type { Readable, Transform } from 'node:stream';
import type { ChecksumAlgorithm } from '../checksums/algorithms';
import { readChecksumPlan, verifyChecksums, type ChecksumPlan, type ComputedDigests } from '../checksums/request-checksums';
import { EntityTooLarge, IncompleteBody, MaxMessageLengthExceeded, MissingContentLength } from '../errors';
import type { OperationContext } from '../operations/types';
import { AwsChunkedDecoder, isAwsChunked } from './aws-chunked-decoder';
import { DigestTap } from './digest-tap';

export interface ReceivedUpload {
  readonly blobId: string;
  readonly size: number;
  /** Quoted MD5 hex, S3's ETag for a single-part upload. */
  readonly etag: string;
  readonly md5: Buffer;
  /** Every flexible checksum computed (the client's algorithm plus `extraAlgorithms`), base64. */
  readonly checksums: Partial<Record<ChecksumAlgorithm, string>>;
  readonly plan: ChecksumPlan;
}

interface BodyOptions<T> {
  readonly maxBytes: number;
  /** Uploads must state their length (S3: MissingContentLength); XML documents need not. */
  readonly requireLength: boolean;
  readonly extraAlgorithms: readonly ChecksumAlgorithm[];
  /** Computed when the client names no algorithm (S3 adds CRC64NVME to objects uploaded without a checksum). */
  readonly defaultAlgorithm?: ChecksumAlgorithm;
  readonly flexibleChecksums: boolean;
  readonly sink: (source: Readable) => Promise<T>;
  readonly discard: (stored: T) => Promise<void>;
}

interface Received<T> {
  readonly stored: T;
  readonly size: number;
  readonly digests: ComputedDigests;
  readonly plan: ChecksumPlan;
}

async function receiveBody<T>(context: OperationContext, options: BodyOptions<T>): Promise<Received<T>> {
  const { request } = context;
  const plan = readChecksumPlan(request.headers, options.flexibleChecksums);
  const chunked = isAwsChunked(request.headers);
  const declared = declaredLength(request.headers, chunked, options.requireLength);
  if (declared !== undefined && declared > options.maxBytes) throw new EntityTooLarge(declared, options.maxBytes);
  const decoder = chunked ? new AwsChunkedDecoder() : undefined;
  const primary = plan.algorithm ?? options.defaultAlgorithm;
  const algorithms = primary ? [primary, ...options.extraAlgorithms] : options.extraAlgorithms;
  const tap = new DigestTap({ algorithms, sha256: plan.contentSha256 !== undefined, maxBytes: options.maxBytes });
  let stored: T;
  try {
    stored = await options.sink(chain(request.body, decoder ? [decoder, tap] : [tap]));
  } catch (error) {
    throw asClientAbort(error);
  }
  try {
    if (declared !== undefined && tap.size !== declared) throw new IncompleteBody();
    const digests = tap.digests();
    verifyChecksums(plan, digests, decoder?.trailers ?? {});
    return { stored, size: tap.size, digests, plan };
  } catch (error) {
    await options.discard(stored);
    throw error;
  }
}

export interface UploadOptions {
  readonly extraAlgorithms?: readonly ChecksumAlgorithm[];
  readonly defaultAlgorithm?: ChecksumAlgorithm;
}

/** An object or part body, streamed into the blob store. */
export async function receiveUpload(context: OperationContext, options: UploadOptions = {}): Promise<ReceivedUpload> {
  const { blobs } = context.store;
  const received = await receiveBody(context, {
    maxBytes: context.limits.maxObjectBytes,
    requireLength: true,
    extraAlgorithms: options.extraAlgorithms ?? [],
    defaultAlgorithm: options.defaultAlgorithm,
    flexibleChecksums: true,
    sink: (source) => blobs.write(source),
    discard: (blobId) => blobs.remove(blobId),
  });
  const { md5, checksums } = received.digests;
  return { blobId: received.stored, size: received.size, etag: `"${md5.toString('hex')}"`, md5, checksums, plan: received.plan };
}

/** A small document body (XML), verified like an upload (see readChecksumPlan for `flexibleChecksums`). */
export async function receiveDocument(context: OperationContext, flexibleChecksums = true): Promise<string> {
  try {
    const received = await receiveBody(context, {
      maxBytes: context.limits.maxXmlBytes,
      requireLength: false,
      extraAlgorithms: [],
      flexibleChecksums,
      sink: async (source) => {
        const chunks: Buffer[] = [];
        for await (const chunk of source) chunks.push(chunk as Buffer);
        return Buffer.concat(chunks);
      },
      discard: async () => undefined,
    });
    return received.stored.toString('utf8');
  } catch (error) {
    throw error instanceof EntityTooLarge ? new MaxMessageLengthExceeded() : error;
  }
}

/**
 * Pipes `source` through `transforms`, forwarding every error to the last stage. Unlike stream.pipeline it never
 * destroys `source`: that is the client's request, and S3 still answers a bad body with an error document.
 */
function chain(source: Readable, transforms: readonly Transform[]): Readable {
  const last = transforms[transforms.length - 1];
  let current = source;
  for (const transform of transforms) {
    current.on('error', (error) => last.destroy(error));
    current = current.pipe(transform);
  }
  return last;
}

function declaredLength(headers: Readonly<Record<string, string>>, chunked: boolean, required: boolean): number | undefined {
  const raw = chunked ? headers['x-amz-decoded-content-length'] : headers['content-length'];
  if (raw !== undefined && /^\d+$/.test(raw.trim())) return Number(raw.trim());
  if (required) throw new MissingContentLength();
  return undefined;
}

/** A client that disconnects mid-upload surfaces as a stream error; S3 reports that as IncompleteBody. */
function asClientAbort(error: unknown): unknown {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ECONNRESET' || code === 'ERR_STREAM_PREMATURE_CLOSE' || (error as Error).message === 'aborted') {
    return new IncompleteBody();
  }
  return error;
}
