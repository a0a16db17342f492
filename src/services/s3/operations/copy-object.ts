// CopyObject (https://docs.aws.amazon.com/AmazonS3/latest/API/API_CopyObject.html): server-side copy of up to 5 GiB.
// x-amz-metadata-directive COPY (default) keeps the source's headers and metadata, REPLACE takes the request's.
// The copy is re-digested: its ETag is the MD5 of the bytes (also for a multipart source), and it keeps the source's
// full-object checksum algorithm unless x-amz-checksum-algorithm names another; a COMPOSITE source gets CRC64NVME.
import { pipeline } from 'node:stream';
import type { EdgeResponse } from '../../../server/edge';
import { DigestTap } from '../body/digest-tap';
import { checksumXmlField, parseAlgorithm, type ChecksumAlgorithm } from '../checksums/algorithms';
import { InvalidArgument, InvalidRequest, NoSuchBucket, NoSuchKey } from '../errors';
import { readObjectAttributes, SERVER_SIDE_ENCRYPTION } from '../objects/object-headers';
import { evaluatePreconditions } from '../objects/preconditions';
import { isoTimestamp, nowSeconds, xmlResponse } from '../protocol/responses';
import type { ObjectAttributes, ObjectRecord } from '../storage/types';
import { parseCopySource } from './copy-source';
import { openObject, requireBucket, requireKey } from './resources';
import type { OperationContext } from './types';

export async function copyObject(context: OperationContext): Promise<EdgeResponse> {
  const { store, limits, request } = context;
  const { headers } = request;
  const bucket = requireBucket(context);
  const key = requireKey(context);
  const source = parseCopySource(headers['x-amz-copy-source'] ?? '');
  if (!store.getBucket(source.bucket)) throw new NoSuchBucket(source.bucket);
  const original = store.getObject(source.bucket, source.key);
  if (!original) throw new NoSuchKey(source.key);
  evaluatePreconditions(headers, original, 'x-amz-copy-source-');
  const replace = readDirective(headers['x-amz-metadata-directive']) === 'REPLACE';
  const requested = headers['x-amz-checksum-algorithm'];
  if (source.bucket === bucket.name && source.key === key && !replace && requested === undefined) {
    throw new InvalidRequest(
      "This copy request is illegal because it is trying to copy an object to itself without changing the object's metadata, storage class, website redirect location or encryption attributes.",
    );
  }
  if (original.size > limits.maxObjectBytes) {
    throw new InvalidRequest(`The specified copy source is larger than the maximum allowable size for a copy source: ${limits.maxObjectBytes}`);
  }
  const attributes: ObjectAttributes = replace ? readObjectAttributes(headers) : original;
  const algorithm =
    requested !== undefined
      ? parseAlgorithm(requested, 'x-amz-checksum-algorithm')
      : original.checksum?.type === 'FULL_OBJECT'
        ? original.checksum.algorithm
        : 'CRC64NVME';
  const copy = await copyBytes(context, source.bucket, source.key, key, algorithm);
  await store.putObject(bucket.name, { ...copy, headers: attributes.headers, userMetadata: attributes.userMetadata });
  return xmlResponse(
    'CopyObjectResult',
    {
      ETag: copy.etag,
      LastModified: isoTimestamp(copy.lastModified),
      ChecksumType: copy.checksum?.type,
      [checksumXmlField(algorithm)]: copy.checksum?.value,
    },
    SERVER_SIDE_ENCRYPTION,
  );
}

function readDirective(value: string | undefined): 'COPY' | 'REPLACE' {
  const directive = (value ?? 'COPY').trim().toUpperCase();
  if (directive !== 'COPY' && directive !== 'REPLACE') {
    throw new InvalidArgument('Unknown metadata directive.', 'x-amz-metadata-directive', value ?? '');
  }
  return directive;
}

async function copyBytes(context: OperationContext, sourceBucket: string, sourceKey: string, key: string, algorithm: ChecksumAlgorithm): Promise<ObjectRecord> {
  const { store, limits } = context;
  const opened = await openObject(store, sourceBucket, sourceKey, () => undefined);
  const tap = new DigestTap({ algorithms: [algorithm], maxBytes: limits.maxObjectBytes });
  const blobId = await store.blobs.write(pipeline(opened.body, tap, () => undefined));
  const digests = tap.digests();
  return {
    key,
    blobId,
    size: tap.size,
    etag: `"${digests.md5.toString('hex')}"`,
    lastModified: nowSeconds(),
    headers: {},
    userMetadata: {},
    checksum: { algorithm, value: digests.checksums[algorithm] ?? '', type: 'FULL_OBJECT' },
  };
}
