// API errors (the "ServiceError" world): what an operation throws when a request is wrong. Each
// protocol serializer turns one into its wire shape; no operation writes an error body itself.
export type Fault = 'client' | 'server';

export class ServiceError extends Error {
  constructor(
    /** AWS error code, e.g. "InvalidArn", "NoSuchKey", "ResourceNotFoundException". */
    readonly code: string,
    message: string,
    readonly statusCode = 400,
    readonly fault: Fault = statusCode >= 500 ? 'server' : 'client',
    /** Extra protocol fields (S3 puts e.g. BucketName or Key into its <Error> document). */
    readonly details: Readonly<Record<string, string>> = {},
  ) {
    super(message);
    this.name = code;
  }
}

/** Raised when a request body exceeds what the endpoint accepts for that protocol. */
export class RequestTooLargeError extends ServiceError {
  constructor(limitBytes: number, code = 'RequestEntityTooLarge') {
    super(code, `Request body exceeds the endpoint limit of ${limitBytes} bytes`, 413);
  }
}

/** Anything thrown that is not a ServiceError is the sandbox's bug: the protocol's generic 500 (`code`), never a crash. */
export function asServiceError(err: unknown, code: string): ServiceError {
  if (err instanceof ServiceError) return err;
  const message = err instanceof Error ? err.message : String(err);
  return new ServiceError(code, `Internal error in the sandbox endpoint: ${message}`, 500);
}
