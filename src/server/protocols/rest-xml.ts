// REST-XML (S3) error documents for errors raised by the edge itself, before or around the S3 service
// (which writes its own). Same shape as S3: <Error><Code/><Message/><RequestId/></Error>; HEAD gets no body.
import type { EdgeResponse } from '../edge';
import type { ServiceError } from '../service-error';

export function serializeRestXmlError(err: ServiceError, requestId: string, method: string): EdgeResponse {
  const headers = { 'x-amz-request-id': requestId };
  if (method.toUpperCase() === 'HEAD') return { status: err.statusCode, headers };
  const fields = { Code: err.code, Message: err.message, ...err.details, RequestId: requestId };
  const inner = Object.entries(fields)
    .map(([name, value]) => `<${name}>${escapeXml(value)}</${name}>`)
    .join('');
  const body = `<?xml version="1.0" encoding="UTF-8"?>\n<Error>${inner}</Error>`;
  return { status: err.statusCode, headers: { ...headers, 'content-type': 'application/xml' }, body };
}

export function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
