// Wait (docs/aws-behaviour.md#wait-state, #jsonpath-runtime-errors): sleeps through the injected clock, so tests never wait. Recorded path errors:
//   The SecondsPath parameter references a negative value: $.input.waitSeconds == -1
//   The SecondsPath parameter cannot be parsed as a long value: $.input.waitSeconds == 1.5
//   The TimestampPath parameter does not reference a valid ISO-8601 extended offset date-time format string: $.T == <v>
//   Wait state delay is too long.   (a target ≥ 2^31 seconds ahead, ~24,856 days)
// JSONata: "The Timestamp field cannot be parsed as an ISO-8601 extended offset date-time format string: <v>".
import type { WaitState } from '../definition/types';
import { QueryEvaluationFailure, StatesError, StatesErrorName, stateErrorPrefix } from '../errors/states-error';
import { timestampNanos } from '../query/jsonpath';
import { quoteValue, resolveDynamic } from '../runtime/payload';
import type { StateRun } from '../runtime/state-run';
import type { StateHandler } from './types';

const MAX_DELAY_SECONDS = 2 ** 31;

function fail(run: StateRun, message: string): StatesError {
  return new StatesError(StatesErrorName.Runtime, `${stateErrorPrefix(run.stateName, run.enteredEventId)}${message}`);
}

async function secondsToWait(node: WaitState, run: StateRun): Promise<number> {
  const resolved = await resolveDynamic(node.Seconds!, run.effective, run.evalScope(), 'integer');
  const { value, path } = resolved;
  if (path !== undefined) {
    if (typeof value !== 'number' || !Number.isInteger(value)) {
      throw fail(run, `The SecondsPath parameter cannot be parsed as a long value: ${path} == ${quoteValue(value)}`);
    }
    if (value < 0) throw fail(run, `The SecondsPath parameter references a negative value: ${path} == ${value}`);
  }
  return value as number;
}

async function secondsUntil(node: WaitState, run: StateRun): Promise<number> {
  const { value, path } = await resolveDynamic(node.Timestamp!, run.effective, run.evalScope(), 'string');
  const nanos = typeof value === 'string' ? timestampNanos(value) : undefined;
  if (nanos === undefined) {
    if (path !== undefined) {
      throw fail(
        run,
        `The TimestampPath parameter does not reference a valid ISO-8601 extended offset date-time format string: ${path} == ${quoteValue(value)}`,
      );
    }
    const message = `The Timestamp field cannot be parsed as an ISO-8601 extended offset date-time format string: ${quoteValue(value)}`;
    // JSONata: recorded as a States.QueryEvaluationError with an EvaluationFailed event at location "Timestamp".
    if (node.io.QueryLanguage !== 'JSONata') throw fail(run, message);
    throw new QueryEvaluationFailure(`${stateErrorPrefix(run.stateName, run.enteredEventId)}${message}`, 'Timestamp');
  }
  const targetMs = Number(nanos / 1_000_000n);
  return Math.max(0, (targetMs - run.deps.clock.now().getTime()) / 1000);
}

export const waitHandler: StateHandler<'Wait'> = {
  async execute(node, run) {
    const seconds = node.Seconds ? await secondsToWait(node, run) : await secondsUntil(node, run);
    if (seconds >= MAX_DELAY_SECONDS) throw fail(run, 'Wait state delay is too long.');
    await run.deps.clock.sleep(seconds * 1000, run.signal);
    return { hasResult: false };
  },
};
