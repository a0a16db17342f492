// ListStateMachineVersions (https://docs.aws.amazon.com/step-functions/latest/apireference/API_ListStateMachineVersions.html).
// Newest version first (recorded), paged by offset.
import type { ListStateMachineVersionsInput, ListStateMachineVersionsOutput } from '@aws-sdk/client-sfn';
import { requireStateMachine } from '../lookups';
import { defineOperation } from '../operation';
import { pageInOrder } from '../paging';
import * as S from '../shapes';
import { versionsOf } from '../versions';

export const listStateMachineVersions = defineOperation<ListStateMachineVersionsInput, ListStateMachineVersionsOutput>({
  input: S.structure({ stateMachineArn: S.Arn, nextToken: S.PageToken, maxResults: S.PageSize }, ['stateMachineArn']),
  handle(ctx, input) {
    const sm = requireStateMachine(ctx, input.stateMachineArn as string);
    const page = pageInOrder(versionsOf(ctx, sm.arn), {
      scope: `ListStateMachineVersions|${sm.arn}`,
      maxResults: input.maxResults,
      nextToken: input.nextToken,
      map: (version) => ({ stateMachineVersionArn: version.arn, creationDate: version.creationDate }),
    });
    return { stateMachineVersions: page.items, ...(page.nextToken ? { nextToken: page.nextToken } : {}) };
  },
});
