// Intrinsic for string operation [DOC intrinsic-functions "States.StringSplit"]: every character of the second
// argument is a delimiter (`'This.is+a,test=string'` split by `'.+,='` → five words), and empty pieces are
// dropped, like Java's StringTokenizer [UNCONFIRMED for consecutive delimiters].
import { fixed, stringArg, type IntrinsicFunction } from './intrinsic-function';

function stringSplit(args: readonly unknown[]): string[] {
  const text = stringArg(args, 0);
  const delimiters = new Set(stringArg(args, 1));
  const pieces: string[] = [];
  let current = '';
  for (const c of text) {
    if (delimiters.has(c)) {
      if (current !== '') pieces.push(current);
      current = '';
    } else current += c;
  }
  if (current !== '') pieces.push(current);
  return pieces;
}

export const stringFunctions: Record<string, IntrinsicFunction> = {
  'States.StringSplit': { ...fixed(2), call: stringSplit },
};
