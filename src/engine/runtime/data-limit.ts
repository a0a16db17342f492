// The 256 KiB payload quota (docs/aws-behaviour.md#api-limits): 262,144 bytes of UTF-8 JSON.
import { TerminalStatesError } from '../errors/states-error-kinds';
import { StatesError, StatesErrorName } from '../errors/states-error';
import { toJson } from '../history/event-details';
import type { ResolvedResource } from '../integrations/types';

const MAX_PAYLOAD_BYTES = 262_144;

function exceeds(json: string): boolean {
  // A UTF-8 character takes at most 3 bytes per UTF-16 unit, so short strings need no count.
  return json.length * 3 > MAX_PAYLOAD_BYTES && Buffer.byteLength(json) > MAX_PAYLOAD_BYTES;
}

/** Deeper values are measured by JSON.stringify itself (which also reports cycles and BigInts as it always has). */
const MAX_BOUND_DEPTH = 32;

/**
 * An upper bound on the UTF-8 bytes of JSON.stringify(value), or Infinity once it passes `budget` or meets
 * anything whose text this walk does not bound (a BigInt, a toJSON method other than Date's, a class instance,
 * deep nesting).
 * A string unit takes at most 6 bytes (`\u001f`, a lone surrogate `\udc00`; a character of the BMP takes 3),
 * a number at most 24 (`-1.7976931348623157e+308`). Measuring a state's output or a task's result this way
 * spares a JSON.stringify of every one of them, which nothing else needs unless a history keeps it.
 */
function jsonBytesBound(value: unknown, budget: number, depth = 0): number {
  switch (typeof value) {
    case 'string':
      return value.length * 6 + 2;
    case 'number':
      return 24;
    case 'boolean':
    case 'undefined':
    case 'function':
    case 'symbol':
      return 5;
    case 'object':
      return value === null ? 4 : containerBound(value, budget, depth);
    default:
      return Infinity;
  }
}

function containerBound(value: object, budget: number, depth: number): number {
  if (depth >= MAX_BOUND_DEPTH) return Infinity;
  let bytes = 2;
  if (Array.isArray(value)) {
    for (const item of value as unknown[]) {
      bytes += jsonBytesBound(item, budget - bytes, depth + 1) + 1;
      if (bytes > budget) return Infinity;
    }
    return bytes;
  }
  const proto = Object.getPrototypeOf(value) as unknown;
  // A Date writes its ISO text (at most `"+275760-09-13T00:00:00.000Z"`, 29 bytes) or null: the aws-sdk results' timestamps.
  if (proto === Date.prototype && (value as Date).toJSON === Date.prototype.toJSON) return 29;
  if ((proto !== Object.prototype && proto !== null) || typeof (value as { toJSON?: unknown }).toJSON === 'function') return Infinity;
  // for-in, not Object.keys: no array per object (every state's output and task's result comes here). Inherited
  // enumerable keys, which JSON leaves out, could only make the bound larger.
  for (const key in value) {
    bytes += key.length * 6 + 4 + jsonBytesBound((value as Record<string, unknown>)[key], budget - bytes, depth + 1);
    if (bytes > budget) return Infinity;
  }
  return bytes;
}

/** Whether value's JSON text exceeds the quota; it is written and counted only when its bound says it might. */
function overQuota(value: unknown): boolean {
  return jsonBytesBound(value, MAX_PAYLOAD_BYTES) > MAX_PAYLOAD_BYTES && exceeds(toJson(value));
}

function cause(name: string): string {
  return `The state/task '${name}' returned a result with a size exceeding the maximum number of bytes service limit.`;
}

/**
 * A state output over the quota fails the execution directly, with no exit event and no Catch
 * (recorded: PassStateEntered → ExecutionFailed).
 */
export function checkStateOutput(output: unknown, stateName: string): void {
  if (overQuota(output)) throw new TerminalStatesError(StatesErrorName.DataLimitExceeded, cause(stateName));
}

/**
 * A task result over the quota is a catchable task failure (recorded with States.ALL, docs/aws-behaviour.md#error-names-and-matching); the
 * cause names the Lambda ARN for legacy Lambda resources, otherwise the resource type (e.g. "lambda"). The Task
 * state checks every result and the immediate answer of a `.waitForTaskToken` call; the MockConfigFile runner
 * also checks a mocked response before it answers the task's callback with it (mocking/with-mocks.ts).
 */
export function checkTaskResult(result: unknown, resource: Pick<ResolvedResource, 'legacyLambda' | 'arn' | 'resourceType'>): void {
  if (overQuota(result)) throw new StatesError(StatesErrorName.DataLimitExceeded, cause(resource.legacyLambda ? resource.arn : resource.resourceType));
}
