// Fail (docs/aws-behaviour.md#fail-state): raises Error/Cause (literal, `*Path` or JSONata string); absent fields stay absent in
// the history (`ExecutionFailed {"error":"Exception"}` has no cause key).
import type { DynamicValue } from '../definition/types';
import { FailStateError } from '../errors/states-error-kinds';
import { StatesError, StatesErrorName, stateErrorPrefix } from '../errors/states-error';
import { quoteValue, resolveDynamic } from '../runtime/payload';
import type { StateRun } from '../runtime/state-run';
import type { StateHandler } from './types';

async function text(value: DynamicValue<string> | undefined, run: StateRun): Promise<string | undefined> {
  if (!value) return undefined;
  const resolved = await resolveDynamic(value, run.effective, run.evalScope(), 'string');
  if (typeof resolved.value === 'string') return resolved.value;
  // A path to a non-string: AWS's wording is not recorded [UNCONFIRMED].
  throw new StatesError(
    StatesErrorName.Runtime,
    `${stateErrorPrefix(run.stateName, run.enteredEventId)}The value ` +
      `"${quoteValue(resolved.value)}" referenced by the field '${value.kind === 'path' ? value.field : ''}' is not a string: ${resolved.path}`,
  );
}

export const failHandler: StateHandler<'Fail'> = {
  async execute(node, run) {
    const error = await text(node.Error, run);
    const cause = await text(node.Cause, run);
    throw new FailStateError(error, cause);
  },
};
