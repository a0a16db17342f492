// AWS JSON 1.0 (Step Functions; DynamoDB speaks it too): bodies are JSON, errors are HTTP 4xx/5xx with
// `{"__type": code, "message": text}` plus the `x-amzn-ErrorType` header; SDKs read the code from either.
// The one place awsJson errors are written: the Step Functions handler and the edge both call
// serializeAwsJsonError.
import type { EdgeResponse } from '../edge';
import { asServiceError, ServiceError } from '../service-error';

export const AWS_JSON_1_0 = 'application/x-amz-json-1.0';

/** awsJson1_0 answers an X-Amz-Target it does not serve with this (HTTP 400), as dynalite records. */
export class UnknownOperationException extends ServiceError {
  constructor(target: string, why: string) {
    super('UnknownOperationException', `Unknown operation '${target}': ${why}`);
  }
}

export function awsJsonResponse(body: unknown, requestId: string, contentType = AWS_JSON_1_0): EdgeResponse {
  return {
    status: 200,
    headers: { 'content-type': contentType, 'x-amzn-RequestId': requestId },
    body: JSON.stringify(body ?? {}),
  };
}

/**
 * Modeled extra members (e.g. ValidationException `reason`) travel next to `message`. Anything thrown that is
 * not a ServiceError is the sandbox's bug and answers the protocol's generic 500, InternalFailure.
 */
export function serializeAwsJsonError(thrown: unknown, requestId: string, contentType = AWS_JSON_1_0): EdgeResponse {
  const err = asServiceError(thrown, 'InternalFailure');
  return {
    status: err.statusCode,
    headers: { 'content-type': contentType, 'x-amzn-RequestId': requestId, 'x-amzn-ErrorType': err.code },
    body: JSON.stringify({ ...err.details, __type: err.code, message: err.message }),
  };
}
