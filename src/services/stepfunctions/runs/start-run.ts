// The service's run starter: StartExecution, StartSyncExecution and RedriveExecution hand it what their
// request names, and it adds what the runner needs from the stored state machine (its revision's role and
// parsed definition) before the runner starts the execution.
import type { ResumePoint } from '../../../engine';
import { parseStatesArn, stateMachineNameOf } from '../api/arns';
import type { ExecutionInput } from '../api/execution-input';
import type { OperationContext } from '../api/operation';
import type { ExecutionTarget } from '../api/versions';
import type { ExecutionRecord, StateMachineRevision } from '../store/store';
import type { StartedExecution } from './execution-runner';
import { recordTestCase } from './test-cases';

/** What StartExecution / StartSyncExecution start, once their checks have passed. */
export interface StartRunRequest {
  /** The state machine, or the version or alias of it, the request named. */
  readonly target: ExecutionTarget;
  readonly arn: string;
  readonly name: string;
  readonly input: ExecutionInput;
  readonly traceHeader?: string;
  /** StartSyncExecution. */
  readonly sync?: boolean;
  /** MockConfigFile test case from `#Case` on the state machine ARN. */
  readonly testCase?: string;
}

export function startRun(ctx: OperationContext, request: StartRunRequest): StartedExecution {
  const { target, ...execution } = request;
  const { sm, revision } = target;
  recordTestCase(ctx.testCases, execution.arn, sm.name, execution.testCase);
  return ctx.runner.start({
    ...execution,
    stateMachine: { arn: sm.arn, name: sm.name, type: sm.type, roleArn: revision.roleArn, revision, versionArn: target.versionArn, aliasArn: target.aliasArn },
    definition: ctx.definitions.forRevision(revision, sm.type),
  });
}

/** RedriveExecution: the recorded execution continues at `resume`, under the same ARN, revision and input. */
export function redriveRun(ctx: OperationContext, execution: ExecutionRecord, revision: StateMachineRevision, resume: ResumePoint): void {
  const inputText = execution.input ?? '{}';
  const name = stateMachineNameOf(parseStatesArn(execution.stateMachineArn, ['stateMachine']));
  ctx.runner.start({
    arn: execution.arn,
    name: execution.name,
    stateMachine: { arn: execution.stateMachineArn, name, type: execution.type, roleArn: revision.roleArn, revision },
    definition: ctx.definitions.forRevision(revision, execution.type),
    input: { text: inputText, value: JSON.parse(inputText) as unknown },
    ...(execution.traceHeader !== undefined ? { traceHeader: execution.traceHeader } : {}),
    ...(execution.testCase !== undefined ? { testCase: execution.testCase } : {}),
    resume,
  });
}
