// ListParts (https://docs.aws.amazon.com/AmazonS3/latest/API/API_ListParts.html), paged by part-number-marker and
// max-parts (default and maximum 1,000).
import type { EdgeResponse } from '../../../server/edge';
import { checksumXmlField } from '../checksums/algorithms';
import { InvalidArgument } from '../errors';
import { isoTimestamp, OWNER, xmlResponse } from '../protocol/responses';
import { requireBucket, requireUpload } from './resources';
import type { OperationContext } from './types';

export async function listParts(context: OperationContext): Promise<EdgeResponse> {
  const bucket = requireBucket(context);
  const upload = requireUpload(context, bucket.name);
  const { query } = context.request;
  const marker = readInteger(query.get('part-number-marker'), 'part-number-marker', 0);
  const maxParts = Math.min(readInteger(query.get('max-parts'), 'max-parts', 1000), 1000);
  const after = context.store.listParts(upload.uploadId).filter((p) => p.partNumber > marker);
  const page = after.slice(0, maxParts);
  const truncated = page.length < after.length;
  const algorithm = upload.checksum?.algorithm;
  return xmlResponse('ListPartsResult', {
    Bucket: bucket.name,
    Key: upload.key,
    UploadId: upload.uploadId,
    PartNumberMarker: marker,
    NextPartNumberMarker: page.length ? page[page.length - 1].partNumber : undefined,
    MaxParts: maxParts,
    IsTruncated: truncated,
    Part: page.map((part) => ({
      PartNumber: part.partNumber,
      LastModified: isoTimestamp(part.lastModified),
      ETag: part.etag,
      Size: part.size,
      ...(algorithm ? { [checksumXmlField(algorithm)]: part.checksums[algorithm] } : {}),
    })),
    Initiator: OWNER,
    Owner: OWNER,
    StorageClass: 'STANDARD',
    ChecksumAlgorithm: algorithm,
    ChecksumType: upload.checksum?.type,
  });
}

function readInteger(raw: string | null, name: string, fallback: number): number {
  if (raw === null) return fallback;
  const value = Number(raw);
  if (!/^\d+$/.test(raw) || !Number.isSafeInteger(value)) throw new InvalidArgument(`Provided ${name} not an integer or within integer range`, name, raw);
  return value;
}
