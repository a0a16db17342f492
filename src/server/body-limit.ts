// Request-size limits of the JSON-protocol services, checked by the edge against Content-Length before a
// service sees the request (SDKs and the CLI always declare it for JSON bodies). Bodies without a declared
// length are bounded by the service itself while it reads (readBody). S3 bodies are streamed and bounded by
// the S3 service (5 GiB objects), so the edge does not limit them.
import type { EndpointService } from '../config/config';
import type { EdgeRequest } from './edge';
import { discardBody } from './read-body';
import { RequestTooLargeError } from './service-error';

const MIB = 1024 * 1024;

/** dynalite's own MAX_REQUEST_BYTES: the edge checks the declared length, the DynamoDB service the bytes it reads. */
export const DYNAMODB_REQUEST_LIMIT_BYTES = 16 * MIB;

const JSON_BODY_LIMITS: Readonly<Partial<Record<EndpointService, number>>> = {
  dynamodb: DYNAMODB_REQUEST_LIMIT_BYTES,
  // AWS's API request quota is 1 MB (docs/aws-behaviour.md#api-limits); the SFN service enforces exactly that, the edge only stops
  // what is clearly larger, so the service's own error (and its wording) wins near the limit.
  stepfunctions: MIB + 64 * 1024,
};

/** Throws RequestTooLargeError when the declared length is over the service's limit, draining the body. */
export function checkDeclaredLength(service: EndpointService, request: EdgeRequest): void {
  const limit = JSON_BODY_LIMITS[service];
  const declared = Number(request.headers['content-length'] ?? '0');
  if (limit === undefined || !(declared > limit)) return;
  discardBody(request.body);
  throw new RequestTooLargeError(limit);
}
