// ListObjectsV2 (https://docs.aws.amazon.com/AmazonS3/latest/API/API_ListObjectsV2.html). A continuation token
// takes precedence over start-after; Owner is only listed with fetch-owner=true.
import type { EdgeResponse } from '../../../server/edge';
import { InvalidArgument } from '../errors';
import { decodeContinuationToken, encodeContinuationToken } from '../listing/continuation-token';
import { keyEncoder, readListParameters } from '../listing/list-parameters';
import { listPage } from '../listing/list-page';
import { objectEntry } from '../listing/object-entry';
import { xmlResponse } from '../protocol/responses';
import { requireBucket } from './resources';
import type { OperationContext } from './types';

export async function listObjectsV2(context: OperationContext): Promise<EdgeResponse> {
  const { query } = context.request;
  const listType = query.get('list-type');
  if (listType !== '2') throw new InvalidArgument('Invalid List Type specified in Request', 'list-type', listType ?? '');
  const bucket = requireBucket(context);
  const parameters = readListParameters(query);
  const token = query.get('continuation-token') ?? undefined;
  const startAfter = query.get('start-after') ?? undefined;
  const position = token === undefined ? undefined : decodeContinuationToken(token);
  const page = listPage(context.store.listObjects(bucket.name), {
    ...parameters,
    after: position?.value ?? startAfter,
    skipPrefix: position?.isPrefix ? position.value : undefined,
  });
  const encode = keyEncoder(parameters);
  const withOwner = query.get('fetch-owner') === 'true';
  return xmlResponse('ListBucketResult', {
    Name: bucket.name,
    Prefix: encode(parameters.prefix),
    Delimiter: encode(parameters.delimiter),
    MaxKeys: parameters.maxKeys,
    EncodingType: parameters.encodingType,
    KeyCount: page.contents.length + page.commonPrefixes.length,
    IsTruncated: page.isTruncated,
    ContinuationToken: token,
    NextContinuationToken: page.isTruncated && page.last ? encodeContinuationToken(page.last) : undefined,
    StartAfter: encode(startAfter),
    Contents: page.contents.map((object) => objectEntry(object, (k) => encode(k), withOwner)),
    CommonPrefixes: page.commonPrefixes.map((prefix) => ({ Prefix: encode(prefix) })),
  });
}
