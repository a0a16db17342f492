// Task (docs/aws-behaviour.md#task-state, #service-integrations): schedules the integration through the TaskRunner port and records TaskScheduled →
// TaskStarted → [TaskSubmitted] → TaskSucceeded | TaskFailed | TaskTimedOut (LambdaFunction* for legacy
// Lambda ARNs). TimeoutSeconds always applies; HeartbeatSeconds only to `.sync`/`.waitForTaskToken` tasks,
// the only ones that heartbeat. Both expire as States.Timeout with no cause (recorded). A `.waitForTaskToken`
// task submits the call (TaskSubmitted with its response), then waits for its token's callback through the
// CallbackPort: TaskSucceeded carries SendTaskSuccess's output, TaskFailed SendTaskFailure's error and cause.
// An activity ARN queues the task for workers through the same port (Activity* events, activity-events.ts).
import { expireAfter } from '../runtime/clock';
import type { TaskState } from '../definition/types';
import { HeartbeatTimeoutError } from '../errors/states-error-kinds';
import { StatesError, StatesErrorName, stateErrorPrefix, toStatesError } from '../errors/states-error';
import type { CallbackOutcome, ScheduledActivity } from '../integrations/callbacks';
import type { TaskInvocation } from '../integrations/types';
import { AbortedError, SCOPE_FINISHED, childController, raceSignal } from '../runtime/abort';
import { checkTaskResult } from '../runtime/data-limit';
import { evaluatePayload } from '../runtime/payload';
import type { StateRun } from '../runtime/state-run';
import { taskEvents, type TaskEvents, type Timers } from './task/task-events';
import { taskTimers } from './task/task-timers';
import { awaitActivity } from './task/activity-wait';
import { answerable, awaitCallback } from './task/callback-wait';
import { TimedOut } from './task/timed-out';
import type { StateHandler } from './types';

interface Deadline {
  readonly ms: number;
  readonly error: () => StatesError;
}

function deadline(node: TaskState, timers: Timers): Deadline | undefined {
  // A callback task's heartbeat restarts with each SendTaskHeartbeat: awaitCallback keeps that timer.
  const heartbeat = node.resource.pattern === 'RUN_JOB' ? timers.heartbeatSeconds : undefined;
  const timeout = timers.timeoutSeconds;
  if (heartbeat !== undefined && (timeout === undefined || heartbeat < timeout)) {
    return { ms: heartbeat * 1000, error: () => new HeartbeatTimeoutError() };
  }
  return timeout === undefined ? undefined : { ms: timeout * 1000, error: () => new StatesError(StatesErrorName.Timeout) };
}

const NO_TIMERS: Timers = {};

/** Races the invocation against its deadline; on expiry the invocation is cancelled through its signal. */
async function withDeadline(task: Promise<unknown>, limit: Deadline, run: StateRun, cancel: AbortController): Promise<unknown> {
  const timer = new AbortController();
  const expiry = expireAfter(run.deps.clock, limit.ms, timer.signal).then(
    () => Promise.reject(new TimedOut(limit.error())),
    // Cancelled because the task settled first: never settle, the race is already decided.
    () => new Promise<never>(() => undefined),
  );
  try {
    return await Promise.race([task, expiry]);
  } catch (thrown) {
    if (thrown instanceof TimedOut) {
      cancel.abort(thrown.error);
      task.catch(() => undefined);
    }
    throw thrown;
  } finally {
    timer.abort(SCOPE_FINISHED);
  }
}

function invocationOf(
  node: TaskState,
  run: StateRun,
  events: TaskEvents,
  signal: AbortSignal,
  answerCallback?: (outcome: CallbackOutcome) => void,
): TaskInvocation {
  return {
    ...(answerCallback && { answerCallback }),
    resource: node.resource,
    args: run.args,
    execution: run.scope.exec.identity,
    stateName: run.stateName,
    signal,
    onSubmitted: (output) => events.submitted(output),
    ...(run.taskToken !== undefined && { taskToken: run.taskToken }),
  };
}

/**
 * `.waitForTaskToken`: the integration's response is only the submission; the result is the callback's. The
 * heartbeat timer runs from the start, so a call that never returns also times out; a worker may answer
 * before the call returns, and TaskSubmitted is still recorded first.
 */
async function invokeAndWait(node: TaskState, run: StateRun, timers: Timers, events: TaskEvents, signal: AbortSignal): Promise<unknown> {
  const { callbacks } = run.deps;
  if (!callbacks || run.taskToken === undefined) throw new StatesError(StatesErrorName.Runtime, 'Task tokens are not available to this execution');
  const { callback, answer } = answerable(callbacks.listen(run.taskToken));
  const cancel = childController(signal);
  // On cancel.signal: ending the attempt (finally) also stops the heartbeat timer and the wait.
  const waiting = awaitCallback(callback, timers.heartbeatSeconds, run.deps.clock, cancel.signal);
  waiting.catch(() => undefined);
  try {
    const call = Promise.resolve()
      .then(() => run.deps.tasks.invoke(invocationOf(node, run, events, cancel.signal, answer)))
      .then((submitted) => {
        checkTaskResult(submitted, node.resource);
        return submitted;
      });
    events.submitted(await Promise.race([call, waiting.then(() => call)]));
    return await waiting;
  } finally {
    callback.close();
    if (!cancel.signal.aborted) cancel.abort(SCOPE_FINISHED);
  }
}

/** Queues an activity task; an activity that does not exist fails the state before anything is scheduled (recorded). */
function scheduleActivity(node: TaskState, run: StateRun): ScheduledActivity {
  const activity = run.deps.callbacks?.scheduleActivity(node.resource.arn, run.args, run.scope.exec.identity.executionArn);
  if (activity) return activity;
  throw new StatesError(StatesErrorName.Runtime, `${stateErrorPrefix(run.stateName, run.enteredEventId)}The activity ${node.resource.arn} does not exist.`);
}

async function invoke(node: TaskState, run: StateRun, timers: Timers, events: TaskEvents, activity?: ScheduledActivity): Promise<unknown> {
  const call = (signal: AbortSignal) => {
    if (activity) return awaitActivity(activity, run, timers, events, signal);
    if (node.resource.pattern === 'WAIT_FOR_TASK_TOKEN') return invokeAndWait(node, run, timers, events, signal);
    return run.deps.tasks.invoke(invocationOf(node, run, events, signal));
  };
  const start = (signal: AbortSignal) =>
    raceSignal(
      Promise.resolve().then(() => call(signal)),
      run.signal,
    );
  const limit = deadline(node, timers);
  // Without a deadline nothing but the state's own signal can cancel the call: no controller of its own.
  if (!limit) return start(run.signal);
  const cancel = childController(run.signal);
  try {
    return await withDeadline(start(cancel.signal), limit, run, cancel);
  } finally {
    if (!cancel.signal.aborted) cancel.abort(SCOPE_FINISHED);
  }
}

async function roleArn(node: TaskState, run: StateRun): Promise<string | undefined> {
  if (!node.Credentials) return undefined;
  const credentials = (await evaluatePayload(node.Credentials, run.effective, run.evalScope())) as { RoleArn?: unknown };
  return typeof credentials?.RoleArn === 'string' ? credentials.RoleArn : undefined;
}

export const taskHandler: StateHandler<'Task'> = {
  async execute(node, run) {
    // Most tasks set neither timer nor Credentials: no promises for them.
    const timers = node.TimeoutSeconds || node.HeartbeatSeconds ? await taskTimers(node, run) : NO_TIMERS;
    const events = taskEvents(node.resource, run.scope.chain, run.deps.region);
    const activity = node.resource.pattern === 'ACTIVITY' ? scheduleActivity(node, run) : undefined;
    events.scheduled(run.args, timers, node.Credentials ? await roleArn(node, run) : undefined);
    // An activity starts when a worker takes it.
    if (!activity) events.started();
    let result: unknown;
    try {
      result = await invoke(node, run, timers, events, activity);
      checkTaskResult(result, node.resource);
    } catch (thrown) {
      if (thrown instanceof AbortedError || run.signal.aborted) throw thrown;
      if (thrown instanceof TimedOut) {
        events.timedOut(thrown.error);
        throw thrown.error;
      }
      const error = toStatesError(thrown);
      events.failed(error);
      throw error;
    }
    events.succeeded(result);
    return { hasResult: true, result };
  },
};
