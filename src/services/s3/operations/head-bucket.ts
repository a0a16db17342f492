// HeadBucket (https://docs.aws.amazon.com/AmazonS3/latest/API/API_HeadBucket.html): 200 with the bucket's region,
// or a bodiless 404.
import type { EdgeResponse } from '../../../server/edge';
import { emptyResponse } from '../protocol/responses';
import { requireBucket } from './resources';
import type { OperationContext } from './types';

export async function headBucket(context: OperationContext): Promise<EdgeResponse> {
  const bucket = requireBucket(context);
  return emptyResponse(200, { 'x-amz-bucket-region': bucket.region, 'x-amz-access-point-alias': 'false' });
}
