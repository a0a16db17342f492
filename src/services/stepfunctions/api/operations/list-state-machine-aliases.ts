// ListStateMachineAliases (https://docs.aws.amazon.com/step-functions/latest/apireference/API_ListStateMachineAliases.html).
// In creation order (recorded), paged by offset; a foreign or garbage token is the recorded InvalidToken.
import type { ListStateMachineAliasesInput, ListStateMachineAliasesOutput } from '@aws-sdk/client-sfn';
import { requireStateMachine } from '../lookups';
import { defineOperation } from '../operation';
import { pageInOrder } from '../paging';
import * as S from '../shapes';
import { aliasesOf } from '../versions';

export const listStateMachineAliases = defineOperation<ListStateMachineAliasesInput, ListStateMachineAliasesOutput>({
  input: S.structure({ stateMachineArn: S.Arn, nextToken: S.PageToken, maxResults: S.PageSize }, ['stateMachineArn']),
  handle(ctx, input) {
    const sm = requireStateMachine(ctx, input.stateMachineArn as string);
    const page = pageInOrder(aliasesOf(ctx, sm.arn), {
      scope: `ListStateMachineAliases|${sm.arn}`,
      maxResults: input.maxResults,
      nextToken: input.nextToken,
      map: (alias) => ({ stateMachineAliasArn: alias.arn, creationDate: alias.creationDate }),
    });
    return { stateMachineAliases: page.items, ...(page.nextToken ? { nextToken: page.nextToken } : {}) };
  },
});
