// DescribeExecution (https://docs.aws.amazon.com/step-functions/latest/apireference/API_DescribeExecution.html).
// Recorded shape (docs/aws-behaviour.md#api-operations): input/output as JSON strings with `{included: true}` details, redriveCount,
// redriveDate after a RedriveExecution, redriveStatus (+ reason for SUCCEEDED/RUNNING); error/cause only when present; mapRunArn for children.
import type { DescribeExecutionInput, DescribeExecutionOutput } from '@aws-sdk/client-sfn';
import { requireExecution } from '../lookups';
import { defineOperation } from '../operation';
import { redriveStatus } from '../redrive-status';
import * as S from '../shapes';
import { optional } from '../wire';

export const describeExecution = defineOperation<DescribeExecutionInput, DescribeExecutionOutput>({
  input: S.structure({ executionArn: S.Arn, includedData: S.IncludedData }, ['executionArn']),
  handle(ctx, input) {
    const execution = requireExecution(ctx, input.executionArn as string);
    const included = input.includedData !== 'METADATA_ONLY';
    const { redriveStatus: status, redriveStatusReason } = redriveStatus(execution, ctx.store.getHistory(execution.arn).length, ctx.clock.now());
    return {
      executionArn: execution.arn,
      stateMachineArn: execution.stateMachineArn,
      name: execution.name,
      status: execution.status,
      startDate: execution.startDate,
      ...optional('stopDate', execution.stopDate),
      ...(included ? optional('input', execution.input) : {}),
      inputDetails: { included },
      ...(execution.output !== undefined ? { ...(included ? { output: execution.output } : {}), outputDetails: { included } } : {}),
      ...optional('error', execution.error),
      ...optional('cause', execution.cause),
      ...optional('traceHeader', execution.traceHeader),
      ...optional('mapRunArn', execution.mapRunArn),
      ...optional('stateMachineVersionArn', execution.stateMachineVersionArn),
      ...optional('stateMachineAliasArn', execution.stateMachineAliasArn),
      redriveCount: execution.redriveCount ?? 0,
      ...optional('redriveDate', execution.redriveDate),
      redriveStatus: status,
      ...optional('redriveStatusReason', redriveStatusReason),
    };
  },
});
