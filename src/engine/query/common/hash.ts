// Hash algorithms shared by States.Hash (JSONPath) and $hash (JSONata): hex digest of the UTF-8 bytes
// [DOC intrinsic-functions "States.Hash"; transforming-data "$hash"].
import { createHash } from 'node:crypto';

export const HASH_ALGORITHMS = ['MD5', 'SHA-1', 'SHA-256', 'SHA-384', 'SHA-512'] as const;
export type HashAlgorithm = (typeof HASH_ALGORITHMS)[number];

const NODE_NAMES: Record<HashAlgorithm, string> = {
  MD5: 'md5',
  'SHA-1': 'sha1',
  'SHA-256': 'sha256',
  'SHA-384': 'sha384',
  'SHA-512': 'sha512',
};

export function isHashAlgorithm(name: unknown): name is HashAlgorithm {
  return typeof name === 'string' && (HASH_ALGORITHMS as readonly string[]).includes(name);
}

export function hashHex(data: string, algorithm: HashAlgorithm): string {
  return createHash(NODE_NAMES[algorithm]).update(data, 'utf8').digest('hex');
}
