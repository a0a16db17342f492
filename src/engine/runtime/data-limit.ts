// The 256 KiB payload quota (docs/aws-behaviour.md#api-limits): 262,144 bytes of UTF-8 JSON.
import { TerminalStatesError } from '../errors/states-error-kinds';
import { StatesError, StatesErrorName } from '../errors/states-error';
import type { ResolvedResource } from '../integrations/types';

const MAX_PAYLOAD_BYTES = 262_144;

function exceeds(json: string): boolean {
  // A UTF-8 character takes at most 3 bytes per UTF-16 unit, so short strings need no count.
  return json.length * 3 > MAX_PAYLOAD_BYTES && Buffer.byteLength(json) > MAX_PAYLOAD_BYTES;
}

function cause(name: string): string {
  return `The state/task '${name}' returned a result with a size exceeding the maximum number of bytes service limit.`;
}

/**
 * A state output over the quota fails the execution directly, with no exit event and no Catch
 * (recorded: PassStateEntered → ExecutionFailed). Returns the JSON text so callers serialize once.
 */
export function checkStateOutput(output: unknown, stateName: string): string {
  const json = JSON.stringify(output) ?? 'null';
  if (exceeds(json)) throw new TerminalStatesError(StatesErrorName.DataLimitExceeded, cause(stateName));
  return json;
}

/**
 * A task result over the quota is a catchable task failure (recorded with States.ALL, docs/aws-behaviour.md#error-names-and-matching); the
 * cause names the Lambda ARN for legacy Lambda resources, otherwise the resource type (e.g. "lambda"). The Task
 * state checks every result and the immediate answer of a `.waitForTaskToken` call; the MockConfigFile runner
 * also checks a mocked response before it answers the task's callback with it (mocking/with-mocks.ts).
 */
export function checkTaskResult(result: unknown, resource: Pick<ResolvedResource, 'legacyLambda' | 'arn' | 'resourceType'>): void {
  const json = JSON.stringify(result) ?? 'null';
  if (exceeds(json)) throw new StatesError(StatesErrorName.DataLimitExceeded, cause(resource.legacyLambda ? resource.arn : resource.resourceType));
}
