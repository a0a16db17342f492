// CreateBucket (https://docs.aws.amazon.com/AmazonS3/latest/API/API_CreateBucket.html): optional
// <CreateBucketConfiguration><LocationConstraint>; us-east-1 takes no constraint, other regions must name themselves.
import type { EdgeResponse } from '../../../server/edge';
import { receiveDocument } from '../body/receive-upload';
import { BucketAlreadyOwnedByYou, IllegalLocationConstraintException, InvalidBucketName, InvalidLocationConstraint } from '../errors';
import { childText, parseXmlBody } from '../protocol/xml-reader';
import { emptyResponse, nowSeconds } from '../protocol/responses';
import { isValidBucketName } from './bucket-name';
import type { OperationContext } from './types';

const US_EAST_1 = 'us-east-1';

export async function createBucket(context: OperationContext): Promise<EdgeResponse> {
  const name = context.request.bucket ?? '';
  if (!isValidBucketName(name)) throw new InvalidBucketName(name);
  const region = bucketRegion(context.request.region, await readLocationConstraint(context));
  const existing = context.store.getBucket(name);
  if (existing) {
    // AWS quirk kept on purpose: in us-east-1 re-creating a bucket you own succeeds (legacy behaviour, 200);
    // every other region answers 409 BucketAlreadyOwnedByYou.
    if (existing.region === US_EAST_1 && region === US_EAST_1) return emptyResponse(200, { location: `/${name}` });
    throw new BucketAlreadyOwnedByYou(name);
  }
  await context.store.createBucket({ name, region, creationDate: nowSeconds() });
  return emptyResponse(200, { location: `/${name}` });
}

async function readLocationConstraint(context: OperationContext): Promise<string | undefined> {
  const xml = await receiveDocument(context);
  if (xml.trim() === '') return undefined;
  const configuration = parseXmlBody(xml, 'CreateBucketConfiguration');
  return childText(configuration, 'LocationConstraint')?.trim() || undefined;
}

/** The global endpoint (us-east-1) may create buckets anywhere; a regional endpoint only in its own region. */
function bucketRegion(requestRegion: string, constraint: string | undefined): string {
  if (constraint === US_EAST_1) throw new InvalidLocationConstraint(constraint);
  if (constraint === undefined) {
    if (requestRegion !== US_EAST_1) throw new IllegalLocationConstraintException(undefined, requestRegion);
    return US_EAST_1;
  }
  if (requestRegion !== US_EAST_1 && constraint !== requestRegion) {
    throw new IllegalLocationConstraintException(constraint, requestRegion);
  }
  return constraint === 'EU' ? 'eu-west-1' : constraint;
}
