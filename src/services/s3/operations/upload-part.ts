// UploadPart (https://docs.aws.amazon.com/AmazonS3/latest/API/API_UploadPart.html): stores one part (re-uploading a
// number replaces it). When the upload names a checksum algorithm, a part must use that one (S3: "Checksum Type
// mismatch"), and it is computed even if the client sent none, so CompleteMultipartUpload can combine it.
import type { EdgeResponse } from '../../../server/edge';
import { receiveUpload } from '../body/receive-upload';
import { checksumHeader, type ChecksumAlgorithm } from '../checksums/algorithms';
import { readChecksumPlan } from '../checksums/request-checksums';
import { InvalidRequest } from '../errors';
import { SERVER_SIDE_ENCRYPTION } from '../objects/object-headers';
import { emptyResponse, nowSeconds } from '../protocol/responses';
import { readPartNumber } from './part-number';
import { requireBucket, requireUpload } from './resources';
import type { OperationContext } from './types';

export async function uploadPart(context: OperationContext): Promise<EdgeResponse> {
  const bucket = requireBucket(context);
  const upload = requireUpload(context, bucket.name);
  const partNumber = readPartNumber(context.request.query.get('partNumber'));
  const expected = upload.checksum?.algorithm;
  const sent = readChecksumPlan(context.request.headers).algorithm;
  if (expected && sent && sent !== expected) {
    throw new InvalidRequest(`Checksum Type mismatch occurred, expected checksum Type: ${expected.toLowerCase()}, actual checksum Type: ${sent.toLowerCase()}`);
  }
  const received = await receiveUpload(context, { extraAlgorithms: expected ? [expected] : [] });
  await context.store.putPart(upload.uploadId, {
    partNumber,
    blobId: received.blobId,
    size: received.size,
    etag: received.etag,
    lastModified: nowSeconds(),
    checksums: received.checksums,
  });
  const reported: ChecksumAlgorithm | undefined = expected ?? sent;
  const value = reported ? received.checksums[reported] : undefined;
  return emptyResponse(200, { etag: received.etag, ...(reported && value ? { [checksumHeader(reported)]: value } : {}), ...SERVER_SIDE_ENCRYPTION });
}
