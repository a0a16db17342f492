// RedriveExecution (https://docs.aws.amazon.com/step-functions/latest/apireference/API_RedriveExecution.html,
// spec §4.11): a FAILED / ABORTED / TIMED_OUT STANDARD execution of the last 14 days continues, under the same
// ARN, definition and input, at the top-level state that did not succeed, with that state's original input and
// the variables as they were; its history continues with ExecutionRedriven. A failed Distributed Map inside it
// redrives its Map Run (only the items that did not succeed run again, map-runs.ts). The last 10 client tokens
// are idempotent for 15 minutes.
import type { RedriveExecutionInput, RedriveExecutionOutput } from '@aws-sdk/client-sfn';
import { parseStatesArn, stateMachineNameOf } from '../arns';
import { ExecutionNotRedrivable } from '../errors';
import { requireExecution } from '../lookups';
import { defineOperation, type OperationContext } from '../operation';
import { redriveStatus } from '../redrive-status';
import * as S from '../shapes';
import type { ExecutionRecord, StateMachineRevision } from '../store';

const TOKENS_KEPT = 10;
const TOKEN_TTL_MS = 15 * 60 * 1000;

export const redriveExecution = defineOperation<RedriveExecutionInput, RedriveExecutionOutput>({
  input: S.structure({ executionArn: S.Arn, clientToken: S.ClientToken }, ['executionArn']),
  handle(ctx, input) {
    const execution = requireExecution(ctx, input.executionArn as string);
    const now = ctx.clock.now();
    const repeated = input.clientToken === undefined ? undefined : liveTokens(execution, now).find((t) => t.token === input.clientToken);
    if (repeated) return { redriveDate: repeated.date };
    const history = ctx.store.getHistory(execution.arn);
    const status = redriveStatus(execution, history.length, now);
    if (status.redriveStatus !== 'REDRIVABLE') {
      // [UNCONFIRMED] a Map Run child is redriven only through its parent (RedriveExecution on the parent).
      throw new ExecutionNotRedrivable(status.redriveStatusReason ?? 'Execution is a Map Run child execution and can only be redriven by redriving its parent execution.');
    }
    const { revision, resumePoint } = execution;
    if (!revision || !resumePoint) throw new ExecutionNotRedrivable(`Execution '${execution.arn}' never entered a state and cannot be redriven.`);
    const redriveCount = (execution.redriveCount ?? 0) + 1;
    const tokens = [...liveTokens(execution, now), ...(input.clientToken !== undefined ? [{ token: input.clientToken, date: now }] : [])];
    ctx.store.updateExecution(execution.arn, { redriveCount, redriveDate: now, redriveTokens: tokens.slice(-TOKENS_KEPT) });
    restart(ctx, execution, revision, {
      stateName: resumePoint.stateName,
      input: JSON.parse(resumePoint.input) as unknown,
      variables: JSON.parse(resumePoint.variables) as Record<string, unknown>,
      lastEventId: history.at(-1)?.id ?? 0,
      redriveCount,
    });
    return { redriveDate: now };
  },
});

function liveTokens(execution: ExecutionRecord, now: Date): readonly { token: string; date: Date }[] {
  return (execution.redriveTokens ?? []).filter((t) => now.getTime() - t.date.getTime() <= TOKEN_TTL_MS);
}

type Resume = NonNullable<Parameters<OperationContext['runner']['start']>[0]['resume']>;

function restart(ctx: OperationContext, execution: ExecutionRecord, revision: StateMachineRevision, resume: Resume): void {
  const inputText = execution.input ?? '{}';
  ctx.runner.start({
    arn: execution.arn,
    name: execution.name,
    stateMachineArn: execution.stateMachineArn,
    stateMachineName: stateMachineNameOf(parseStatesArn(execution.stateMachineArn, ['stateMachine'])),
    type: execution.type,
    roleArn: revision.roleArn,
    definition: ctx.definitions.forRevision(revision, execution.type),
    input: { text: inputText, value: JSON.parse(inputText) as unknown },
    retention: 'full',
    revision,
    ...(execution.traceHeader !== undefined ? { traceHeader: execution.traceHeader } : {}),
    resume,
  });
}
