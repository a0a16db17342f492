// Reading numbers that a Map field's `*Path` variant points at (MaxItemsPath, ToleratedFailureCountPath,
// MaxItemsPerBatchPath, …). AWS parses the referenced value as text, so the message quotes it as a string:
// `The MaxItemsPath field refers to value "1.5" which is not a valid integer: $.MaxItems` (docs/aws-behaviour.md#jsonpath-runtime-errors).
// The runtime prefixes these causes with stateErrorPrefix(); they are States.Runtime, raised before MapRunStarted.
import { StatesError, StatesErrorName } from '../../errors/states-error';

const INT32_MAX = 2 ** 31 - 1;
const INTEGER_TEXT = /^[+-]?\d+$/;
const FLOAT_TEXT = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/** How AWS renders the offending value: strings verbatim, anything else as JSON (`{}` → "{}"). */
export function renderPathValue(value: unknown): string {
  if (typeof value === 'string') return value;
  return JSON.stringify(value) ?? 'null';
}

/**
 * An integer from a `*Path` field. [UNCONFIRMED] AWS parses the value's text (the message quotes 1.5 as "1.5"),
 * so a numeric string such as "5" is accepted, and values outside Java's int range are rejected.
 */
export function integerFromPath(field: string, value: unknown, path: string): number {
  const text = typeof value === 'number' || typeof value === 'string' ? String(value).trim() : undefined;
  const parsed = text !== undefined && INTEGER_TEXT.test(text) ? Number(text) : NaN;
  if (!Number.isSafeInteger(parsed) || Math.abs(parsed) > INT32_MAX) {
    throw notValid(field, value, 'integer', path);
  }
  return parsed;
}

/** MaxConcurrencyPath (INLINE and DISTRIBUTED): an integer, not negative; a string such as "1" is recorded as accepted. */
export function maxConcurrencyFromPath(value: unknown, path: string): number {
  const parsed = integerFromPath('MaxConcurrencyPath', value, path);
  if (parsed < 0) throw runtimeError('MaxConcurrency cannot be negative.');
  return parsed;
}

/** A float from a `*Path` field (ToleratedFailurePercentagePath); numeric strings accepted as for integers. */
export function floatFromPath(field: string, value: unknown, path: string): number {
  const text = typeof value === 'number' || typeof value === 'string' ? String(value).trim() : undefined;
  const parsed = text !== undefined && FLOAT_TEXT.test(text) ? Number(text) : NaN;
  if (!Number.isFinite(parsed)) throw notValid(field, value, 'float', path);
  return parsed;
}

function notValid(field: string, value: unknown, kind: 'integer' | 'float', path: string): StatesError {
  return new StatesError(StatesErrorName.Runtime, `The ${field} field refers to value "${renderPathValue(value)}" which is not a valid ${kind}: ${path}`);
}

/** A States.Runtime error with the given cause (unprefixed; the runtime adds the state prefix). */
export function runtimeError(cause: string): StatesError {
  return new StatesError(StatesErrorName.Runtime, cause);
}
