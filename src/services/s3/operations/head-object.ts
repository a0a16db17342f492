// HeadObject (https://docs.aws.amazon.com/AmazonS3/latest/API/API_HeadObject.html): GetObject's headers without a
// body; errors have no body either (the SDK reports a 404 as NotFound).
import type { EdgeResponse } from '../../../server/edge';
import { NotImplemented } from '../errors';
import { objectHeaders, wantsChecksum } from '../objects/object-headers';
import { evaluatePreconditions } from '../objects/preconditions';
import { contentRange, parseRange } from '../objects/range';
import { rejectVersionId, requireBucket, requireObject } from './resources';
import type { OperationContext } from './types';

export async function headObject(context: OperationContext): Promise<EdgeResponse> {
  const { headers, query } = context.request;
  const bucket = requireBucket(context);
  rejectVersionId(query);
  if (query.has('partNumber')) throw new NotImplemented('HeadObject with partNumber');
  const object = requireObject(context, bucket.name);
  const described = objectHeaders(object, wantsChecksum(headers) && headers.range === undefined);
  if (evaluatePreconditions(headers, object) === 'not-modified') {
    return { status: 304, headers: { etag: object.etag, 'last-modified': described['last-modified'] } };
  }
  const range = parseRange(headers.range, object.size);
  if (range === undefined) return { status: 200, headers: { ...described, 'content-length': String(object.size) } };
  return {
    status: 206,
    headers: { ...described, 'content-length': String(range.end - range.start + 1), 'content-range': contentRange(range, object.size) },
  };
}
