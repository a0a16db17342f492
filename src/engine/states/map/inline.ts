// Inline Map iterations (docs/aws-behaviour.md#inline-map-history). previousEventId rules, recorded in test_map_state and
// test_service_lambda_map_timeout:
//  - MapIterationStarted points at the Map's last inner event: MapStateStarted at first, then the last state
//    event of the most recently finished iteration (not its MapIterationSucceeded);
//  - MapIterationSucceeded/Failed point at the iteration's own last event;
//  - MapStateSucceeded and MapStateExited both point at the last MapIterationSucceeded;
//  - on failure, aborted siblings' *StateAborted / MapIterationAborted and MapStateFailed point at the
//    failed iteration's last event.
import type { MapState } from '../../definition/types';
import { mapIteration } from '../../history/event-details';
import { AbortedError, SiblingAbort } from '../../runtime/abort';
import { nestedScope } from '../../runtime/scope';
import type { StateRun } from '../../runtime/state-run';
import { IterationFailure, iterate } from '../iterate';

export async function runInlineMap(node: MapState, run: StateRun, inputs: readonly unknown[], concurrency: number, startedId: number): Promise<unknown[]> {
  const { chain, exec } = run.scope;
  const { log } = exec;
  const details = (key: Parameters<typeof mapIteration>[0], index: number) => mapIteration(key, node.name, index);
  let lastInner = startedId;
  let lastSucceeded = startedId;
  let failurePoint: number | undefined;
  try {
    const results = await iterate({
      count: inputs.length,
      maxConcurrency: concurrency,
      signal: run.signal,
      ...run.scope.redrive?.attempt(),
      run: async (index, signal) => {
        const iterationId = log.append('MapIterationStarted', lastInner, details('mapIterationStartedEventDetails', index));
        const scope = nestedScope(run.scope, iterationId, signal);
        try {
          const output = await exec.runProgram(node.ItemProcessor, inputs[index], scope);
          lastInner = scope.chain.last;
          lastSucceeded = log.append('MapIterationSucceeded', scope.chain.last, details('mapIterationSucceededEventDetails', index));
          return output;
        } catch (thrown) {
          if (thrown instanceof AbortedError) {
            if (thrown.reason instanceof SiblingAbort)
              log.append('MapIterationAborted', thrown.reason.eventId, details('mapIterationAbortedEventDetails', index));
            throw thrown;
          }
          log.append('MapIterationFailed', scope.chain.last, details('mapIterationFailedEventDetails', index));
          lastInner = scope.chain.last;
          failurePoint ??= scope.chain.last;
          throw new IterationFailure(thrown, scope.chain.last);
        }
      },
    });
    chain.emitAside('MapStateSucceeded', undefined, lastSucceeded);
    chain.last = lastSucceeded;
    return results;
  } catch (thrown) {
    if (failurePoint !== undefined) chain.last = failurePoint;
    throw thrown;
  }
}
