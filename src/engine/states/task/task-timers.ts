// TimeoutSeconds / HeartbeatSeconds (docs/aws-behaviour.md#task-state): literal, `*Path` (JSONPath) or JSONata. A path that misses
// is the recorded "Invalid path …" error; a path value that is not a positive integer is refused with the
// wording AWS uses for MaxConcurrencyPath [UNCONFIRMED for these fields].
import type { DynamicValue, TaskState } from '../../definition/types';
import { StatesError, StatesErrorName, stateErrorPrefix } from '../../errors/states-error';
import { quoteValue, resolveDynamic } from '../../runtime/payload';
import type { StateRun } from '../../runtime/state-run';
import type { Timers } from './task-events';

async function seconds(value: DynamicValue<number> | undefined, run: StateRun): Promise<number | undefined> {
  if (!value) return undefined;
  const resolved = await resolveDynamic(value, run.effective, run.evalScope(), 'integer');
  const n = resolved.value;
  if (typeof n === 'number' && Number.isInteger(n) && n > 0) return n;
  const field = value.kind === 'literal' ? '' : value.field;
  const where = resolved.path !== undefined ? `: ${resolved.path}` : '';
  throw new StatesError(
    StatesErrorName.Runtime,
    `${stateErrorPrefix(run.stateName, run.enteredEventId)}The ${field} ` +
      `field refers to value "${quoteValue(n)}" which is not a valid positive integer${where}`,
  );
}

export async function taskTimers(node: TaskState, run: StateRun): Promise<Timers> {
  return { timeoutSeconds: await seconds(node.TimeoutSeconds, run), heartbeatSeconds: await seconds(node.HeartbeatSeconds, run) };
}
