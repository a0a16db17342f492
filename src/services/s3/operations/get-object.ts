// GetObject (https://docs.aws.amazon.com/AmazonS3/latest/API/API_GetObject.html): streams the blob, honouring
// conditional headers, a single Range (206 + Content-Range) and response-* overrides. The stored checksum is returned
// only for whole-object reads with x-amz-checksum-mode: ENABLED, as S3 does; the SDK then validates it.
import type { EdgeResponse } from '../../../server/edge';
import { NotImplemented } from '../errors';
import { applyResponseOverrides, objectHeaders, wantsChecksum } from '../objects/object-headers';
import { evaluatePreconditions } from '../objects/preconditions';
import { contentRange, parseRange } from '../objects/range';
import { openObject, rejectVersionId, requireBucket, requireObject } from './resources';
import type { OperationContext } from './types';

export async function getObject(context: OperationContext): Promise<EdgeResponse> {
  const { headers, query } = context.request;
  const bucket = requireBucket(context);
  rejectVersionId(query);
  if (query.has('partNumber')) throw new NotImplemented('GetObject with partNumber');
  const current = requireObject(context, bucket.name);
  if (evaluatePreconditions(headers, current) === 'not-modified') {
    return { status: 304, headers: { etag: current.etag, 'last-modified': objectHeaders(current, false)['last-modified'] } };
  }
  const opened = await openObject(context.store, bucket.name, current.key, (o) => parseRange(headers.range, o.size));
  const { object, range } = opened;
  const responseHeaders = applyResponseOverrides(objectHeaders(object, range === undefined && wantsChecksum(headers)), query);
  if (range === undefined) {
    return { status: 200, headers: { ...responseHeaders, 'content-length': String(object.size) }, body: opened.body };
  }
  return {
    status: 206,
    headers: { ...responseHeaders, 'content-length': String(range.end - range.start + 1), 'content-range': contentRange(range, object.size) },
    body: opened.body,
  };
}
