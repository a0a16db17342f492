// ListMapRuns (https://docs.aws.amazon.com/step-functions/latest/apireference/API_ListMapRuns.html).
// [UNCONFIRMED] order: newest first, like ListExecutions.
import type { ListMapRunsInput, ListMapRunsOutput } from '@aws-sdk/client-sfn';
import { requireExecution } from '../lookups';
import { defineOperation } from '../operation';
import { pageNewestFirst } from '../paging';
import * as S from '../shapes';
import { optional } from '../wire';

export const listMapRuns = defineOperation<ListMapRunsInput, ListMapRunsOutput>({
  input: S.structure({ executionArn: S.Arn, maxResults: S.PageSize, nextToken: S.PageToken }, ['executionArn']),
  handle(ctx, input) {
    const execution = requireExecution(ctx, input.executionArn as string);
    const page = pageNewestFirst(ctx.store.listMapRuns(execution.arn), {
      scope: execution.arn,
      maxResults: input.maxResults,
      nextToken: input.nextToken,
      keep: () => true,
      map: (run) => ({
        executionArn: run.executionArn,
        mapRunArn: run.arn,
        stateMachineArn: run.stateMachineArn,
        startDate: run.startDate,
        ...optional('stopDate', run.stopDate),
      }),
    });
    return { mapRuns: page.items, ...(page.nextToken ? { nextToken: page.nextToken } : {}) };
  },
});
