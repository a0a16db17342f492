// REST-XML (S3): the one place its errors are written, for the S3 service and for errors the edge raises
// before or around it. S3's error document is <Error><Code/><Message/>[details]<RequestId/><HostId/></Error>
// with the error's status; HEAD responses carry no body, so clients only see the status there (the SDK then
// names the error "NotFound" for 404). https://docs.aws.amazon.com/AmazonS3/latest/API/ErrorResponses.html
import { randomBytes } from 'node:crypto';
import type { EdgeResponse } from '../edge';
import { asServiceError } from '../service-error';

/** S3 tags every response with x-amz-request-id and x-amz-id-2 (the "extended request id", $metadata.extendedRequestId in SDK errors). */
export interface RequestIds {
  /** 16 upper-case hex characters. */
  readonly requestId: string;
  /** Base64, also the error document's HostId. */
  readonly hostId: string;
}

export function newRequestIds(): RequestIds {
  return { requestId: randomBytes(8).toString('hex').toUpperCase(), hostId: randomBytes(48).toString('base64') };
}

export function requestIdHeaders(ids: RequestIds): Record<string, string> {
  return { 'x-amz-request-id': ids.requestId, 'x-amz-id-2': ids.hostId };
}

/**
 * Text as XML character data. Control characters are written as character references, so keys containing \r
 * survive XML end-of-line normalization in the client's parser (S3 does the same).
 */
export function escapeXml(text: string): string {
  return text.replace(/[&<>\u0000-\u0008\u000b-\u001f\r\ufffe\uffff]/g, (c) => {
    if (c === '&') return '&amp;';
    if (c === '<') return '&lt;';
    if (c === '>') return '&gt;';
    return `&#x${c.charCodeAt(0).toString(16).toUpperCase()};`;
  });
}

/** Anything thrown that is not a ServiceError is the sandbox's bug and answers the protocol's generic 500, InternalError. */
export function serializeRestXmlError(thrown: unknown, ids: RequestIds, method: string): EdgeResponse {
  const err = asServiceError(thrown, 'InternalError');
  const headers = requestIdHeaders(ids);
  if (method.toUpperCase() === 'HEAD') return { status: err.statusCode, headers };
  const fields = { Code: err.code, Message: err.message, ...err.details, RequestId: ids.requestId, HostId: ids.hostId };
  const inner = Object.entries(fields)
    .map(([name, value]) => `<${name}>${escapeXml(value)}</${name}>`)
    .join('');
  const body = `<?xml version="1.0" encoding="UTF-8"?>\n<Error>${inner}</Error>`;
  return { status: err.statusCode, headers: { ...headers, 'content-type': 'application/xml' }, body };
}
