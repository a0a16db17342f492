// ListExecutions (https://docs.aws.amazon.com/step-functions/latest/apireference/API_ListExecutions.html).
// Exactly one of stateMachineArn / mapRunArn; newest first (recorded pagination tests); EXPRESS state
// machines → StateMachineTypeNotSupported (docs/aws-behaviour.md#express-and-standard-workflows). Map Run children carry mapRunArn and itemCount.
import type { ExecutionListItem, ListExecutionsInput, ListExecutionsOutput } from '@aws-sdk/client-sfn';
import { StateMachineTypeNotSupported, ValidationException } from '../errors';
import { requireMapRun, requireStateMachine } from '../lookups';
import { defineOperation, type OperationContext } from '../operation';
import { pageNewestFirst } from '../paging';
import * as S from '../shapes';
import type { ExecutionRecord } from '../store';
import { optional } from '../wire';

export const listExecutions = defineOperation<ListExecutionsInput, ListExecutionsOutput>({
  input: S.structure({
    stateMachineArn: S.Arn,
    statusFilter: S.ExecutionStatus,
    maxResults: S.PageSize,
    nextToken: S.ListExecutionsPageToken,
    mapRunArn: S.LongArn,
    redriveFilter: S.ExecutionRedriveFilter,
  }),
  handle(ctx, input) {
    const owner = ownerArn(ctx, input);
    const page = pageNewestFirst(ctx.store.listExecutions(owner), {
      scope: `${owner}|${input.statusFilter ?? ''}|${input.redriveFilter ?? ''}`,
      maxResults: input.maxResults,
      nextToken: input.nextToken,
      keep: (e) => redriveMatches(e, input.redriveFilter) && (input.statusFilter === undefined || e.status === input.statusFilter),
      map: listItem,
    });
    return { executions: page.items, ...(page.nextToken ? { nextToken: page.nextToken } : {}) };
  },
});

function ownerArn(ctx: OperationContext, input: ListExecutionsInput): string {
  const { stateMachineArn, mapRunArn } = input;
  // [UNCONFIRMED] wording of both messages.
  if (stateMachineArn !== undefined && mapRunArn !== undefined) {
    throw new ValidationException('Only one of stateMachineArn or mapRunArn can be specified');
  }
  if (mapRunArn !== undefined) return requireMapRun(ctx, mapRunArn).arn;
  if (stateMachineArn === undefined) throw new ValidationException('Either stateMachineArn or mapRunArn must be specified');
  const sm = requireStateMachine(ctx, stateMachineArn);
  if (sm.type === 'EXPRESS') throw new StateMachineTypeNotSupported();
  return sm.arn;
}

function listItem(e: ExecutionRecord): ExecutionListItem {
  return {
    executionArn: e.arn,
    stateMachineArn: e.stateMachineArn,
    name: e.name,
    status: e.status,
    startDate: e.startDate,
    ...optional('stopDate', e.stopDate),
    ...optional('mapRunArn', e.mapRunArn),
    ...optional('itemCount', e.itemCount),
    redriveCount: e.redriveCount ?? 0,
    ...optional('redriveDate', e.redriveDate),
  };
}

/** REDRIVEN: redriven at least once (API_ListExecutions redriveFilter). */
function redriveMatches(e: ExecutionRecord, filter: string | undefined): boolean {
  if (filter === undefined) return true;
  return (filter === 'REDRIVEN') === (e.redriveCount ?? 0) > 0;
}
