// Query parameters common to ListObjects and ListObjectsV2, validated as S3 does.
import { InvalidArgument } from '../errors';

const MAX_KEYS = 1000;

export interface CommonListParameters {
  readonly prefix: string;
  readonly delimiter?: string;
  readonly maxKeys: number;
  readonly encodingType?: 'url';
}

export function readListParameters(query: URLSearchParams): CommonListParameters {
  const rawMax = query.get('max-keys');
  let maxKeys = MAX_KEYS;
  if (rawMax !== null) {
    const value = Number(rawMax);
    if (rawMax.trim() === '' || !Number.isInteger(value) || value < 0 || value > 2147483647) {
      throw new InvalidArgument('Provided max-keys not an integer or within integer range', 'max-keys', rawMax);
    }
    // S3 caps larger values silently.
    maxKeys = Math.min(value, MAX_KEYS);
  }
  const encoding = query.get('encoding-type');
  if (encoding !== null && encoding.toLowerCase() !== 'url') {
    throw new InvalidArgument('Invalid Encoding Method specified in Request', 'encoding-type', encoding);
  }
  return {
    prefix: query.get('prefix') ?? '',
    delimiter: query.get('delimiter') || undefined,
    maxKeys,
    encodingType: encoding === null ? undefined : 'url',
  };
}

/** With encoding-type=url, S3 URL-encodes every key-like value in the response so any byte survives XML. */
export function keyEncoder(parameters: CommonListParameters): (value: string | undefined) => string | undefined {
  if (parameters.encodingType !== 'url') return (value) => value;
  return (value) => (value === undefined ? undefined : encodeURIComponent(value));
}
