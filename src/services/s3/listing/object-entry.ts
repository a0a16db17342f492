import { isoTimestamp, OWNER } from '../protocol/responses';
import type { XmlElement } from '../protocol/xml-writer';
import type { ObjectRecord } from '../storage/types';

/** One <Contents> entry of a listing. */
export function objectEntry(object: ObjectRecord, encodeKey: (value: string) => string | undefined, withOwner: boolean): XmlElement {
  return {
    Key: encodeKey(object.key),
    LastModified: isoTimestamp(object.lastModified),
    ETag: object.etag,
    ChecksumAlgorithm: object.checksum?.algorithm,
    ChecksumType: object.checksum?.type,
    Size: object.size,
    Owner: withOwner ? OWNER : undefined,
    StorageClass: 'STANDARD',
  };
}
