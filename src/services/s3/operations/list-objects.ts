// ListObjects, version 1 (https://docs.aws.amazon.com/AmazonS3/latest/API/API_ListObjects.html): pages by Marker;
// NextMarker is only returned when a delimiter is used (clients otherwise continue from the last Key).
import type { EdgeResponse } from '../../../server/edge';
import { keyEncoder, readListParameters } from '../listing/list-parameters';
import { listPage } from '../listing/list-page';
import { objectEntry } from '../listing/object-entry';
import { xmlResponse } from '../protocol/responses';
import { requireBucket } from './resources';
import type { OperationContext } from './types';

export async function listObjects(context: OperationContext): Promise<EdgeResponse> {
  const bucket = requireBucket(context);
  const parameters = readListParameters(context.request.query);
  const marker = context.request.query.get('marker') ?? '';
  const page = listPage(context.store.listObjects(bucket.name), {
    ...parameters,
    after: marker === '' ? undefined : marker,
    // A marker equal to a common prefix continues after everything under it.
    skipPrefix: parameters.delimiter && marker.endsWith(parameters.delimiter) ? marker : undefined,
  });
  const encode = keyEncoder(parameters);
  return xmlResponse('ListBucketResult', {
    Name: bucket.name,
    Prefix: encode(parameters.prefix),
    Marker: encode(marker),
    NextMarker: page.isTruncated && parameters.delimiter ? encode(page.last?.value) : undefined,
    MaxKeys: parameters.maxKeys,
    Delimiter: encode(parameters.delimiter),
    EncodingType: parameters.encodingType,
    IsTruncated: page.isTruncated,
    Contents: page.contents.map((object) => objectEntry(object, (k) => encode(k), true)),
    CommonPrefixes: page.commonPrefixes.map((prefix) => ({ Prefix: encode(prefix) })),
  });
}
