// DeleteObject (https://docs.aws.amazon.com/AmazonS3/latest/API/API_DeleteObject.html): 204 whether or not the key
// existed; only a missing bucket is an error.
import type { EdgeResponse } from '../../../server/edge';
import { rejectVersionId, requireBucket, requireKey } from './resources';
import type { OperationContext } from './types';

export async function deleteObject(context: OperationContext): Promise<EdgeResponse> {
  const bucket = requireBucket(context);
  rejectVersionId(context.request.query);
  await context.store.deleteObject(bucket.name, requireKey(context));
  return { status: 204, headers: {} };
}
