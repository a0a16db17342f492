// Intrinsics for JSON data manipulation [DOC intrinsic-functions]: States.StringToJson, States.JsonToString and
// States.JsonMerge, which "only supports the shallow merging mode; therefore, you must specify the boolean value
// as false". Shallow merge: keys of the second object replace those of the first.
import { booleanArg, fail, fixed, objectArg, stringArg, type IntrinsicFunction } from './intrinsic-function';

function stringToJson(args: readonly unknown[]): unknown {
  const text = stringArg(args, 0);
  // Recorded: an empty or blank string gives null rather than a parse error.
  if (text.trim() === '') return null;
  try {
    return JSON.parse(text) as unknown;
  } catch (e) {
    return fail(`The string could not be parsed as JSON: ${(e as Error).message}`);
  }
}

function jsonMerge(args: readonly unknown[]): Record<string, unknown> {
  const first = objectArg(args, 0);
  const second = objectArg(args, 1);
  if (booleanArg(args, 2)) fail('Deep merging is not supported; the third argument must be false');
  return { ...first, ...second };
}

export const jsonFunctions: Record<string, IntrinsicFunction> = {
  'States.StringToJson': { ...fixed(1), call: stringToJson },
  'States.JsonToString': { ...fixed(1), call: (args) => JSON.stringify(args[0]) },
  'States.JsonMerge': { ...fixed(3), call: jsonMerge },
};
