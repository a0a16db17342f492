// GetBucketLocation (https://docs.aws.amazon.com/AmazonS3/latest/API/API_GetBucketLocation.html): the constraint
// the bucket was created with; us-east-1 buckets report an empty element.
import type { EdgeResponse } from '../../../server/edge';
import { xmlResponse } from '../protocol/responses';
import { requireBucket } from './resources';
import type { OperationContext } from './types';

export async function getBucketLocation(context: OperationContext): Promise<EdgeResponse> {
  const bucket = requireBucket(context);
  return xmlResponse('LocationConstraint', bucket.region === 'us-east-1' ? '' : bucket.region);
}
