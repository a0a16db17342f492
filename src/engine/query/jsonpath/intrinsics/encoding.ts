// Intrinsics for data encoding and decoding [DOC intrinsic-functions]: States.Base64Encode / Base64Decode,
// both limited to 10,000 characters of input.
import { fail, fixed, stringArg, type IntrinsicFunction } from './intrinsic-function';

const MAX_INPUT = 10_000;

function limited(args: readonly unknown[]): string {
  const data = stringArg(args, 0);
  if (data.length > MAX_INPUT) fail(`The input is ${data.length} characters long; at most ${MAX_INPUT} are allowed`);
  return data;
}

function base64Decode(args: readonly unknown[]): string {
  const data = limited(args);
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(data) || data.length % 4 !== 0) fail('The input is not valid Base64');
  return Buffer.from(data, 'base64').toString('utf8');
}

export const encodingFunctions: Record<string, IntrinsicFunction> = {
  'States.Base64Encode': { ...fixed(1), call: (args) => Buffer.from(limited(args), 'utf8').toString('base64') },
  'States.Base64Decode': { ...fixed(1), call: base64Decode },
};
