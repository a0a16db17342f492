// RedriveExecution (https://docs.aws.amazon.com/step-functions/latest/apireference/API_RedriveExecution.html,
// docs/aws-behaviour.md#redrive): a FAILED / ABORTED / TIMED_OUT STANDARD execution of the last 14 days continues, under the same
// ARN, definition and input, at the top-level state that did not succeed, with that state's original input and
// the variables as they were; its history continues with ExecutionRedriven. A failed Distributed Map inside it
// redrives its Map Run (only the items that did not succeed run again, map-runs.ts); a failed top-level Parallel
// / Inline Map re-runs only the branches / iterations that did not succeed (engine redrive-progress.ts). The
// last 10 client tokens are idempotent for 15 minutes.
import type { RedriveExecutionInput, RedriveExecutionOutput } from '@aws-sdk/client-sfn';
import { parseStatesArn, stateMachineNameOf } from '../arns';
import { ExecutionNotRedrivable, InvalidArn } from '../errors';
import { requireExecution } from '../lookups';
import { defineOperation, type OperationContext } from '../operation';
import { redriveStatus } from '../redrive-status';
import * as S from '../shapes';
import type { ExecutionRecord } from '../../store/store';
import { redriveRun } from '../../runs/start-run';

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
      throw new ExecutionNotRedrivable(
        status.redriveStatusReason ?? 'Execution is a Map Run child execution and can only be redriven by redriving its parent execution.',
      );
    }
    const { revision, resumePoint } = execution;
    if (!revision || !resumePoint) throw new ExecutionNotRedrivable(`Execution '${execution.arn}' never entered a state and cannot be redriven.`);
    rerunTestCase(ctx, execution);
    const redriveCount = (execution.redriveCount ?? 0) + 1;
    const tokens = [...liveTokens(execution, now), ...(input.clientToken !== undefined ? [{ token: input.clientToken, date: now }] : [])];
    ctx.store.updateExecution(execution.arn, { redriveCount, redriveDate: now, redriveTokens: tokens.slice(-TOKENS_KEPT) });
    redriveRun(ctx, execution, revision, {
      stateName: resumePoint.stateName,
      input: JSON.parse(resumePoint.input) as unknown,
      variables: JSON.parse(resumePoint.variables) as Record<string, unknown>,
      ...(resumePoint.completed ? { completed: parseCompleted(resumePoint.completed) } : {}),
      lastEventId: history.at(-1)?.id ?? 0,
      redriveCount,
    });
    return { redriveDate: now };
  },
});

function liveTokens(execution: ExecutionRecord, now: Date): readonly { token: string; date: Date }[] {
  return (execution.redriveTokens ?? []).filter((t) => now.getTime() - t.date.getTime() <= TOKEN_TTL_MS);
}

/** Branch / iteration outputs kept as JSON text per index (runs/execution-runner.ts storedPoint). */
function parseCompleted(completed: Readonly<Record<string, string>>): Record<number, unknown> {
  return Object.fromEntries(Object.entries(completed).map(([index, output]) => [Number(index), JSON.parse(output) as unknown]));
}

/**
 * The test case (`#Case`) of the original start applies again, and through it to the Distributed Map children
 * the redrive re-runs. A mock configuration that no longer defines it refuses the redrive rather than letting
 * real integrations run where mocks did [UNCONFIRMED: Step Functions Local's behaviour is not documented].
 */
function rerunTestCase(ctx: OperationContext, execution: ExecutionRecord): void {
  const { testCase } = execution;
  if (testCase === undefined) return;
  const started = `Execution '${execution.arn}' ran test case '${testCase}'`;
  if (!ctx.testCases) throw new ExecutionNotRedrivable(`${started}, but no mock configuration file is loaded (set SFN_MOCK_CONFIG).`);
  try {
    ctx.testCases.start(execution.arn, stateMachineNameOf(parseStatesArn(execution.stateMachineArn, ['stateMachine'])), testCase);
  } catch (err) {
    if (!(err instanceof InvalidArn)) throw err;
    throw new ExecutionNotRedrivable(`${started}, which the loaded mock configuration file does not define for its state machine.`);
  }
}
