// StopExecution (https://docs.aws.amazon.com/step-functions/latest/apireference/API_StopExecution.html).
// Aborts the run's signal with the StopReason: the engine records ExecutionAborted (details {} when no
// error/cause, recorded) and the execution ends ABORTED before this returns.
import type { StopExecutionInput, StopExecutionOutput } from '@aws-sdk/client-sfn';
import { requireExecution } from '../lookups';
import { defineOperation } from '../operation';
import * as S from '../shapes';
import { optional } from '../wire';

export const stopExecution = defineOperation<StopExecutionInput, StopExecutionOutput>({
  input: S.structure({ executionArn: S.Arn, error: S.SensitiveError, cause: S.SensitiveCause }, ['executionArn']),
  async handle(ctx, input) {
    const execution = requireExecution(ctx, input.executionArn as string);
    if (ctx.runner.isRunning(execution.arn)) {
      await ctx.runner.stop(execution.arn, { ...optional('error', input.error), ...optional('cause', input.cause) });
    }
    // [UNCONFIRMED] Stopping an execution that already ended changes nothing and returns its stop date.
    const stopped = ctx.store.getExecution(execution.arn);
    return { stopDate: stopped?.stopDate ?? ctx.clock.now() };
  },
});
