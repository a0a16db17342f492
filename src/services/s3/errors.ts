// S3's error catalog: one class per <Code>, with S3's own message wording and the extra fields S3 puts into its
// <Error> document (https://docs.aws.amazon.com/AmazonS3/latest/API/ErrorResponses.html#ErrorCodeList).
import { ServiceError } from '../../server/service-error';

type Details = Record<string, string>;

export class NoSuchBucket extends ServiceError {
  constructor(bucket: string) {
    super('NoSuchBucket', 'The specified bucket does not exist', 404, 'client', { BucketName: bucket });
  }
}

export class NoSuchKey extends ServiceError {
  constructor(key: string) {
    super('NoSuchKey', 'The specified key does not exist.', 404, 'client', { Key: key });
  }
}

export class NoSuchUpload extends ServiceError {
  constructor(uploadId: string) {
    const message = 'The specified upload does not exist. The upload ID may be invalid, or the upload may have been aborted or completed.';
    super('NoSuchUpload', message, 404, 'client', { UploadId: uploadId });
  }
}

export class BucketNotEmpty extends ServiceError {
  constructor(bucket: string) {
    super('BucketNotEmpty', 'The bucket you tried to delete is not empty', 409, 'client', { BucketName: bucket });
  }
}

export class BucketAlreadyOwnedByYou extends ServiceError {
  constructor(bucket: string) {
    const message = 'Your previous request to create the named bucket succeeded and you already own it.';
    super('BucketAlreadyOwnedByYou', message, 409, 'client', { BucketName: bucket });
  }
}

export class InvalidBucketName extends ServiceError {
  constructor(bucket: string) {
    super('InvalidBucketName', 'The specified bucket is not valid.', 400, 'client', { BucketName: bucket });
  }
}

export class InvalidPart extends ServiceError {
  constructor(details: Details) {
    const message =
      "One or more of the specified parts could not be found.  The part may not have been uploaded, or the specified entity tag may not match the part's entity tag.";
    super('InvalidPart', message, 400, 'client', details);
  }
}

export class InvalidPartOrder extends ServiceError {
  constructor(uploadId: string) {
    const message = 'The list of parts was not in ascending order. Parts must be ordered by part number.';
    super('InvalidPartOrder', message, 400, 'client', { UploadId: uploadId });
  }
}

export class EntityTooSmall extends ServiceError {
  constructor(details: Details) {
    super('EntityTooSmall', 'Your proposed upload is smaller than the minimum allowed object size.', 400, 'client', details);
  }
}

export class EntityTooLarge extends ServiceError {
  constructor(proposedSize: number | undefined, maxSize: number) {
    const details: Details = { MaxSizeAllowed: String(maxSize) };
    if (proposedSize !== undefined) details.ProposedSize = String(proposedSize);
    super('EntityTooLarge', 'Your proposed upload exceeds the maximum allowed size', 400, 'client', details);
  }
}

export class MethodNotAllowed extends ServiceError {
  constructor(method: string, resourceType: 'SERVICE' | 'BUCKET' | 'OBJECT') {
    const details = { Method: method, ResourceType: resourceType };
    super('MethodNotAllowed', 'The specified method is not allowed against this resource.', 405, 'client', details);
  }
}

export class NotImplemented extends ServiceError {
  constructor(operation: string) {
    super('NotImplemented', `The ${operation} operation is not implemented by this endpoint.`, 501, 'server', { Operation: operation });
  }
}

export class InvalidRange extends ServiceError {
  constructor(range: string, size: number) {
    const details = { RangeRequested: range, ActualObjectSize: String(size) };
    super('InvalidRange', 'The requested range is not satisfiable', 416, 'client', details);
  }
}

export class BadDigest extends ServiceError {
  constructor(what: string, details: Details = {}) {
    const message =
      what === 'Content-MD5'
        ? 'The Content-MD5 you specified did not match what we received.'
        : `The ${what} you specified did not match the calculated checksum.`;
    super('BadDigest', message, 400, 'client', details);
  }
}

export class InvalidDigest extends ServiceError {
  constructor(contentMd5: string) {
    super('InvalidDigest', 'The Content-MD5 you specified was invalid.', 400, 'client', { 'Content-MD5': contentMd5 });
  }
}

export class XAmzContentSHA256Mismatch extends ServiceError {
  constructor(client: string, computed: string) {
    const details = { ClientComputedContentSHA256: client, S3ComputedContentSHA256: computed };
    super('XAmzContentSHA256Mismatch', "The provided 'x-amz-content-sha256' header does not match what was computed.", 400, 'client', details);
  }
}

export class InvalidRequest extends ServiceError {
  constructor(message: string, details: Details = {}) {
    super('InvalidRequest', message, 400, 'client', details);
  }
}

export class InvalidArgument extends ServiceError {
  constructor(message: string, name: string, value: string) {
    super('InvalidArgument', message, 400, 'client', { ArgumentName: name, ArgumentValue: value });
  }
}

export class MalformedXML extends ServiceError {
  constructor(reason?: string) {
    const base = 'The XML you provided was not well-formed or did not validate against our published schema';
    super('MalformedXML', reason ? `${base} (${reason})` : base, 400);
  }
}

export class IncompleteBody extends ServiceError {
  constructor(reason = 'You did not provide the number of bytes specified by the Content-Length HTTP header') {
    super('IncompleteBody', reason, 400);
  }
}

export class MissingContentLength extends ServiceError {
  constructor() {
    super('MissingContentLength', 'You must provide the Content-Length HTTP header.', 411);
  }
}

export class KeyTooLongError extends ServiceError {
  constructor(size: number) {
    super('KeyTooLongError', 'Your key is too long', 400, 'client', { Size: String(size), MaxSizeAllowed: '1024' });
  }
}

export class InvalidURI extends ServiceError {
  constructor(uri: string) {
    super('InvalidURI', "Couldn't parse the specified URI.", 400, 'client', { URI: uri });
  }
}

export class PreconditionFailed extends ServiceError {
  constructor(condition: string) {
    super('PreconditionFailed', 'At least one of the pre-conditions you specified did not hold', 412, 'client', { Condition: condition });
  }
}

export class InvalidLocationConstraint extends ServiceError {
  constructor(constraint: string) {
    super('InvalidLocationConstraint', 'The specified location-constraint is not valid', 400, 'client', { LocationConstraint: constraint });
  }
}

export class IllegalLocationConstraintException extends ServiceError {
  constructor(constraint: string | undefined, requestRegion: string) {
    const message =
      constraint === undefined
        ? 'The unspecified location constraint is incompatible for the region specific endpoint this request was sent to.'
        : `The ${constraint} location constraint is incompatible for the region specific endpoint this request was sent to.`;
    super('IllegalLocationConstraintException', message, 400, 'client', { Region: requestRegion });
  }
}

export class MetadataTooLarge extends ServiceError {
  constructor(size: number) {
    const message = 'Your metadata headers exceed the maximum allowed metadata size.';
    super('MetadataTooLarge', message, 400, 'client', { Size: String(size), MaxSizeAllowed: '2048' });
  }
}

export class MaxMessageLengthExceeded extends ServiceError {
  constructor() {
    super('MaxMessageLengthExceeded', 'Your request was too big.', 400);
  }
}
