// Intrinsic for hash calculation [DOC intrinsic-functions "States.Hash"]: hex digest of a string of at most
// 10,000 characters with MD5, SHA-1, SHA-256, SHA-384 or SHA-512.
import { HASH_ALGORITHMS, hashHex, isHashAlgorithm } from '../../common/hash';
import { fail, fixed, stringArg, type IntrinsicFunction } from './intrinsic-function';

const MAX_INPUT = 10_000;

function hash(args: readonly unknown[]): string {
  const data = stringArg(args, 0);
  const algorithm = stringArg(args, 1);
  if (data.length > MAX_INPUT) fail(`The input is ${data.length} characters long; at most ${MAX_INPUT} are allowed`);
  if (!isHashAlgorithm(algorithm)) fail(`The algorithm '${algorithm}' is not supported; use one of ${HASH_ALGORITHMS.join(', ')}`);
  return hashHex(data, algorithm);
}

export const hashFunctions: Record<string, IntrinsicFunction> = {
  'States.Hash': { ...fixed(2), call: hash },
};
