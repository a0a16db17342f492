// Runs one state for the TestState API (https://docs.aws.amazon.com/step-functions/latest/dg/test-state-isolation.html):
// the state's data flow and its own work (or the request's mock) once, recording every stage, then what the
// state's Retry and Catch would do with a failure. Nothing is retried here: a retrier that still has
// attempts left makes the status RETRIABLE; a matching catcher makes it CAUGHT_ERROR with the catcher's
// output and Next; anything else is FAILED.
import type { Catcher, Retrier, StateNode } from '../definition/types';
import { matchesErrorEquals } from '../errors/error-matching';
import { reportedErrorName } from '../errors/states-error-kinds';
import { StatesError, StatesErrorName, toStatesError } from '../errors/states-error';
import { childController, raceSignal, SCOPE_FINISHED, TimeoutAbort } from '../runtime/abort';
import { expireAfter } from '../runtime/clock';
import type { StateContext } from '../runtime/context-object';
import { buildArguments, catchOutput, finishState, selectInput } from '../runtime/data-flow';
import { checkStateOutput } from '../runtime/data-limit';
import type { Scope } from '../runtime/scope';
import { StateRun } from '../runtime/state-run';
import type { EngineDeps } from '../runtime/types';
import { checkAssignmentSize } from '../runtime/variables';
import { stateHandlers } from '../states';
import type { StateHandler, StateOutcome } from '../states/types';
import { inspectMap, type MapPreparation } from './map-inspection';
import { checkMockShape, mockedOutcome } from './mocked-state';
import { testScope } from './test-scope';
import { TestStateRequestError, type ErrorDetails, type Inspection, type TestStateRequest, type TestStateResult } from './types';
import { validateTestRequest } from './validate-request';

/** "The TestState API can run for up to five minutes. If the execution of a state exceeds this duration, it fails with the States.Timeout error." */
const TEST_LIMIT_MS = 300_000;

/**
 * Throws TestStateRequestError for a request AWS rejects; workflow failures are results, not rejections.
 * `signal` aborts the run (the endpoint shutting down).
 */
export async function testState(deps: EngineDeps, request: TestStateRequest, signal?: AbortSignal): Promise<TestStateResult> {
  validateTestRequest(request);
  if (request.mock) checkMockShape(request.node, request.mock);
  const controller = signal ? childController(signal) : new AbortController();
  const limit = new AbortController();
  expireAfter(deps.clock, TEST_LIMIT_MS, limit.signal).then(
    () => controller.abort(new TimeoutAbort()),
    () => undefined,
  );
  try {
    return await raceSignal(runOnce(deps, request, controller.signal), controller.signal);
  } catch (thrown) {
    if (!(controller.signal.reason instanceof TimeoutAbort)) throw thrown;
    const timeout = new StatesError(StatesErrorName.Timeout);
    return { status: 'FAILED', error: timeout.error, hasOutput: false, inspection: { input: request.input } };
  } finally {
    limit.abort(SCOPE_FINISHED);
    if (!controller.signal.aborted) controller.abort(SCOPE_FINISHED);
  }
}

async function runOnce(deps: EngineDeps, request: TestStateRequest, signal: AbortSignal): Promise<TestStateResult> {
  const scope = testScope(deps, request, signal);
  const { node } = request;
  const retryCount = request.configuration.retrierRetryCount ?? 0;
  const state: StateContext =
    'Retry' in node
      ? { Name: node.name, EnteredTime: deps.clock.now().toISOString(), RetryCount: retryCount }
      : { Name: node.name, EnteredTime: deps.clock.now().toISOString() };
  const taskToken = node.Type === 'Task' && node.resource.pattern === 'WAIT_FOR_TASK_TOKEN' ? deps.uuid() : undefined;
  const base = new StateRun(scope, node.name, 0, state, request.input, request.input, request.input, taskToken);
  if (request.context) base.withContext(request.context);
  const inspection: Inspection = { input: request.input };
  try {
    return await succeed(node, base, request, inspection);
  } catch (thrown) {
    if (thrown instanceof TestStateRequestError || signal.aborted) throw thrown;
    return handleError(node, base, toStatesError(thrown), retryCount, inspection);
  }
}

async function succeed(node: StateNode, base: StateRun, request: TestStateRequest, inspection: Inspection): Promise<TestStateResult> {
  const jsonPath = node.io.QueryLanguage === 'JSONPath';
  const effective = selectInput(node.io, base.input, base.evalScope());
  // Recorded: a (mocked) Parallel state reports no afterInputPath.
  if (jsonPath && node.Type !== 'Parallel') inspection.afterInputPath = effective;
  const args = await buildArguments(node.io, effective, base.evalScope());
  // Recorded: Task and Pass (without Result) report afterParameters, whether or not Parameters is set.
  if (jsonPath && (node.Type === 'Task' || (node.Type === 'Pass' && !node.Result))) inspection.afterParameters = args;
  if (!jsonPath && node.io.Arguments) inspection.afterArguments = args;
  const run = base.withInputs(effective, args);
  const map = node.Type === 'Map' ? await inspectMap(node, run, request.configuration, inspection) : undefined;
  const outcome = await execute(node, run, request, map);
  // Recorded: Task results and a Pass state's Result are reported; a Map's or Parallel's result array is not.
  if (outcome.hasResult && (node.Type === 'Task' || (node.Type === 'Pass' && node.Result))) inspection.result = outcome.result;
  const finished = await finishState(node.io, run, outcome, outcome.overrides);
  if ('afterResultPath' in finished) {
    inspection.afterResultSelector = finished.afterResultSelector;
    inspection.afterResultPath = finished.afterResultPath;
  }
  checkStateOutput(finished.output, node.name);
  recordVariables(base.scope, finished.assigned, node.name, inspection);
  const nextState = outcome.next ?? ('Next' in node ? node.Next : undefined);
  return { status: 'SUCCEEDED', output: finished.output, hasOutput: true, nextState, inspection };
}

function execute(node: StateNode, run: StateRun, request: TestStateRequest, map: MapPreparation | undefined): Promise<StateOutcome> {
  if (request.mock) return Promise.resolve().then(() => mockedOutcome(node, request.mock!, request.configuration, map));
  const handler = stateHandlers[node.Type] as StateHandler<typeof node.Type>;
  return handler.execute(node, run);
}

function recordVariables(scope: Scope, assigned: Record<string, unknown> | undefined, stateName: string, inspection: Inspection): void {
  if (assigned) {
    checkAssignmentSize(assigned, stateName, 0);
    scope.variables.assign(assigned);
  }
  const variables = scope.variables.snapshot();
  if (Object.keys(variables).length > 0) inspection.variables = variables;
}

async function handleError(node: StateNode, base: StateRun, error: StatesError, retryCount: number, inspection: Inspection): Promise<TestStateResult> {
  const failure = { error: reportedErrorName(error), cause: error.cause, hasOutput: false, inspection };
  if (!error.catchable) return { status: 'FAILED', ...failure };
  const details: ErrorDetails = {};
  const retriers: readonly Retrier[] = 'Retry' in node ? node.Retry : [];
  const retryIndex = retriers.findIndex((r) => matchesErrorEquals(r.ErrorEquals, error, node.Type === 'Task'));
  if (retryIndex >= 0) {
    details.retryIndex = retryIndex;
    inspection.errorDetails = details;
    const retrier = retriers[retryIndex];
    if (retryCount < retrier.MaxAttempts) {
      details.retryBackoffIntervalSeconds = backoffSeconds(retrier, retryCount);
      return { status: 'RETRIABLE', ...failure };
    }
  }
  const catchers: readonly Catcher[] = 'Catch' in node ? node.Catch : [];
  const catchIndex = catchers.findIndex((c) => matchesErrorEquals(c.ErrorEquals, error, node.Type === 'Task'));
  if (catchIndex < 0) return { status: 'FAILED', ...failure };
  details.catchIndex = catchIndex;
  inspection.errorDetails = details;
  const finished = await catchOutput(catchers[catchIndex], base, error);
  recordVariables(base.scope, finished.assigned, node.name, inspection);
  return { status: 'CAUGHT_ERROR', ...failure, output: finished.output, hasOutput: true, nextState: catchers[catchIndex].Next };
}

/** The wait before the next attempt, without jitter (recorded: IntervalSeconds 1, BackoffRate 2, 4 retries done → 16). */
function backoffSeconds(retrier: Retrier, retryCount: number): number {
  const seconds = retrier.IntervalSeconds * retrier.BackoffRate ** retryCount;
  return retrier.MaxDelaySeconds === undefined ? seconds : Math.min(seconds, retrier.MaxDelaySeconds);
}
