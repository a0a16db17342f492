// Builds TaskInvocations the way the engine's Task state does: resolve the ARN, then invoke with args.
import type { TaskInvocation, TaskRunner } from '../../../src/engine/integrations/types';
import type { ExecutionIdentity } from '../../../src/engine/runtime/types';

const EXECUTION: ExecutionIdentity = {
  executionArn: 'arn:aws:states:us-east-1:000000000000:execution:parent:run-1',
  executionName: 'run-1',
  stateMachineArn: 'arn:aws:states:us-east-1:000000000000:stateMachine:parent',
  stateMachineName: 'parent',
  roleArn: 'arn:aws:iam::000000000000:role/sfn',
  startTime: new Date('2024-05-06T07:08:09.000Z'),
  type: 'STANDARD',
  redriveCount: 0,
};

export function invocation(
  runner: TaskRunner,
  arn: string,
  args: unknown,
  extra: { signal?: AbortSignal; onSubmitted?: (output: unknown) => void } = {},
): TaskInvocation {
  const resolved = runner.resolve(arn);
  if ('unrecognized' in resolved) throw new Error(resolved.unrecognized);
  return {
    resource: resolved,
    args,
    execution: EXECUTION,
    stateName: 'Task',
    signal: extra.signal ?? new AbortController().signal,
    onSubmitted: extra.onSubmitted,
  };
}

/** The StatesError a failed invoke rejected with, as {error, cause}. */
export async function failureOf(promise: Promise<unknown>): Promise<{ error: string; cause: string | undefined }> {
  try {
    await promise;
  } catch (thrown) {
    const e = thrown as { error?: string; cause?: string };
    return { error: String(e.error), cause: e.cause };
  }
  throw new Error('expected the task to fail');
}
