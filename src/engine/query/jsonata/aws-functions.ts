// Functions Step Functions adds to JSONata 2.0.6 (docs/aws-behaviour.md#jsonata-functions; DOC transforming-data "JSONata functions"):
// $partition, $range, $hash, $random([seed]), $uuid(), $parse. `$eval` is removed (bound to nothing, so a call
// fails like any non-function: T1006). Randomness comes from the evaluation scope so executions stay testable.
import type jsonata from 'jsonata';
import { randomUUID } from 'node:crypto';
import { hashHex, isHashAlgorithm, HASH_ALGORITHMS } from '../common/hash';
import { partition } from '../common/partition';
import { JavaRandom } from './java-random';

/** Hidden binding through which $random/$uuid reach the scope's generators (not a legal `$name` for users). */
export const RANDOMNESS_BINDING = '__sfn randomness';

export interface Randomness {
  readonly random: () => number;
  readonly uuid: () => string;
}

export const defaultRandomness: Randomness = { random: Math.random, uuid: randomUUID };

// JSONata's catalogue has no codes for these failures and AWS's wording is not recorded, so they carry a
// message only and the cause reads "... threw an error during evaluation. <message>" [UNCONFIRMED].
function functionError(message: string): Error {
  return new Error(message);
}

function randomness(focus: jsonata.Focus): Randomness {
  return (focus.environment.lookup(RANDOMNESS_BINDING) as Randomness | undefined) ?? defaultRandomness;
}

/** JSONata sequence: the evaluator collapses a one-element sequence to its item and an empty one to nothing. */
function asSequence(values: number[]): number[] {
  return Object.defineProperty(values, 'sequence', { value: true });
}

// $range(1,9,9) → 1 is recorded (docs/aws-behaviour.md#jsonata-functions): the result is a JSONata sequence, not a plain array.
function range(start: number, end: number, step: number): number[] {
  if (step === 0) throw functionError('The step argument of the $range function cannot be zero');
  const values: number[] = [];
  for (let v = start; step > 0 ? v <= end : v >= end; v += step) {
    values.push(v);
    if (values.length > 1000) throw functionError('The $range function cannot generate more than 1000 items');
  }
  return asSequence(values);
}

function hash(value: string, algorithm: string): string {
  if (!isHashAlgorithm(algorithm)) {
    throw functionError(`The algorithm '${algorithm}' is not supported; use one of ${HASH_ALGORITHMS.join(', ')}`);
  }
  return hashHex(value, algorithm);
}

function parse(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (e) {
    throw functionError(`The $parse function could not parse the string as JSON: ${(e as Error).message}`);
  }
}

function chunk(items: unknown[], size: number): unknown[][] {
  if (!Number.isInteger(size) || size < 1) {
    throw functionError('The size argument of the $partition function must be a positive integer');
  }
  return partition(items, size);
}

/** Registers the AWS additions on one compiled expression. */
export function registerAwsFunctions(expression: jsonata.Expression): void {
  expression.registerFunction('partition', chunk, '<an:a>');
  expression.registerFunction('range', range, '<nnn:a<n>>');
  expression.registerFunction('hash', hash, '<ss:s>');
  expression.registerFunction('parse', parse, '<s:j>');
  expression.registerFunction(
    'uuid',
    function (this: jsonata.Focus) {
      return randomness(this).uuid();
    },
    '<:s>',
  );
  expression.registerFunction(
    'random',
    function (this: jsonata.Focus, seed?: number) {
      return seed === undefined ? randomness(this).random() : new JavaRandom(seed).nextDouble();
    },
    '<n?:n>',
  );
}
