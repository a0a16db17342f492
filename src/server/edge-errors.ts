// Errors the edge raises itself (routing, limits, a handler that threw), and the function that puts any of
// them on the wire through the writer of the protocol of the service the request was meant for
// (protocols/aws-json.ts, protocols/rest-xml.ts: the services write their errors with the same two).
import { randomUUID } from 'node:crypto';
import type { EndpointService } from '../config/config';
import type { EdgeRequest, EdgeResponse } from './edge';
import { serializeAwsJsonError } from './protocols/aws-json';
import { newRequestIds, serializeRestXmlError } from './protocols/rest-xml';
import { ServiceError } from './service-error';

export type WireProtocol = 'aws-json' | 'rest-xml';

export const protocolOf = (service: EndpointService | undefined): WireProtocol => (service === 's3' ? 'rest-xml' : 'aws-json');

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

export function serializeEdgeError(err: unknown, protocol: WireProtocol, request: EdgeRequest): EdgeResponse {
  return protocol === 'rest-xml' ? serializeRestXmlError(err, newRequestIds(), request.method) : serializeAwsJsonError(err, randomUUID());
}
