// The template method every state runs through (as in LocalStack's CommonStateField._eval_body
// + ExecutionState._eval_state): Entered → data flow in → handler → data flow out → size check → variables
// → Exited, with Retry → Catch → fail around it. The only writer of *StateEntered/Exited, EvaluationFailed,
// *StateFailed and *StateAborted events.
import type { Catcher, StateNode } from '../definition/types';
import { matchesErrorEquals } from '../errors/error-matching';
import { QueryEvaluationFailure, toStatesError, type StatesError } from '../errors/states-error';
import { evaluationFailed, stateEntered, stateExited, toJson } from '../history/event-details';
import { stateHandlers } from '../states';
import type { StateHandler } from '../states/types';
import { ABORTED_EVENT, ENTERED_EVENT, EXITED_EVENT, FAILED_EVENT } from '../states/types';
import { AbortedError, SiblingAbort } from './abort';
import type { StateContext } from './context-object';
import { buildArguments, catchOutput, finishState, selectInput, type Finished } from './data-flow';
import { checkStateOutput } from './data-limit';
import { retryDecision } from './retry';
import type { Scope } from './scope';
import { StateRun } from './state-run';
import { checkAssignmentSize } from './variables';

export interface Step {
  readonly output: unknown;
  /** Undefined when the state ended its scope. */
  readonly next?: string;
}

/** Errors already reported by an EvaluationFailed event (they propagate through enclosing Map/Parallel states). */
const reportedEvaluations = new WeakSet<StatesError>();

function exit(node: StateNode, scope: Scope, run: StateRun, finished: Finished, next: string | undefined): Step {
  checkStateOutput(finished.output, node.name);
  if (finished.assigned) {
    checkAssignmentSize(finished.assigned, node.name, run.enteredEventId);
    scope.variables.assign(finished.assigned);
  }
  // Fail states never get here: their handler always throws and they have no Catch.
  scope.chain.emit(EXITED_EVENT[node.Type], () => stateExited(node.name, toJson(finished.output), finished.assigned));
  return { output: finished.output, next };
}

/** A sibling's failure aborted this state: record `<Type>StateAborted` at the failure point (docs/aws-behaviour.md#inline-map-history). */
function aborted(node: StateNode, scope: Scope, thrown: unknown): AbortedError {
  const reason = thrown instanceof AbortedError ? thrown.reason : (scope.signal.reason as unknown);
  const type = ABORTED_EVENT[node.Type];
  if (type && reason instanceof SiblingAbort) scope.chain.emitAside(type, undefined, reason.eventId);
  return thrown instanceof AbortedError ? thrown : new AbortedError(reason);
}

/**
 * JSONata failures get an EvaluationFailed event. It points where the state's own Entered event points
 * (AWS records 0 only because the failing state is often the first one), at top level and nested alike
 * (docs/aws-behaviour.md#previouseventid).
 */
function reportEvaluation(node: StateNode, scope: Scope, error: StatesError, enteredPrev: number): void {
  if (!(error instanceof QueryEvaluationFailure)) return;
  if (reportedEvaluations.has(error)) return;
  reportedEvaluations.add(error);
  scope.chain.emit('EvaluationFailed', evaluationFailed(node.name, error.error, error.cause, error.location), enteredPrev);
}

function findCatcher(node: StateNode, error: StatesError): Catcher | undefined {
  if (!('Catch' in node)) return undefined;
  return node.Catch.find((c) => matchesErrorEquals(c.ErrorEquals, error, node.Type === 'Task'));
}

async function attempt(node: StateNode, base: StateRun): Promise<Step> {
  const effective = selectInput(node.io, base.input, base.evalScope());
  const args = await buildArguments(node.io, effective, base.evalScope());
  const run = base.withInputs(effective, args);
  const handler = stateHandlers[node.Type] as StateHandler<typeof node.Type>;
  const outcome = await handler.execute(node, run);
  const finished = await finishState(node.io, run, outcome, outcome.overrides);
  return exit(node, base.scope, run, finished, outcome.next ?? ('Next' in node ? node.Next : undefined));
}

/** Each attempt of a `.waitForTaskToken` Task gets its own callback token (issued by the callback port when there is one). */
function taskToken(node: StateNode, scope: Scope): string | undefined {
  if (node.Type !== 'Task' || node.resource.pattern !== 'WAIT_FOR_TASK_TOKEN') return undefined;
  const { deps, identity } = scope.exec;
  return deps.callbacks ? deps.callbacks.newToken(identity.executionArn) : deps.uuid();
}

/** Waits out a retry interval; a sibling abort or stop during the wait aborts the state. */
async function backOff(node: StateNode, scope: Scope, delayMs: number): Promise<void> {
  try {
    await scope.exec.deps.clock.sleep(delayMs, scope.signal);
  } catch (thrown) {
    throw aborted(node, scope, thrown);
  }
}

export async function runState(node: StateNode, input: unknown, scope: Scope): Promise<Step> {
  const { chain, exec } = scope;
  const enteredPrev = chain.last;
  const enteredId = chain.emit(ENTERED_EVENT[node.Type], () => stateEntered(node.name, input));
  const EnteredTime = exec.deps.clock.now().toISOString();
  const retriers = 'Retry' in node ? node.Retry : [];
  const attempts: number[] = [];
  for (let retryCount = 0; ; retryCount++) {
    const state: StateContext = 'Retry' in node ? { Name: node.name, EnteredTime, RetryCount: retryCount } : { Name: node.name, EnteredTime };
    const base = new StateRun(scope, node.name, enteredId, state, input, input, input, taskToken(node, scope));
    let error: StatesError;
    try {
      return await attempt(node, base);
    } catch (thrown) {
      if (scope.signal.aborted || thrown instanceof AbortedError) throw aborted(node, scope, thrown);
      error = toStatesError(thrown);
    }
    reportEvaluation(node, scope, error, enteredPrev);
    const decision = retryDecision(retriers, attempts, error, node.Type === 'Task', exec.deps.random);
    if (decision.retry) {
      await backOff(node, scope, decision.delayMs);
      continue;
    }
    const failedEvent = FAILED_EVENT[node.Type];
    if (failedEvent && error.catchable) chain.emit(failedEvent);
    const catcher = findCatcher(node, error);
    if (!catcher) throw error;
    return exit(node, scope, base, await caught(node, scope, base, catcher, error, enteredPrev), catcher.Next);
  }
}

/** The catcher's output; a failure evaluating it fails the state like any evaluation error. */
async function caught(node: StateNode, scope: Scope, run: StateRun, catcher: Catcher, error: StatesError, enteredPrev: number): Promise<Finished> {
  try {
    return await catchOutput(catcher, run, error);
  } catch (thrown) {
    const failure = toStatesError(thrown);
    reportEvaluation(node, scope, failure, enteredPrev);
    throw failure;
  }
}
