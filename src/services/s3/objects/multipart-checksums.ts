// Checksums of multipart uploads (https://docs.aws.amazon.com/AmazonS3/latest/userguide/checking-object-integrity.html):
// COMPOSITE = checksum of the concatenated binary part checksums, suffixed "-<parts>"; FULL_OBJECT = checksum of the
// whole byte stream, only for CRC algorithms. CRC64NVME is FULL_OBJECT only; the others default to COMPOSITE.
import { createHasher, parseAlgorithm, supportsFullObject, type ChecksumAlgorithm, type ChecksumType } from '../checksums/algorithms';
import { InvalidRequest } from '../errors';
import type { PartRecord, UploadRecord } from '../storage/types';

export function readUploadChecksum(headers: Readonly<Record<string, string>>): UploadRecord['checksum'] {
  const rawAlgorithm = headers['x-amz-checksum-algorithm'];
  const rawType = headers['x-amz-checksum-type']?.trim().toUpperCase();
  if (rawAlgorithm === undefined) {
    if (rawType !== undefined) {
      throw new InvalidRequest('The x-amz-checksum-type header can only be used with the x-amz-checksum-algorithm header.');
    }
    return undefined;
  }
  const algorithm = parseAlgorithm(rawAlgorithm, 'x-amz-checksum-algorithm');
  if (rawType !== undefined && rawType !== 'FULL_OBJECT' && rawType !== 'COMPOSITE') {
    throw new InvalidRequest('Value for x-amz-checksum-type header is invalid.', { 'x-amz-checksum-type': rawType });
  }
  const type: ChecksumType = rawType ?? (algorithm === 'CRC64NVME' ? 'FULL_OBJECT' : 'COMPOSITE');
  if (type === 'FULL_OBJECT' && !supportsFullObject(algorithm)) {
    throw new InvalidRequest(`The FULL_OBJECT checksum type cannot be used with the ${algorithm.toLowerCase()} checksum algorithm.`);
  }
  if (type === 'COMPOSITE' && algorithm === 'CRC64NVME') {
    throw new InvalidRequest('The COMPOSITE checksum type cannot be used with the crc64nvme checksum algorithm.');
  }
  return { algorithm, type };
}

export function compositeChecksum(algorithm: ChecksumAlgorithm, parts: readonly PartRecord[]): string {
  const hasher = createHasher(algorithm);
  for (const part of parts) hasher.update(Buffer.from(part.checksums[algorithm] ?? '', 'base64'));
  return `${hasher.digest().toString('base64')}-${parts.length}`;
}

/** S3's multipart ETag: MD5 of the concatenated binary part MD5s, suffixed "-<parts>". */
export function multipartEtag(parts: readonly PartRecord[]): string {
  const hasher = createHasher('MD5');
  for (const part of parts) hasher.update(Buffer.from(part.etag.replace(/"/g, ''), 'hex'));
  return `"${hasher.digest().toString('hex')}-${parts.length}"`;
}
