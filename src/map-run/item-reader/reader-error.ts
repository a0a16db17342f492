// Every reader failure is States.ItemReaderFailed, reported as MapRunFailed → MapStateFailed (docs/aws-behaviour.md#distributed-map).
import { StatesError, StatesErrorName } from '../../engine';
import { s3Failure, type S3Location } from '../s3-failure';

export function itemReaderFailed(cause: string): StatesError {
  return new StatesError(StatesErrorName.ItemReaderFailed, cause);
}

/** An S3 failure (NoSuchKey, NoSuchBucket, AccessDenied, a dropped stream…) naming the bucket and key. */
export function s3ReadFailed(operation: string, where: S3Location, thrown: unknown): Error {
  return s3Failure(StatesErrorName.ItemReaderFailed, operation, where, thrown);
}
