// Starting an execution of a stored state machine (StartExecution, StartSyncExecution).
import type { ExecutionInput } from '../api/execution-input';
import type { StartedExecution } from './execution-runner';
import type { OperationContext } from '../api/operation';
import type { ExecutionTarget } from '../api/versions';
import { recordTestCase } from './test-cases';

export interface RunOptions {
  readonly arn: string;
  readonly name: string;
  readonly input: ExecutionInput;
  readonly traceHeader?: string;
  readonly sync?: boolean;
  /** MockConfigFile test case from `#Case` on the state machine ARN. */
  readonly testCase?: string;
}

export function startStateMachineRun(ctx: OperationContext, target: ExecutionTarget, options: RunOptions): StartedExecution {
  const { sm, revision } = target;
  recordTestCase(ctx.testCases, options.arn, sm.name, options.testCase);
  return ctx.runner.start({
    ...options,
    stateMachineArn: sm.arn,
    stateMachineName: sm.name,
    type: sm.type,
    roleArn: revision.roleArn,
    definition: ctx.definitions.forRevision(revision, sm.type),
    revision,
    stateMachineVersionArn: target.versionArn,
    stateMachineAliasArn: target.aliasArn,
    // EXPRESS executions are neither describable nor listable: nothing to keep (docs/aws-behaviour.md#express-and-standard-workflows).
    retention: sm.type === 'STANDARD' ? 'full' : 'none',
  });
}
