// PutObject (https://docs.aws.amazon.com/AmazonS3/latest/API/API_PutObject.html). The body streams to the blob store
// while it is digested; the client's flexible checksum is verified and stored. Without one, S3 (since 2024-12)
// attaches a CRC64NVME full-object checksum, and so do we.
import type { EdgeResponse } from '../../../server/edge';
import { receiveUpload } from '../body/receive-upload';
import { checksumHeaders, readObjectAttributes, SERVER_SIDE_ENCRYPTION } from '../objects/object-headers';
import { checkWritePreconditions } from '../objects/preconditions';
import { emptyResponse, nowSeconds } from '../protocol/responses';
import type { ObjectRecord } from '../storage/types';
import { requireBucket, requireKey } from './resources';
import type { OperationContext } from './types';

export async function putObject(context: OperationContext): Promise<EdgeResponse> {
  const bucket = requireBucket(context);
  const key = requireKey(context);
  const { headers } = context.request;
  const attributes = readObjectAttributes(headers);
  checkWritePreconditions(headers, key, context.store.getObject(bucket.name, key));
  const upload = await receiveUpload(context, { defaultAlgorithm: 'CRC64NVME' });
  const algorithm = upload.plan.algorithm ?? 'CRC64NVME';
  const object: ObjectRecord = {
    ...attributes,
    key,
    blobId: upload.blobId,
    size: upload.size,
    etag: upload.etag,
    lastModified: nowSeconds(),
    checksum: { algorithm, value: upload.checksums[algorithm] ?? '', type: 'FULL_OBJECT' },
  };
  await context.store.putObject(bucket.name, object);
  return emptyResponse(200, { etag: object.etag, ...checksumHeaders(object.checksum), ...SERVER_SIDE_ENCRYPTION });
}
