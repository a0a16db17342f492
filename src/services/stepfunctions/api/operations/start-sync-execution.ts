// StartSyncExecution (https://docs.aws.amazon.com/step-functions/latest/apireference/API_StartSyncExecution.html).
// EXPRESS only (STANDARD → StateMachineTypeNotSupported). Always HTTP 200: a failed run is `status: FAILED`
// with error/cause; billingDetails bills 64 MB and the duration rounded up to 100 ms (docs/aws-behaviour.md#express-and-standard-workflows).
import type { StartSyncExecutionInput, StartSyncExecutionOutput, SyncExecutionStatus } from '@aws-sdk/client-sfn';
import { StateMachineTypeNotSupported } from '../errors';
import { parseExecutionInput } from '../execution-input';
import { defineOperation } from '../operation';
import * as S from '../shapes';
import { startRun } from '../../runs/start-run';
import { optional } from '../wire';
import { resolveStart, startExecutionInput } from './start-execution';

const BILLED_MEMORY_MB = 64;
const BILLING_GRANULARITY_MS = 100;

export const startSyncExecution = defineOperation<StartSyncExecutionInput, StartSyncExecutionOutput>({
  input: S.structure({ ...startExecutionInput.members, includedData: S.IncludedData }, startExecutionInput.required),
  async handle(ctx, input) {
    const { sm, name, testCase, target } = resolveStart(ctx, input);
    if (sm.type !== 'EXPRESS') throw new StateMachineTypeNotSupported();
    const executionInput = parseExecutionInput(input.input);
    const arn = ctx.arns.express(sm.name, name, ctx.uuid());
    const started = startRun(ctx, { target, arn, name, input: executionInput, traceHeader: input.traceHeader, sync: true, testCase });
    const { outcome, output, startDate, stopDate } = await started.done;
    const included = input.includedData !== 'METADATA_ONLY';
    const durationMs = stopDate.getTime() - startDate.getTime();
    return {
      executionArn: arn,
      stateMachineArn: sm.arn,
      name,
      startDate,
      stopDate,
      status: syncStatus(outcome.status),
      ...optional('error', outcome.error),
      ...optional('cause', outcome.cause),
      ...(included ? { input: executionInput.text } : {}),
      inputDetails: { included },
      ...(included ? optional('output', output) : {}),
      // Recorded: a FAILED response still carries outputDetails {included: true} without output.
      outputDetails: { included },
      ...optional('traceHeader', input.traceHeader),
      billingDetails: {
        billedMemoryUsedInMB: BILLED_MEMORY_MB,
        billedDurationInMilliseconds: Math.max(1, Math.ceil(durationMs / BILLING_GRANULARITY_MS)) * BILLING_GRANULARITY_MS,
      },
    };
  },
});

/** SyncExecutionStatus has no ABORTED: a sync run stopped by endpoint shutdown reports FAILED. */
function syncStatus(status: string): SyncExecutionStatus {
  return status === 'SUCCEEDED' || status === 'TIMED_OUT' ? status : 'FAILED';
}
