// Runs one execution to completion and reports it through the HistoryRecorder (spec §7). run() never
// rejects for workflow failures: it resolves FAILED / TIMED_OUT / ABORTED with error and cause after the
// terminal event. ExecutionStarted, the first state's Entered event, ExecutionAborted and ExecutionTimedOut
// all point at 0 (recorded; floci measured the TimedOut case).
import { expireAfter } from './clock';
import type { StateMachineDefinition } from '../definition/types';
import { reportedErrorName } from '../errors/states-error-kinds';
import { StatesErrorName, toStatesError } from '../errors/states-error';
import { errorFields, executionStarted, executionSucceeded } from '../history/event-details';
import { EventChain, EventLog } from '../history/event-log';
import { AbortedError, StopAbort, TimeoutAbort, raceSignal } from './abort';
import { executionContext } from './context-object';
import { runProgram } from './run-program';
import type { ExecutionRuntime, Scope } from './scope';
import type { EngineDeps, ExecutionIdentity, ExecutionOutcome, HistoryRecorder, StopReason } from './types';
import { VariableScope } from './variables';

/** EXPRESS executions end after 5 minutes of workflow time (spec §6). */
const EXPRESS_LIMIT_SECONDS = 300;

export interface ExecutionRequest {
  readonly definition: StateMachineDefinition;
  readonly input: unknown;
  readonly identity: ExecutionIdentity;
  readonly history: HistoryRecorder;
  /** Aborted with a StopReason as `reason` (StopExecution) → ExecutionAborted. */
  readonly signal?: AbortSignal;
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
    const log = new EventLog(request.history, deps.clock);
    log.append('ExecutionStarted', 0, executionStarted(request.input, request.identity.roleArn));
    const controller = new AbortController();
    const stop = () => controller.abort(new StopAbort(stopReason(request.signal?.reason)));
    if (request.signal?.aborted) stop();
    request.signal?.addEventListener('abort', stop, { once: true });
    const timer = new AbortController();
    const limit = timeLimitSeconds(request);
    if (limit !== undefined) expireAfter(deps.clock, limit * 1000, timer.signal).then(() => controller.abort(new TimeoutAbort()), () => undefined);
    const exec: ExecutionRuntime = { deps, identity: request.identity, context: executionContext(request.identity, request.input), log, runProgram };
    const scope: Scope = { exec, chain: new EventChain(log, 0), variables: new VariableScope(), signal: controller.signal };
    const program = runProgram(request.definition.program, request.input, scope);
    try {
      const output = await raceSignal(program, controller.signal);
      log.close('ExecutionSucceeded', scope.chain.last, executionSucceeded(output));
      return { status: 'SUCCEEDED', output };
    } catch (thrown) {
      return finish(thrown, controller.signal, log, scope);
    } finally {
      timer.abort();
      request.signal?.removeEventListener('abort', stop);
      // Tell still-running states to stop (a task that ignored its signal may settle later; nothing is recorded then).
      if (!controller.signal.aborted) controller.abort(new StopAbort({}));
      program.catch(() => undefined);
    }
  }
}

function finish(thrown: unknown, signal: AbortSignal, log: EventLog, scope: Scope): ExecutionOutcome {
  const reason = thrown instanceof AbortedError ? thrown.reason : signal.aborted ? signal.reason : undefined;
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
