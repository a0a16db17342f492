// What a request says about the integrity of its body: Content-MD5, a SigV4 payload hash, and at most one flexible
// checksum, given as a header value, as a trailer of an aws-chunked body, or only as an algorithm for S3 to compute.
import { BadDigest, InvalidDigest, InvalidRequest, XAmzContentSHA256Mismatch } from '../errors';
import { algorithmOfHeader, assertChecksumValue, checksumHeader, parseAlgorithm, type ChecksumAlgorithm } from './algorithms';

export interface ChecksumPlan {
  /** The flexible checksum algorithm the client used or asked for. */
  readonly algorithm?: ChecksumAlgorithm;
  /** Its expected value, when sent as a header. */
  readonly expected?: string;
  /** The trailer header (e.g. x-amz-checksum-crc32) expected after the last aws-chunked chunk. */
  readonly trailer?: string;
  readonly contentMd5?: string;
  /** Hex SHA-256 of the payload from x-amz-content-sha256 (absent for UNSIGNED-PAYLOAD / STREAMING-*). */
  readonly contentSha256?: string;
}

/** Digests of the body as received, keyed like the plan. */
export interface ComputedDigests {
  readonly md5: Buffer;
  readonly sha256?: Buffer;
  readonly checksums: Partial<Record<ChecksumAlgorithm, string>>;
}

/**
 * `flexible: false` reads only Content-MD5 and the payload hash: on CompleteMultipartUpload the x-amz-checksum-*
 * headers describe the assembled object, not the XML body.
 */
export function readChecksumPlan(headers: Readonly<Record<string, string>>, flexible = true): ChecksumPlan {
  if (!flexible) return { contentMd5: readContentMd5(headers), contentSha256: readPayloadHash(headers) };
  const valueHeaders = Object.keys(headers).filter((name) => algorithmOfHeader(name) !== undefined);
  if (valueHeaders.length > 1) {
    throw new InvalidRequest('Expecting a single x-amz-checksum- header. Multiple checksum Types are not allowed.');
  }
  const trailer = headers['x-amz-trailer']?.trim().toLowerCase() || undefined;
  const fromValue = valueHeaders.length === 1 ? algorithmOfHeader(valueHeaders[0]) : undefined;
  const fromTrailer = trailer === undefined ? undefined : algorithmOfHeader(trailer);
  if (trailer !== undefined && fromTrailer === undefined) {
    throw new InvalidRequest('The value specified in the x-amz-trailer header is not supported', { 'x-amz-trailer': trailer });
  }
  const declaredName = headers['x-amz-sdk-checksum-algorithm'] !== undefined ? 'x-amz-sdk-checksum-algorithm' : 'x-amz-checksum-algorithm';
  const declaredValue = headers[declaredName];
  const declared = declaredValue === undefined ? undefined : parseAlgorithm(declaredValue, declaredName);
  const sent = fromValue ?? fromTrailer;
  if (declared && sent && declared !== sent) {
    throw new InvalidRequest(`Value for ${declaredName} header is invalid.`, { [declaredName]: declaredValue ?? '' });
  }
  const algorithm = sent ?? declared;
  const expected = fromValue ? headers[valueHeaders[0]].trim() : undefined;
  if (algorithm && expected !== undefined) assertChecksumValue(algorithm, expected, checksumHeader(algorithm));
  return { algorithm, expected, trailer, contentMd5: readContentMd5(headers), contentSha256: readPayloadHash(headers) };
}

function readContentMd5(headers: Readonly<Record<string, string>>): string | undefined {
  const value = headers['content-md5']?.trim();
  if (value === undefined) return undefined;
  const raw = Buffer.from(value, 'base64');
  if (raw.length !== 16 || raw.toString('base64') !== value) throw new InvalidDigest(value);
  return value;
}

function readPayloadHash(headers: Readonly<Record<string, string>>): string | undefined {
  const value = headers['x-amz-content-sha256']?.trim().toLowerCase();
  return value !== undefined && /^[0-9a-f]{64}$/.test(value) ? value : undefined;
}

/** Compares what arrived with what the client declared; throws S3's error for the first mismatch. */
export function verifyChecksums(plan: ChecksumPlan, computed: ComputedDigests, trailers: Readonly<Record<string, string>>): void {
  if (plan.contentSha256 !== undefined && computed.sha256 && computed.sha256.toString('hex') !== plan.contentSha256) {
    throw new XAmzContentSHA256Mismatch(plan.contentSha256, computed.sha256.toString('hex'));
  }
  if (plan.contentMd5 !== undefined && computed.md5.toString('base64') !== plan.contentMd5) throw new BadDigest('Content-MD5');
  if (!plan.algorithm) return;
  let expected = plan.expected;
  if (expected === undefined && plan.trailer !== undefined) {
    expected = trailers[plan.trailer]?.trim();
    if (expected === undefined) {
      throw new InvalidRequest(`The request declared x-amz-trailer: ${plan.trailer} but the trailer was not sent.`);
    }
    assertChecksumValue(plan.algorithm, expected, plan.trailer);
  }
  if (expected !== undefined && computed.checksums[plan.algorithm] !== expected) {
    const name = checksumHeader(plan.algorithm);
    throw new BadDigest(plan.algorithm, { [name]: expected, CalculatedChecksum: computed.checksums[plan.algorithm] ?? '' });
  }
}
