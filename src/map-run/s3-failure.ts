// [UNCONFIRMED text] How an S3 failure reads in a Map Run's cause (ItemReaderFailed / ResultWriterFailed): the
// operation, bucket and key first, then S3's own error code, HTTP status and message.
import { S3ServiceException } from '@aws-sdk/client-s3';
import { StatesError } from '../engine';

export interface S3Location {
  readonly bucket: string;
  readonly key?: string;
}

/** Wraps `thrown` as `errorName`; StatesErrors and aborts pass through untouched. */
export function s3Failure(errorName: string, operation: string, where: S3Location, thrown: unknown): Error {
  if (thrown instanceof StatesError) return thrown;
  if (thrown instanceof Error && thrown.name === 'AbortError') return thrown;
  const target = where.key === undefined ? `bucket '${where.bucket}'` : `key '${where.key}' in bucket '${where.bucket}'`;
  return new StatesError(errorName, `S3 ${operation} failed for ${target}: ${describeS3Error(thrown)}`);
}

export function describeS3Error(thrown: unknown): string {
  if (thrown instanceof S3ServiceException) {
    const status = thrown.$metadata?.httpStatusCode;
    return `${thrown.name}${status ? ` (HTTP ${status})` : ''}: ${thrown.message}`;
  }
  if (thrown instanceof Error) return `${thrown.name}: ${thrown.message}`;
  return String(thrown);
}
