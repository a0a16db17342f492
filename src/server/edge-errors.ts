// Errors the edge raises itself (routing, limits, a handler that threw), and the one function that puts
// any of them on the wire in the protocol of the service the request was meant for.
import { randomUUID } from 'node:crypto';
import type { EndpointService } from '../config/config';
import type { EdgeRequest, EdgeResponse } from './edge';
import { serializeAwsJsonError } from './protocols/aws-json';
import { serializeRestXmlError } from './protocols/rest-xml';
import { ServiceError } from './service-error';

export type WireProtocol = 'aws-json' | 'rest-xml';

export const protocolOf = (service: EndpointService | undefined): WireProtocol => (service === 's3' ? 'rest-xml' : 'aws-json');

/** awsJson1_0 answers an X-Amz-Target it does not know with this (HTTP 400), as dynalite records. */
export class UnknownOperationException extends ServiceError {
  constructor(target: string, why: string) {
    super('UnknownOperationException', `Unknown operation '${target}': ${why}`);
  }
}

/** LocalStack's answer for a service left out of SERVICES: InternalFailure with HTTP 501. */
export class ServiceNotEnabledError extends ServiceError {
  constructor(service: string) {
    super('InternalFailure', `Service '${service}' is not enabled. Please check your 'SANDBOX_SERVICES' configuration variable.`, 501);
  }
}

export class UnsupportedServiceError extends ServiceError {
  constructor(signingName: string) {
    super(
      'InternalFailure',
      `Service '${signingName}' is not emulated by this endpoint (it serves s3, dynamodb and states); the request was signed for '${signingName}'.`,
      501,
    );
  }
}

export class EndpointClosedError extends ServiceError {
  constructor() {
    super('ServiceUnavailable', 'The sandbox endpoint has been closed', 503);
  }
}

/** Anything that is not a ServiceError is our bug: report it as the protocol's generic 500, never crash. */
export function asServiceError(err: unknown, protocol: WireProtocol): ServiceError {
  if (err instanceof ServiceError) return err;
  const message = err instanceof Error ? err.message : String(err);
  const code = protocol === 'rest-xml' ? 'InternalError' : 'InternalFailure';
  return new ServiceError(code, `Internal error in the sandbox endpoint: ${message}`, 500);
}

export function serializeEdgeError(err: unknown, protocol: WireProtocol, request: EdgeRequest): EdgeResponse {
  const error = asServiceError(err, protocol);
  const requestId = randomUUID();
  return protocol === 'rest-xml' ? serializeRestXmlError(error, requestId, request.method) : serializeAwsJsonError(error, requestId);
}
