import type { EdgeResponse } from '../../../server/edge';
import { xmlDocument, type XmlElement } from './xml-writer';

export function xmlResponse(root: string, content: XmlElement | string, headers: Record<string, string> = {}): EdgeResponse {
  return { status: 200, headers: { 'content-type': 'application/xml', ...headers }, body: xmlDocument(root, content) };
}

export function emptyResponse(status: number, headers: Record<string, string> = {}): EdgeResponse {
  return { status, headers: { 'content-length': '0', ...headers } };
}

/** S3's XML timestamps: ISO-8601 with milliseconds. */
export const isoTimestamp = (iso: string): string => new Date(iso).toISOString();
/** HTTP dates (Last-Modified, Expires): RFC 7231 IMF-fixdate. */
export const httpDate = (iso: string): string => new Date(iso).toUTCString();
/** Now, truncated to whole seconds so Last-Modified and listings agree and If-Modified-Since compares exactly. */
export const nowSeconds = (): string => new Date(Math.floor(Date.now() / 1000) * 1000).toISOString();

/** The canonical owner every resource of this single-account endpoint reports (LocalStack's default). */
export const OWNER = {
  ID: '75aa57f09aa0c8caeab4f8c24e99d10f8e7faeebf76c078efc7c6caea54ba06a',
  DisplayName: 'webfile',
} as const;
