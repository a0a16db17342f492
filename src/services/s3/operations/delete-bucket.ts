// DeleteBucket (https://docs.aws.amazon.com/AmazonS3/latest/API/API_DeleteBucket.html): only an empty bucket;
// in-progress multipart uploads do not count and are discarded with it.
import type { EdgeResponse } from '../../../server/edge';
import { BucketNotEmpty } from '../errors';
import { requireBucket } from './resources';
import type { OperationContext } from './types';

export async function deleteBucket(context: OperationContext): Promise<EdgeResponse> {
  const bucket = requireBucket(context);
  if (context.store.listObjects(bucket.name).length > 0) throw new BucketNotEmpty(bucket.name);
  await context.store.deleteBucket(bucket.name);
  return { status: 204, headers: {} };
}
