// The flexible-checksum algorithms this endpoint computes. Each travels as `x-amz-checksum-<alg>` (base64 of the
// big-endian digest) and appears in XML as `Checksum<ALG>`. S3's XXHASH* family is refused as NotImplemented.
import type { ChecksumAlgorithm as SdkChecksumAlgorithm } from '@aws-sdk/client-s3';
import { createHash } from 'node:crypto';
import { NotImplemented, InvalidRequest } from '../errors';
import { createCrc32, createCrc32c, createCrc64Nvme, type Hasher } from './crc';

export type ChecksumAlgorithm = Extract<SdkChecksumAlgorithm, 'CRC32' | 'CRC32C' | 'CRC64NVME' | 'SHA1' | 'SHA256' | 'SHA512' | 'MD5'>;
export type { ChecksumType } from '@aws-sdk/client-s3';

interface AlgorithmSpec {
  readonly digestBytes: number;
  readonly create: () => Hasher;
  /** Only CRCs can be combined into a whole-object value, so only they may use ChecksumType FULL_OBJECT. */
  readonly fullObjectCapable: boolean;
}

const nodeHash = (name: string) => (): Hasher => {
  const hash = createHash(name);
  return { update: (data) => void hash.update(data), digest: () => hash.digest() };
};

const SPECS: Record<ChecksumAlgorithm, AlgorithmSpec> = {
  CRC32: { digestBytes: 4, create: createCrc32, fullObjectCapable: true },
  CRC32C: { digestBytes: 4, create: createCrc32c, fullObjectCapable: true },
  CRC64NVME: { digestBytes: 8, create: createCrc64Nvme, fullObjectCapable: true },
  SHA1: { digestBytes: 20, create: nodeHash('sha1'), fullObjectCapable: false },
  SHA256: { digestBytes: 32, create: nodeHash('sha256'), fullObjectCapable: false },
  SHA512: { digestBytes: 64, create: nodeHash('sha512'), fullObjectCapable: false },
  MD5: { digestBytes: 16, create: nodeHash('md5'), fullObjectCapable: false },
};

export const CHECKSUM_ALGORITHMS = Object.keys(SPECS) as ChecksumAlgorithm[];
const UNSUPPORTED = ['XXHASH64', 'XXHASH3', 'XXHASH128'];

export const checksumHeader = (algorithm: ChecksumAlgorithm): string => `x-amz-checksum-${algorithm.toLowerCase()}`;
export const checksumXmlField = (algorithm: ChecksumAlgorithm): `Checksum${ChecksumAlgorithm}` => `Checksum${algorithm}`;
export const createHasher = (algorithm: ChecksumAlgorithm): Hasher => SPECS[algorithm].create();
export const supportsFullObject = (algorithm: ChecksumAlgorithm): boolean => SPECS[algorithm].fullObjectCapable;

function isChecksumAlgorithm(value: string): value is ChecksumAlgorithm {
  return Object.prototype.hasOwnProperty.call(SPECS, value);
}

/** Reads an algorithm name from a header such as x-amz-sdk-checksum-algorithm (S3 accepts any letter case). */
export function parseAlgorithm(value: string, source: string): ChecksumAlgorithm {
  const upper = value.trim().toUpperCase();
  if (isChecksumAlgorithm(upper)) return upper;
  if (UNSUPPORTED.includes(upper)) throw new NotImplemented(`${upper} checksum`);
  throw new InvalidRequest(`Value for ${source} header is invalid.`, { [source]: value });
}

/** The header's algorithm, when `name` is one of the x-amz-checksum-<alg> value headers. */
export function algorithmOfHeader(name: string): ChecksumAlgorithm | undefined {
  const match = /^x-amz-checksum-([a-z0-9]+)$/.exec(name.toLowerCase());
  if (!match || match[1] === 'mode' || match[1] === 'type' || match[1] === 'algorithm') return undefined;
  return parseAlgorithm(match[1], name);
}

/** A well-formed value is canonical base64 of exactly the digest length (S3: "Value for x-amz-checksum-… is invalid."). */
export function assertChecksumValue(algorithm: ChecksumAlgorithm, value: string, source: string): void {
  const raw = Buffer.from(value, 'base64');
  if (raw.length !== SPECS[algorithm].digestBytes || raw.toString('base64') !== value) {
    throw new InvalidRequest(`Value for ${source} header is invalid.`, { [source]: value });
  }
}

export function digestBase64(algorithm: ChecksumAlgorithm, data: Uint8Array): string {
  const hasher = createHasher(algorithm);
  hasher.update(data);
  return hasher.digest().toString('base64');
}
