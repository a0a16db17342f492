// DescribeMapRun (https://docs.aws.amazon.com/step-functions/latest/apireference/API_DescribeMapRun.html).
// Recorded shape in docs/aws-behaviour.md#map-run-api: settings, status, dates and item/execution counts.
import type { DescribeMapRunInput, DescribeMapRunOutput } from '@aws-sdk/client-sfn';
import { requireMapRun } from '../lookups';
import { defineOperation } from '../operation';
import * as S from '../shapes';
import { optional } from '../wire';

export const describeMapRun = defineOperation<DescribeMapRunInput, DescribeMapRunOutput>({
  input: S.structure({ mapRunArn: S.LongArn }, ['mapRunArn']),
  handle(ctx, input) {
    const run = requireMapRun(ctx, input.mapRunArn as string);
    return {
      mapRunArn: run.arn,
      executionArn: run.executionArn,
      status: run.status,
      startDate: run.startDate,
      ...optional('stopDate', run.stopDate),
      maxConcurrency: run.maxConcurrency,
      toleratedFailurePercentage: run.toleratedFailurePercentage ?? 0,
      toleratedFailureCount: run.toleratedFailureCount ?? 0,
      itemCounts: run.itemCounts,
      executionCounts: run.executionCounts,
      redriveCount: run.redriveCount ?? 0,
      ...optional('redriveDate', run.redriveDate),
    };
  },
});
