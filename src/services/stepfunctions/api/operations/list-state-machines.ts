// ListStateMachines (https://docs.aws.amazon.com/step-functions/latest/apireference/API_ListStateMachines.html).
// Pages in name order, as recorded (sm-0, sm-10, sm-11, sm-1, … in test_list_sms_pagination).
import type { ListStateMachinesInput, ListStateMachinesOutput } from '@aws-sdk/client-sfn';
import { decodeToken, encodeToken, pageSize } from '../paging';
import { defineOperation } from '../operation';
import * as S from '../shapes';

const SCOPE = 'ListStateMachines';

export const listStateMachines = defineOperation<ListStateMachinesInput, ListStateMachinesOutput>({
  input: S.structure({ maxResults: S.PageSize, nextToken: S.PageToken }),
  handle(ctx, input) {
    const all = ctx.store.listStateMachines();
    // The token is the last name returned, so creations and deletions between pages shift nothing.
    const after = input.nextToken === undefined ? undefined : decodeToken<string>(input.nextToken, SCOPE, 'string');
    const start = after === undefined ? 0 : all.findIndex((sm) => sm.name > after);
    const from = start === -1 ? all.length : start;
    const page = all.slice(from, from + pageSize(input.maxResults));
    const more = from + page.length < all.length;
    return {
      stateMachines: page.map((sm) => ({ stateMachineArn: sm.arn, name: sm.name, type: sm.type, creationDate: sm.creationDate })),
      ...(more ? { nextToken: encodeToken(SCOPE, page[page.length - 1].name) } : {}),
    };
  },
});
