// Which request headers become part of a stored object, and which headers GetObject/HeadObject return. S3 stores the
// representation headers and x-amz-meta-* verbatim, defaults Content-Type to binary/octet-stream, and limits user
// metadata to 2 KB (https://docs.aws.amazon.com/AmazonS3/latest/userguide/UsingMetadata.html).
import { storedContentEncoding } from '../body/aws-chunked-decoder';
import { checksumHeader } from '../checksums/algorithms';
import { MetadataTooLarge } from '../errors';
import { httpDate } from '../protocol/responses';
import type { ObjectAttributes, ObjectRecord, StoredChecksum } from '../storage/types';

const REPRESENTATION_HEADERS = ['content-type', 'cache-control', 'content-disposition', 'content-encoding', 'content-language', 'expires'];
const META_PREFIX = 'x-amz-meta-';
const MAX_METADATA_BYTES = 2048;
const DEFAULT_CONTENT_TYPE = 'binary/octet-stream';
/**
 * S3 encrypts every new object with SSE-S3 since 2023-01 and says so on each object response
 * (https://docs.aws.amazon.com/AmazonS3/latest/userguide/default-encryption-faq.html); bytes are not encrypted here.
 */
export const SERVER_SIDE_ENCRYPTION: Readonly<Record<string, string>> = { 'x-amz-server-side-encryption': 'AES256' };

export function readObjectAttributes(headers: Readonly<Record<string, string>>): ObjectAttributes {
  const stored: Record<string, string> = {};
  for (const name of REPRESENTATION_HEADERS) {
    const value = name === 'content-encoding' ? storedContentEncoding(headers[name]) : headers[name];
    if (value !== undefined) stored[name] = value;
  }
  stored['content-type'] ||= DEFAULT_CONTENT_TYPE;
  const userMetadata: Record<string, string> = {};
  let metadataBytes = 0;
  for (const [name, value] of Object.entries(headers)) {
    if (!name.startsWith(META_PREFIX)) continue;
    const field = name.slice(META_PREFIX.length);
    userMetadata[field] = value;
    metadataBytes += Buffer.byteLength(field) + Buffer.byteLength(value);
  }
  if (metadataBytes > MAX_METADATA_BYTES) throw new MetadataTooLarge(metadataBytes);
  return { headers: stored, userMetadata };
}

export function checksumHeaders(checksum: StoredChecksum | undefined): Record<string, string> {
  if (!checksum) return {};
  return { [checksumHeader(checksum.algorithm)]: checksum.value, 'x-amz-checksum-type': checksum.type };
}

/** Headers describing `object` on GetObject/HeadObject; checksums only when the client sent x-amz-checksum-mode. */
export function objectHeaders(object: ObjectRecord, includeChecksum: boolean): Record<string, string> {
  const headers: Record<string, string> = {
    ...object.headers,
    etag: object.etag,
    'last-modified': httpDate(object.lastModified),
    'accept-ranges': 'bytes',
    ...SERVER_SIDE_ENCRYPTION,
  };
  for (const [name, value] of Object.entries(object.userMetadata)) headers[META_PREFIX + name] = value;
  if (object.partsCount !== undefined) headers['x-amz-mp-parts-count'] = String(object.partsCount);
  return includeChecksum ? { ...headers, ...checksumHeaders(object.checksum) } : headers;
}

// GetObject's response-* query parameters override the stored headers for one response.
const OVERRIDES: Readonly<Record<string, string>> = {
  'response-content-type': 'content-type',
  'response-content-language': 'content-language',
  'response-expires': 'expires',
  'response-cache-control': 'cache-control',
  'response-content-disposition': 'content-disposition',
  'response-content-encoding': 'content-encoding',
};

export function applyResponseOverrides(headers: Record<string, string>, query: URLSearchParams): Record<string, string> {
  const result = { ...headers };
  for (const [parameter, header] of Object.entries(OVERRIDES)) {
    const value = query.get(parameter);
    if (value !== null) result[header] = value;
  }
  return result;
}

export function wantsChecksum(headers: Readonly<Record<string, string>>): boolean {
  return headers['x-amz-checksum-mode']?.toUpperCase() === 'ENABLED';
}
