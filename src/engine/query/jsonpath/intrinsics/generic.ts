// Generic intrinsic [DOC intrinsic-functions "States.Format"]: the first argument is a template whose `{}`
// placeholders take the remaining arguments in order; there must be exactly as many arguments as placeholders.
// Escaped braces (`\{`, `\}`) in a literal template are literal text, not placeholders. Strings are inserted
// as-is; other values the way Java prints them, as recorded: an object argument renders as `{Arg1=1, Arg2=[]}`.
import { javaText } from '../../common/java-text';
import { fail, stringArg, type IntrinsicFunction } from './intrinsic-function';

/** Stand-ins for escaped braces, restored after substitution (Unicode private-use code points). */
const ESCAPED_OPEN = '\uE000';
const ESCAPED_CLOSE = '\uE001';

/** Rewrites a literal template's raw text so escaped braces survive as stand-ins. */
export function protectTemplate(raw: string): string {
  return raw.replace(/\\(.)/gs, (_, c: string) => (c === '{' ? ESCAPED_OPEN : c === '}' ? ESCAPED_CLOSE : c));
}

function format(args: readonly unknown[]): string {
  const parts = stringArg(args, 0).split('{}');
  const values = args.slice(1);
  if (parts.length - 1 !== values.length) {
    fail(`The template has ${parts.length - 1} placeholder(s) but ${values.length} argument(s) were given`);
  }
  const text = parts.reduce((out, part, i) => out + javaText(values[i - 1]) + part);
  return text.replaceAll(ESCAPED_OPEN, '{').replaceAll(ESCAPED_CLOSE, '}');
}

export const genericFunctions: Record<string, IntrinsicFunction> = {
  'States.Format': { minArgs: 1, maxArgs: Infinity, call: format },
};
