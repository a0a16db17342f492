// The one place S3 errors become wire responses:
// <Error><Code/><Message/>[details]<RequestId/><HostId/></Error> with the error's status. HEAD responses carry no
// body, so clients only see the status there (the SDK then names the error "NotFound" for 404).
import type { EdgeResponse } from '../../../server/edge';
import { ServiceError } from '../../../server/service-error';
import { InternalError } from '../errors';
import { requestIdHeaders, type RequestIds } from './request-ids';
import { xmlDocument } from './xml-writer';

export function toServiceError(error: unknown): ServiceError {
  if (error instanceof ServiceError) return error;
  console.error('[s3] unexpected error', error);
  return new InternalError();
}

export function errorResponse(error: ServiceError, ids: RequestIds, method: string): EdgeResponse {
  const headers = requestIdHeaders(ids);
  if (method === 'HEAD') return { status: error.statusCode, headers };
  const body = xmlDocument('Error', {
    Code: error.code,
    Message: error.message,
    ...error.details,
    RequestId: ids.requestId,
    HostId: ids.hostId,
  }, false);
  return { status: error.statusCode, headers: { ...headers, 'content-type': 'application/xml' }, body };
}
