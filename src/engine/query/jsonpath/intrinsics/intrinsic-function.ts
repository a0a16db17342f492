// What one intrinsic looks like to the evaluator, plus the argument checks every family shares. A failed check
// becomes States.IntrinsicFailure; AWS's exact causes are not recorded, so ours name the function, the argument
// and what was wrong [UNCONFIRMED wording].

export interface IntrinsicEnv {
  readonly random: () => number;
  readonly uuid: () => string;
}

export interface IntrinsicFunction {
  /** Allowed argument counts, checked when the definition is compiled. */
  readonly minArgs: number;
  readonly maxArgs: number;
  call(args: readonly unknown[], env: IntrinsicEnv): unknown;
}

/** Thrown by implementations; the evaluator adds the function name and the state prefix. */
export class IntrinsicArgumentError extends Error {}

const ORDINALS = ['first', 'second', 'third', 'fourth'];

function describe(value: unknown): string {
  return value === undefined ? 'nothing' : JSON.stringify(value);
}

function argumentError(index: number, expected: string, value: unknown): IntrinsicArgumentError {
  return new IntrinsicArgumentError(`The ${ORDINALS[index] ?? `#${index + 1}`} argument must be ${expected}, but was ${describe(value)}`);
}

export function stringArg(args: readonly unknown[], index: number): string {
  const value = args[index];
  if (typeof value !== 'string') throw argumentError(index, 'a string', value);
  return value;
}

export function arrayArg(args: readonly unknown[], index: number): readonly unknown[] {
  const value = args[index];
  if (!Array.isArray(value)) throw argumentError(index, 'an array', value);
  return value;
}

export function integerArg(args: readonly unknown[], index: number): number {
  const value = args[index];
  if (typeof value !== 'number' || !Number.isInteger(value)) throw argumentError(index, 'an integer', value);
  return value;
}

export function numberArg(args: readonly unknown[], index: number): number {
  const value = args[index];
  if (typeof value !== 'number' || !Number.isFinite(value)) throw argumentError(index, 'a number', value);
  return value;
}

export function objectArg(args: readonly unknown[], index: number): Record<string, unknown> {
  const value = args[index];
  if (value === null || typeof value !== 'object' || Array.isArray(value)) throw argumentError(index, 'a JSON object', value);
  return value as Record<string, unknown>;
}

export function booleanArg(args: readonly unknown[], index: number): boolean {
  const value = args[index];
  if (typeof value !== 'boolean') throw argumentError(index, 'a boolean', value);
  return value;
}

export function fail(message: string): never {
  throw new IntrinsicArgumentError(message);
}

export const fixed = (count: number) => ({ minArgs: count, maxArgs: count });
