// Conditional requests as S3 evaluates them
// (https://docs.aws.amazon.com/AmazonS3/latest/API/API_GetObject.html#API_GetObject_RequestSyntax):
// If-Match beats If-Unmodified-Since, If-None-Match beats If-Modified-Since; a failed match is 412, a "not modified"
// on GET/HEAD is 304. CopyObject's x-amz-copy-source-if-* variants fail with 412 in every case.
import { NoSuchKey, PreconditionFailed } from '../errors';
import type { ObjectRecord } from '../storage/types';

export type PreconditionOutcome = 'proceed' | 'not-modified';

function etagMatches(header: string, etag: string): boolean {
  const bare = etag.replace(/"/g, '');
  return header.split(',').some((item) => {
    const candidate = item.trim().replace(/^W\//, '').replace(/"/g, '');
    return candidate === '*' || candidate === bare;
  });
}

/** True when the object changed after the header's date; undefined when the date does not parse (then ignored). */
function modifiedSince(header: string, object: ObjectRecord): boolean | undefined {
  const since = Date.parse(header);
  return Number.isNaN(since) ? undefined : Date.parse(object.lastModified) > since;
}

export function evaluatePreconditions(headers: Readonly<Record<string, string>>, object: ObjectRecord, prefix = ''): PreconditionOutcome {
  const ifMatch = headers[`${prefix}if-match`];
  const ifNoneMatch = headers[`${prefix}if-none-match`];
  const ifModifiedSince = headers[`${prefix}if-modified-since`];
  const ifUnmodifiedSince = headers[`${prefix}if-unmodified-since`];
  const notModified = (condition: string): PreconditionOutcome => {
    if (prefix) throw new PreconditionFailed(condition);
    return 'not-modified';
  };
  if (ifMatch !== undefined) {
    if (!etagMatches(ifMatch, object.etag)) throw new PreconditionFailed(`${prefix}If-Match`);
  } else if (ifUnmodifiedSince !== undefined && modifiedSince(ifUnmodifiedSince, object) === true) {
    throw new PreconditionFailed(`${prefix}If-Unmodified-Since`);
  }
  if (ifNoneMatch !== undefined) {
    if (etagMatches(ifNoneMatch, object.etag)) return notModified(`${prefix}If-None-Match`);
  } else if (ifModifiedSince !== undefined && modifiedSince(ifModifiedSince, object) === false) {
    return notModified(`${prefix}If-Modified-Since`);
  }
  return 'proceed';
}

/**
 * PutObject / CompleteMultipartUpload conditional writes: If-None-Match: * fails when the key exists; If-Match fails
 * with 404 NoSuchKey when it does not, and with 412 when the ETag differs.
 */
export function checkWritePreconditions(headers: Readonly<Record<string, string>>, key: string, existing: ObjectRecord | undefined): void {
  const ifNoneMatch = headers['if-none-match'];
  if (ifNoneMatch !== undefined && existing && ifNoneMatch.trim() === '*') throw new PreconditionFailed('If-None-Match');
  const ifMatch = headers['if-match'];
  if (ifMatch === undefined) return;
  if (!existing) throw new NoSuchKey(key);
  if (!etagMatches(ifMatch, existing.etag)) throw new PreconditionFailed('If-Match');
}
