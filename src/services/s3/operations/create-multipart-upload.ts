// CreateMultipartUpload (https://docs.aws.amazon.com/AmazonS3/latest/API/API_CreateMultipartUpload.html): records
// the object's headers and metadata, and the checksum algorithm and type its parts and result will carry.
import { randomBytes } from 'node:crypto';
import type { EdgeResponse } from '../../../server/edge';
import { readUploadChecksum } from '../objects/multipart-checksums';
import { readObjectAttributes, SERVER_SIDE_ENCRYPTION } from '../objects/object-headers';
import { nowSeconds, xmlResponse } from '../protocol/responses';
import { requireBucket, requireKey } from './resources';
import type { OperationContext } from './types';

export async function createMultipartUpload(context: OperationContext): Promise<EdgeResponse> {
  const bucket = requireBucket(context);
  const key = requireKey(context);
  const { headers } = context.request;
  const checksum = readUploadChecksum(headers);
  const uploadId = randomBytes(32).toString('base64url');
  await context.store.createUpload({ ...readObjectAttributes(headers), uploadId, bucket: bucket.name, key, initiated: nowSeconds(), checksum });
  const checksumHeaders: Record<string, string> = checksum ? { 'x-amz-checksum-algorithm': checksum.algorithm, 'x-amz-checksum-type': checksum.type } : {};
  return xmlResponse('InitiateMultipartUploadResult', { Bucket: bucket.name, Key: key, UploadId: uploadId }, { ...checksumHeaders, ...SERVER_SIDE_ENCRYPTION });
}
