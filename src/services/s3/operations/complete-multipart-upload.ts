// CompleteMultipartUpload (https://docs.aws.amazon.com/AmazonS3/latest/API/API_CompleteMultipartUpload.html):
// <CompleteMultipartUpload><Part><PartNumber/><ETag/>[<ChecksumCRC32/>…]</Part>…</CompleteMultipartUpload>.
// Parts must be listed in ascending order, exist with the given ETag, and all but the last be at least 5 MiB.
// An upload with a COMPOSITE checksum requires each part's checksum in the request.
import type { EdgeResponse } from '../../../server/edge';
import { receiveDocument } from '../body/receive-upload';
import { CHECKSUM_ALGORITHMS, checksumHeader, checksumXmlField, type ChecksumAlgorithm } from '../checksums/algorithms';
import { BadDigest, EntityTooSmall, InvalidPart, InvalidPartOrder, InvalidRequest, MalformedXML } from '../errors';
import { assembleUpload } from '../objects/assemble-upload';
import { SERVER_SIDE_ENCRYPTION } from '../objects/object-headers';
import { checkWritePreconditions } from '../objects/preconditions';
import { childElements, childText, parseXmlBody } from '../protocol/xml-reader';
import { xmlResponse } from '../protocol/responses';
import type { ObjectRecord, PartRecord, UploadRecord } from '../storage/types';
import { readPartNumber } from './part-number';
import { requireBucket, requireUpload } from './resources';
import type { OperationContext } from './types';

interface RequestedPart {
  readonly partNumber: number;
  readonly etag: string;
  readonly checksums: Partial<Record<ChecksumAlgorithm, string>>;
}

export async function completeMultipartUpload(context: OperationContext): Promise<EdgeResponse> {
  const bucket = requireBucket(context);
  const upload = requireUpload(context, bucket.name);
  // The x-amz-checksum-* headers of this request describe the whole object, not the XML body.
  const requested = readRequestedParts(await receiveDocument(context, false));
  const parts = matchParts(context, upload, requested);
  checkWritePreconditions(context.request.headers, upload.key, context.store.getObject(bucket.name, upload.key));
  const object = await assembleUpload(context.store, upload, parts);
  try {
    verifyObjectChecksum(context.request.headers, object);
  } catch (error) {
    await context.store.blobs.remove(object.blobId);
    throw error;
  }
  await context.store.putObject(bucket.name, object);
  await context.store.deleteUpload(upload.uploadId);
  const checksum = object.checksum;
  return xmlResponse(
    'CompleteMultipartUploadResult',
    {
      Location: `/${bucket.name}/${encodeURIComponent(object.key)}`,
      Bucket: bucket.name,
      Key: object.key,
      ETag: object.etag,
      ...(checksum ? { [checksumXmlField(checksum.algorithm)]: checksum.value, ChecksumType: checksum.type } : {}),
    },
    SERVER_SIDE_ENCRYPTION,
  );
}

function readRequestedParts(xml: string): RequestedPart[] {
  const parts = childElements(parseXmlBody(xml, 'CompleteMultipartUpload', ['Part']), 'Part');
  if (parts.length === 0) throw new MalformedXML('at least one <Part> is required');
  return parts.map((part) => {
    const checksums: Partial<Record<ChecksumAlgorithm, string>> = {};
    for (const algorithm of CHECKSUM_ALGORITHMS) {
      const value = childText(part, checksumXmlField(algorithm));
      if (value !== undefined) checksums[algorithm] = value.trim();
    }
    const etag = childText(part, 'ETag');
    if (etag === undefined) throw new MalformedXML('every <Part> needs an <ETag>');
    return { partNumber: readPartNumber(childText(part, 'PartNumber')?.trim() ?? null, 'PartNumber'), etag, checksums };
  });
}

function matchParts(context: OperationContext, upload: UploadRecord, requested: readonly RequestedPart[]): PartRecord[] {
  requested.forEach((wanted, index) => {
    if (index > 0 && wanted.partNumber <= requested[index - 1].partNumber) throw new InvalidPartOrder(upload.uploadId);
  });
  const stored = new Map(context.store.listParts(upload.uploadId).map((p) => [p.partNumber, p]));
  const parts = requested.map((wanted) => matchPart(upload, wanted, stored.get(wanted.partNumber)));
  parts.forEach((part, index) => {
    if (index < parts.length - 1 && part.size < context.limits.minPartBytes) {
      throw new EntityTooSmall({
        UploadId: upload.uploadId,
        PartNumber: String(part.partNumber),
        ETag: part.etag,
        ProposedSize: String(part.size),
        MinSizeAllowed: String(context.limits.minPartBytes),
      });
    }
  });
  return parts;
}

function matchPart(upload: UploadRecord, wanted: RequestedPart, part: PartRecord | undefined): PartRecord {
  const details = { UploadId: upload.uploadId, PartNumber: String(wanted.partNumber), ETag: wanted.etag };
  if (!part || part.etag.replace(/"/g, '') !== wanted.etag.trim().replace(/"/g, '')) throw new InvalidPart(details);
  for (const [algorithm, value] of Object.entries(wanted.checksums) as Array<[ChecksumAlgorithm, string]>) {
    if (part.checksums[algorithm] !== value) throw new InvalidPart(details);
  }
  const algorithm = upload.checksum?.algorithm;
  if (upload.checksum?.type === 'COMPOSITE' && algorithm && wanted.checksums[algorithm] === undefined) {
    throw new InvalidRequest(
      `The upload was created using a ${algorithm.toLowerCase()} checksum. The complete request must include the checksum for each part. It was missing for part ${wanted.partNumber} in the request.`,
    );
  }
  return part;
}

/** A whole-object checksum sent with the request must match what was assembled (a COMPOSITE value may omit "-N"). */
function verifyObjectChecksum(headers: Readonly<Record<string, string>>, object: ObjectRecord): void {
  const checksum = object.checksum;
  if (!checksum) return;
  const sent = headers[checksumHeader(checksum.algorithm)]?.trim();
  if (sent === undefined) return;
  const bare = (value: string) => value.replace(/-\d+$/, '');
  if (bare(sent) !== bare(checksum.value)) throw new BadDigest(checksum.algorithm, { [checksumHeader(checksum.algorithm)]: sent });
}
