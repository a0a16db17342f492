// ListBuckets (https://docs.aws.amazon.com/AmazonS3/latest/API/API_ListBuckets.html), with its optional prefix,
// bucket-region, max-buckets and continuation-token parameters (the token is the last name returned).
import type { EdgeResponse } from '../../../server/edge';
import { InvalidArgument } from '../errors';
import { compareKeys } from '../listing/key-order';
import { isoTimestamp, OWNER, xmlResponse } from '../protocol/responses';
import type { OperationContext } from './types';

export async function listBuckets(context: OperationContext): Promise<EdgeResponse> {
  const { query } = context.request;
  const prefix = query.get('prefix') ?? undefined;
  const region = query.get('bucket-region') ?? undefined;
  const after = query.get('continuation-token') ?? undefined;
  const max = readMaxBuckets(query.get('max-buckets'));
  const matching = context.store
    .listBuckets()
    .filter(
      (b) =>
        (prefix === undefined || b.name.startsWith(prefix)) &&
        (region === undefined || b.region === region) &&
        (after === undefined || compareKeys(b.name, after) > 0),
    );
  const page = matching.slice(0, max ?? matching.length);
  const truncated = page.length < matching.length;
  return xmlResponse('ListAllMyBucketsResult', {
    Owner: OWNER,
    Buckets: { Bucket: page.map((b) => ({ Name: b.name, CreationDate: isoTimestamp(b.creationDate), BucketRegion: b.region })) },
    ContinuationToken: truncated ? page[page.length - 1].name : undefined,
    Prefix: prefix,
  });
}

function readMaxBuckets(raw: string | null): number | undefined {
  if (raw === null) return undefined;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1 || value > 10000) {
    throw new InvalidArgument('Argument max-buckets must be an integer between 1 and 10000.', 'max-buckets', raw);
  }
  return value;
}
