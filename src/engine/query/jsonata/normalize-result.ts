// JSONata hands back arrays flagged as sequences and may return functions (lambdas, native functions, regexes).
// States only ever see plain JSON: sequences become plain arrays, and a function anywhere in the result is
// reported as "returned an unsupported result type" (docs/aws-behaviour.md#jsonata-evaluation-errors, recorded for Items).
import { setMember } from '../common/json-object';

export class UnsupportedResultType extends Error {}

function isFunctionValue(value: object): boolean {
  const marked = value as { _jsonata_lambda?: unknown; _jsonata_function?: unknown };
  return typeof value === 'function' || marked._jsonata_lambda === true || marked._jsonata_function === true;
}

export function normalizeResult(value: unknown): unknown {
  if (value === null || typeof value !== 'object') {
    if (typeof value === 'function') throw new UnsupportedResultType();
    // JSON has no negative zero: `$parse("-0")` is recorded as 0.
    return Object.is(value, -0) ? 0 : value;
  }
  if (isFunctionValue(value)) throw new UnsupportedResultType();
  if (Array.isArray(value)) {
    return value.filter((item) => item !== undefined).map(normalizeResult);
  }
  // for-in over own keys, not Object.keys or entries: no array per object (every result of every state comes here).
  const source = value as Record<string, unknown>;
  const plain: Record<string, unknown> = {};
  for (const key in source) {
    if (!Object.hasOwn(source, key)) continue;
    const item = source[key];
    if (item !== undefined) setMember(plain, key, normalizeResult(item));
  }
  return plain;
}
