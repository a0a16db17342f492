// Mocked service integrations (Step Functions Local, "Using mocked service integrations"): a Task state named
// in the execution's test case never calls its service; its n-th invocation gets the n-th mocked response,
// Return as the task result (ResultSelector/ResultPath/Output still apply) or Throw as the task's error.
// States the test case does not name call the real integration. A mocked `.waitForTaskToken` task does not
// wait: Step Functions Local generates its token and the Return answers the callback at once [UNCONFIRMED:
// the mocked value is also what TaskSubmitted shows].
import { StatesError, StatesErrorName, checkTaskResult, type TaskInvocation, type TaskRunner } from '../engine';
import { findTestCase, type MockConfig } from './mock-config';
import { outcomeFor, type MockedResponse } from './mocked-response';

/** Which test case of which state machine an invocation belongs to; undefined = not mocked. */
export interface MockSelection {
  readonly stateMachineName: string;
  readonly testCase: string;
}

export type PickTestCase = (invocation: TaskInvocation) => MockSelection | undefined;

export interface MockedTaskRunner extends TaskRunner {
  /** Drops the invocation counters of an execution that has ended (keeps memory bounded). */
  forget(executionArn: string): void;
}

export function withMocks(inner: TaskRunner, config: MockConfig, pick: PickTestCase): MockedTaskRunner {
  const counters = new InvocationCounters();
  return {
    resolve: (arn) => inner.resolve(arn),
    async invoke(invocation) {
      const selection = pick(invocation);
      const response = selection && findTestCase(config, selection.stateMachineName, selection.testCase)?.get(invocation.stateName);
      if (!response) return inner.invoke(passTestCaseOn(invocation, selection, config));
      invocation.signal.throwIfAborted();
      const n = counters.next(invocation.execution.executionArn, invocation.stateName);
      return mockedResult(response, n, invocation);
    },
    forget: (executionArn) => counters.forget(executionArn),
  };
}

function mockedResult(response: MockedResponse, invocation: number, task: TaskInvocation): unknown {
  const outcome = outcomeFor(response, invocation);
  // The docs: "you must specify a mocked response for every invocation ... If you do not specify a mocked
  // response, the state machine execution will fail." [UNCONFIRMED] error name and cause: we fail with the
  // uncatchable States.Runtime (so the execution fails as documented), cause worded like LocalStack's.
  if (!outcome) {
    throw new StatesError(
      StatesErrorName.Runtime,
      `No mocked response definition for state '${task.stateName}' and invocation number '${invocation}' (mocked response '${response.name}' ends at invocation ${lastInvocation(response)}).`,
    );
  }
  if (outcome.kind === 'Throw') throw new StatesError(outcome.error, outcome.cause);
  checkTaskResult(outcome.value, task.resource);
  // A copy: the engine must not be able to change the configuration through a result it transforms.
  const value = structuredClone(outcome.value);
  task.answerCallback?.({ status: 'SUCCEEDED', output: structuredClone(value) });
  return value;
}

/**
 * A child workflow started by the Task (states:startExecution, aws-sdk:sfn:startExecution/startSyncExecution)
 * runs its own state machine: it gets the parent's case name appended to its ARN when the file defines that
 * case for the child's machine, so the service records it like any `#Case` start.
 */
function passTestCaseOn(invocation: TaskInvocation, selection: MockSelection | undefined, config: MockConfig): TaskInvocation {
  const { resourceType, resource } = invocation.resource;
  const startsChild = (resourceType === 'states' || resourceType === 'aws-sdk:sfn') && /^start(Sync)?Execution/.test(resource);
  if (!selection || !startsChild) return invocation;
  const args = invocation.args as Record<string, unknown> | null;
  const key = args && typeof args === 'object' ? ['StateMachineArn', 'stateMachineArn'].find((k) => typeof args[k] === 'string') : undefined;
  if (!args || !key || (args[key] as string).includes('#')) return invocation;
  const childName = (args[key] as string).split(':').pop() ?? '';
  if (!findTestCase(config, childName, selection.testCase)) return invocation;
  return { ...invocation, args: { ...args, [key]: `${args[key] as string}#${selection.testCase}` } };
}

function lastInvocation(response: MockedResponse): number {
  return response.steps[response.steps.length - 1].last;
}

// Step Functions Local counts per state per execution: retries, re-entries (loops) and the iterations of an
// inline Map all advance the same counter — hence its advice to set MaxConcurrency 1 on Map states for
// predictable responses. Each child execution (Distributed Map child, StartExecution child) has its own ARN,
// so its counters start at 0. (LocalStack instead indexes by the state's RetryCount; we follow SFL's docs.)
class InvocationCounters {
  private readonly byExecution = new Map<string, Map<string, number>>();

  next(executionArn: string, stateName: string): number {
    let states = this.byExecution.get(executionArn);
    if (!states) this.byExecution.set(executionArn, (states = new Map<string, number>()));
    const n = states.get(stateName) ?? 0;
    states.set(stateName, n + 1);
    return n;
  }

  forget(executionArn: string): void {
    this.byExecution.delete(executionArn);
  }
}
