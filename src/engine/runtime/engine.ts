// Runs one execution to completion and reports it through the HistoryRecorder (docs/aws-behaviour.md#history-events). run() never
// rejects for workflow failures: it resolves FAILED / TIMED_OUT / ABORTED with error and cause after the
// terminal event. ExecutionStarted, the first state's Entered event, ExecutionAborted and ExecutionTimedOut
// all point at 0 (recorded; floci measured the TimedOut case).
import { setMaxListeners } from 'node:events';
import { expireAfter } from './clock';
import type { StateMachineDefinition } from '../definition/types';
import { reportedErrorName } from '../errors/states-error-kinds';
import { StatesErrorName, toStatesError } from '../errors/states-error';
import { errorFields, executionStarted, executionSucceeded } from '../history/event-details';
import { EventChain, EventLog } from '../history/event-log';
import { AbortedError, SCOPE_FINISHED, StopAbort, TimeoutAbort, raceSignal } from './abort';
import { executionContext } from './context-object';
import { RedriveProgress } from './redrive-progress';
import { runProgram, type ProgramHooks } from './run-program';
import type { ExecutionRuntime, Scope } from './scope';
import type { EngineDeps, ExecutionIdentity, ExecutionOutcome, HistoryRecorder, StopReason } from './types';
import { VariableScope } from './variables';

/** EXPRESS executions end after 5 minutes of workflow time (docs/aws-behaviour.md#express-and-standard-workflows). */
const EXPRESS_LIMIT_SECONDS = 300;

/** `D` is the parsed definition; a service's port may carry its own opaque definition type through it. */
export interface ExecutionRequest<D = StateMachineDefinition> {
  readonly definition: D;
  readonly input: unknown;
  readonly identity: ExecutionIdentity;
  readonly history: HistoryRecorder;
  /** Aborted with a StopReason as `reason` (StopExecution) → ExecutionAborted. */
  readonly signal?: AbortSignal;
  /** RedriveExecution: continue the recorded history at the state that failed instead of starting over. */
  readonly resume?: ResumePoint;
  /** Receives the top-level state about to run, so a later redrive can resume there. */
  readonly checkpoint?: (checkpoint: Checkpoint) => void;
  /** A branch / iteration of the last checkpointed state (a Parallel or Inline Map) succeeded with this output. */
  readonly iterationSucceeded?: (index: number, output: unknown) => void;
}

/** A top-level state about to run: its input and the top-level variables as they were then. */
export interface Checkpoint {
  readonly stateName: string;
  readonly input: unknown;
  readonly variables: Readonly<Record<string, unknown>>;
  /** Parallel / Inline Map: the branches / iterations that succeeded (index → output); a redrive skips them. */
  readonly completed?: Readonly<Record<number, unknown>>;
}

export interface ResumePoint extends Checkpoint {
  /** Id of the last event of the recorded history; new events keep counting from it. */
  readonly lastEventId: number;
  /** `ExecutionRedriven {redriveCount}`; identity.redriveCount should carry the same number. */
  readonly redriveCount: number;
}

function stopReason(reason: unknown): StopReason {
  const { error, cause } = (reason ?? {}) as { error?: unknown; cause?: unknown };
  return { error: typeof error === 'string' ? error : undefined, cause: typeof cause === 'string' ? cause : undefined };
}

function timeLimitSeconds(request: ExecutionRequest): number | undefined {
  const limits = [request.definition.timeoutSeconds, request.identity.type === 'EXPRESS' ? EXPRESS_LIMIT_SECONDS : undefined];
  const set = limits.filter((s): s is number => s !== undefined);
  return set.length > 0 ? Math.min(...set) : undefined;
}

export class Engine {
  constructor(private readonly deps: EngineDeps) {}

  async run(request: ExecutionRequest): Promise<ExecutionOutcome> {
    const { deps } = this;
    const { log, firstEventId } = openLog(request, deps);
    const controller = new AbortController();
    // The execution's signal: the engine, the running Task and the integration under it each listen on it.
    setMaxListeners(0, controller.signal);
    const stop = () => controller.abort(new StopAbort(stopReason(request.signal?.reason)));
    if (request.signal?.aborted) stop();
    request.signal?.addEventListener('abort', stop, { once: true });
    const timer = new AbortController();
    const limit = timeLimitSeconds(request);
    if (limit !== undefined)
      expireAfter(deps.clock, limit * 1000, timer.signal).then(
        () => controller.abort(new TimeoutAbort()),
        () => undefined,
      );
    const exec: ExecutionRuntime = { deps, identity: request.identity, context: executionContext(request.identity, request.input), log, runProgram };
    const variables = new VariableScope();
    if (request.resume) variables.assign(request.resume.variables);
    const redrive = request.checkpoint || request.resume ? new RedriveProgress(request) : undefined;
    const scope: Scope = { exec, chain: new EventChain(log, firstEventId), variables, signal: controller.signal, redrive };
    const program = runProgram(request.definition.program, request.resume ? request.resume.input : request.input, scope, programHooks(request, scope));
    try {
      const output = await raceSignal(program, controller.signal);
      log.close('ExecutionSucceeded', scope.chain.last, () => executionSucceeded(output));
      return { status: 'SUCCEEDED', output };
    } catch (thrown) {
      return finish(thrown, controller.signal, log, scope);
    } finally {
      timer.abort(SCOPE_FINISHED);
      request.signal?.removeEventListener('abort', stop);
      // Tell still-running states to stop (a task that ignored its signal may settle later; nothing is recorded then).
      if (!controller.signal.aborted) controller.abort(new StopAbort({}));
      program.catch(() => undefined);
    }
  }
}

/**
 * A new history starts with ExecutionStarted; a redriven one continues after its last event with
 * ExecutionRedriven, which the resumed state's Entered event points at [UNCONFIRMED: AWS's previousEventId
 * for both is not recorded; the last event and ExecutionRedriven are used].
 */
function openLog(request: ExecutionRequest, deps: EngineDeps): { log: EventLog; firstEventId: number } {
  const { resume } = request;
  const log = new EventLog(request.history, deps.clock, resume?.lastEventId ?? 0);
  if (!resume) {
    log.append('ExecutionStarted', 0, () => executionStarted(request.input, request.identity.roleArn, request.identity));
    return { log, firstEventId: 0 };
  }
  const id = log.append('ExecutionRedriven', resume.lastEventId, { executionRedrivenEventDetails: { redriveCount: resume.redriveCount } });
  return { log, firstEventId: id };
}

function programHooks(request: ExecutionRequest, scope: Scope): ProgramHooks {
  const { redrive } = scope;
  return {
    from: request.resume?.stateName,
    beforeState: redrive ? (stateName, input) => redrive.beforeState({ stateName, input, variables: scope.variables.snapshot() }) : undefined,
  };
}

function finish(thrown: unknown, signal: AbortSignal, log: EventLog, scope: Scope): ExecutionOutcome {
  const reason = thrown instanceof AbortedError ? thrown.reason : signal.aborted ? (signal.reason as unknown) : undefined;
  if (reason instanceof StopAbort) {
    const { error, cause } = reason.reason;
    log.close('ExecutionAborted', 0, { executionAbortedEventDetails: errorFields(error, cause) });
    return { status: 'ABORTED', ...errorFields(error, cause) };
  }
  if (reason instanceof TimeoutAbort) {
    // DescribeExecution shows no error/cause for TIMED_OUT (recorded); the event names the error [UNCONFIRMED].
    log.close('ExecutionTimedOut', 0, { executionTimedOutEventDetails: { error: StatesErrorName.Timeout } });
    return { status: 'TIMED_OUT' };
  }
  const error = toStatesError(thrown);
  const fields = errorFields(reportedErrorName(error), error.cause);
  log.close('ExecutionFailed', scope.chain.last, { executionFailedEventDetails: fields });
  return { status: 'FAILED', ...fields };
}
