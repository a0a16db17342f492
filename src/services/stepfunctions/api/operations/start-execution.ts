// StartExecution (https://docs.aws.amazon.com/step-functions/latest/apireference/API_StartExecution.html).
// Returns at once; the run completes in the background. Same name + same input while RUNNING returns the
// same ARN and startDate; otherwise a reused name is ExecutionAlreadyExists (docs/aws-behaviour.md#api-operations). EXPRESS
// executions get `…:express:<sm>:<name>:<uuid>` ARNs and no name check (AWS does not dedupe them). Started
// through a version or alias ARN, the execution ARN still names the state machine (recorded).
import type { StartExecutionInput, StartExecutionOutput } from '@aws-sdk/client-sfn';
import { ExecutionAlreadyExists, StateMachineDeleting } from '../errors';
import { parseExecutionInput } from '../execution-input';
import { checkName } from '../names';
import { defineOperation, type OperationContext } from '../operation';
import * as S from '../shapes';
import { startRun } from '../../runs/start-run';
import type { StateMachineRecord } from '../../store/store';
import { splitTestCase } from '../../runs/test-cases';
import { resolveTarget, type ExecutionTarget } from '../versions';

export const startExecutionInput = S.structure({ stateMachineArn: S.Arn, name: S.Name, input: S.SensitiveData, traceHeader: S.TraceHeader }, [
  'stateMachineArn',
]);

export const startExecution = defineOperation<StartExecutionInput, StartExecutionOutput>({
  input: startExecutionInput,
  handle(ctx, input) {
    const { sm, name, testCase, target } = resolveStart(ctx, input);
    const executionInput = parseExecutionInput(input.input);
    const arn = sm.type === 'EXPRESS' ? ctx.arns.express(sm.name, name, ctx.uuid()) : ctx.arns.execution(sm.name, name);
    const existing = ctx.store.getExecution(arn);
    if (existing) {
      if (existing.status === 'RUNNING' && existing.input === executionInput.text) return { executionArn: arn, startDate: existing.startDate };
      throw new ExecutionAlreadyExists(arn);
    }
    const { startDate } = startRun(ctx, { target, arn, name, input: executionInput, traceHeader: input.traceHeader, testCase });
    return { executionArn: arn, startDate };
  },
});

/**
 * The checks StartExecution and StartSyncExecution share: state machine (or a version or alias of it: an
 * alias picks its version by weight), its status, the name.
 */
export function resolveStart(
  ctx: OperationContext,
  input: StartExecutionInput,
): { sm: StateMachineRecord; name: string; testCase?: string; target: ExecutionTarget } {
  const { stateMachineArn, testCase } = splitTestCase(input.stateMachineArn as string);
  const target = resolveTarget(ctx, stateMachineArn);
  const { sm } = target;
  if (sm.status === 'DELETING') throw new StateMachineDeleting(sm.arn);
  return { sm, name: input.name === undefined ? ctx.uuid() : checkName(input.name), testCase, target };
}
