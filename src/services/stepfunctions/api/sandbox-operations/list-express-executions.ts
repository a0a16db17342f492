// ListExpressExecutions: ListExecutions' paging and shape over the kept EXPRESS executions of a state
// machine or a Map Run, newest first (docs/console.md). Only what is still kept is listed.
import type { ListExecutionsOutput } from '@aws-sdk/client-sfn';
import { ValidationException } from '../errors';
import { executionListItem } from '../execution-list-item';
import { defineOperation } from '../operation';
import { pageNewestFirst } from '../paging';
import * as S from '../shapes';

interface Input {
  readonly stateMachineArn?: string;
  readonly mapRunArn?: string;
  readonly statusFilter?: string;
  readonly maxResults?: number;
  readonly nextToken?: string;
}

export const listExpressExecutions = defineOperation<Input, ListExecutionsOutput>({
  input: S.structure({ stateMachineArn: S.Arn, mapRunArn: S.LongArn, statusFilter: S.ExecutionStatus, maxResults: S.PageSize, nextToken: S.PageToken }),
  handle(ctx, input) {
    const owner = input.stateMachineArn ?? input.mapRunArn;
    if (owner === undefined || (input.stateMachineArn !== undefined && input.mapRunArn !== undefined)) {
      throw new ValidationException('Exactly one of stateMachineArn or mapRunArn must be specified');
    }
    const page = pageNewestFirst(ctx.expressHistories.list(owner), {
      // Positions count from the oldest kept execution: an eviction between two pages may repeat one item.
      scope: `${owner}|${input.statusFilter ?? ''}`,
      maxResults: input.maxResults,
      nextToken: input.nextToken,
      keep: (e) => input.statusFilter === undefined || e.status === input.statusFilter,
      map: executionListItem,
    });
    return { executions: page.items, ...(page.nextToken ? { nextToken: page.nextToken } : {}) };
  },
});
