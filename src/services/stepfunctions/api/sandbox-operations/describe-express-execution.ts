// DescribeExpressExecution: DescribeExecution's shape for a kept EXPRESS execution (docs/console.md).
import type { DescribeExecutionOutput } from '@aws-sdk/client-sfn';
import { defineOperation } from '../operation';
import * as S from '../shapes';
import { optional } from '../wire';
import { requireKeptExpress } from './kept-express';

export const describeExpressExecution = defineOperation<{ executionArn?: string }, DescribeExecutionOutput>({
  input: S.structure({ executionArn: S.LongArn }, ['executionArn']),
  handle(ctx, input) {
    const kept = requireKeptExpress(ctx, input.executionArn as string);
    return {
      executionArn: kept.arn,
      stateMachineArn: kept.stateMachineArn,
      name: kept.name,
      status: kept.status,
      startDate: kept.startDate,
      ...optional('stopDate', kept.stopDate),
      input: kept.input,
      inputDetails: { included: true },
      ...(kept.output !== undefined ? { output: kept.output, outputDetails: { included: true } } : {}),
      ...optional('error', kept.error),
      ...optional('cause', kept.cause),
      ...optional('mapRunArn', kept.mapRunArn),
      redriveCount: 0,
    };
  },
});
