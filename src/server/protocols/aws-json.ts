// AWS JSON 1.0 (Step Functions; DynamoDB speaks it too): bodies are JSON, errors are HTTP 4xx/5xx with
// `{"__type": code, "message": text}` plus the `x-amzn-ErrorType` header; SDKs read the code from either.
import type { EdgeResponse } from '../edge';
import type { ServiceError } from '../service-error';

export const AWS_JSON_1_0 = 'application/x-amz-json-1.0';

export function awsJsonResponse(body: unknown, requestId: string, contentType = AWS_JSON_1_0): EdgeResponse {
  return {
    status: 200,
    headers: { 'content-type': contentType, 'x-amzn-RequestId': requestId },
    body: JSON.stringify(body ?? {}),
  };
}

/** Modeled extra members (e.g. ValidationException `reason`) travel next to `message`. */
export function serializeAwsJsonError(err: ServiceError, requestId: string, contentType = AWS_JSON_1_0): EdgeResponse {
  return {
    status: err.statusCode,
    headers: { 'content-type': contentType, 'x-amzn-RequestId': requestId, 'x-amzn-ErrorType': err.code },
    body: JSON.stringify({ ...err.details, __type: err.code, message: err.message }),
  };
}
