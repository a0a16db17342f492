// AbortMultipartUpload (https://docs.aws.amazon.com/AmazonS3/latest/API/API_AbortMultipartUpload.html): discards the
// upload and its parts; 204.
import type { EdgeResponse } from '../../../server/edge';
import { requireBucket, requireUpload } from './resources';
import type { OperationContext } from './types';

export async function abortMultipartUpload(context: OperationContext): Promise<EdgeResponse> {
  const bucket = requireBucket(context);
  const upload = requireUpload(context, bucket.name);
  await context.store.deleteUpload(upload.uploadId);
  return { status: 204, headers: {} };
}
