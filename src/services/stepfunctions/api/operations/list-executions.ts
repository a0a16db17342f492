// ListExecutions (https://docs.aws.amazon.com/step-functions/latest/apireference/API_ListExecutions.html).
// Exactly one of stateMachineArn / mapRunArn; newest first (recorded pagination tests); EXPRESS state
// machines → StateMachineTypeNotSupported (docs/aws-behaviour.md#express-and-standard-workflows). Map Run children carry mapRunArn and itemCount.
import type { ExecutionListItem, ListExecutionsInput, ListExecutionsOutput } from '@aws-sdk/client-sfn';
import { executionListItem } from '../execution-list-item';
import { StateMachineDoesNotExist, StateMachineTypeNotSupported, ValidationException } from '../errors';
import { requireMapRun, requireStateMachine } from '../lookups';
import { defineOperation, type OperationContext } from '../operation';
import { pageNewestFirst } from '../paging';
import * as S from '../shapes';
import type { ExecutionRecord } from '../../store/store';
import { parseQualified } from '../versions';
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
    const { owner, through } = ownerArn(ctx, input);
    const page = pageNewestFirst(ctx.store.listExecutions(owner), {
      scope: `${owner}|${through ?? ''}|${input.statusFilter ?? ''}|${input.redriveFilter ?? ''}`,
      maxResults: input.maxResults,
      nextToken: input.nextToken,
      keep: (e) =>
        redriveMatches(e, input.redriveFilter) &&
        (input.statusFilter === undefined || e.status === input.statusFilter) &&
        (through === undefined || e.stateMachineVersionArn === through || e.stateMachineAliasArn === through),
      map: listItem,
    });
    return { executions: page.items, ...(page.nextToken ? { nextToken: page.nextToken } : {}) };
  },
});

/** Whose executions: a state machine or Map Run (`owner`), narrowed to one version or alias (`through`, recorded). */
function ownerArn(ctx: OperationContext, input: ListExecutionsInput): { owner: string; through?: string } {
  const { stateMachineArn, mapRunArn } = input;
  // [UNCONFIRMED] wording of both messages.
  if (stateMachineArn !== undefined && mapRunArn !== undefined) {
    throw new ValidationException('Only one of stateMachineArn or mapRunArn can be specified');
  }
  if (mapRunArn !== undefined) return { owner: requireMapRun(ctx, mapRunArn).arn };
  if (stateMachineArn === undefined) throw new ValidationException('Either stateMachineArn or mapRunArn must be specified');
  const qualified = parseQualified(stateMachineArn);
  const sm = requireStateMachine(ctx, qualified.stateMachineArn);
  if (sm.type === 'EXPRESS') throw new StateMachineTypeNotSupported();
  if (qualified.kind === 'unqualified') return { owner: sm.arn };
  if (!ctx.store.getResource(qualified.kind, stateMachineArn)) throw new StateMachineDoesNotExist(stateMachineArn);
  return { owner: sm.arn, through: stateMachineArn };
}

function listItem(e: ExecutionRecord): ExecutionListItem {
  return {
    ...executionListItem(e),
    ...optional('stateMachineVersionArn', e.stateMachineVersionArn),
    ...optional('stateMachineAliasArn', e.stateMachineAliasArn),
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
