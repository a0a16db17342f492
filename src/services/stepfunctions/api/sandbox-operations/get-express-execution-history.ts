// GetExpressExecutionHistory: GetExecutionHistory's paging and shape over a kept EXPRESS history (docs/console.md).
import type { GetExecutionHistoryOutput } from '@aws-sdk/client-sfn';
import { defineOperation } from '../operation';
import { pageInOrder } from '../paging';
import * as S from '../shapes';
import { requireKeptExpress } from './kept-express';

interface Input {
  readonly executionArn?: string;
  readonly maxResults?: number;
  readonly reverseOrder?: boolean;
  readonly nextToken?: string;
}

export const getExpressExecutionHistory = defineOperation<Input, GetExecutionHistoryOutput>({
  input: S.structure({ executionArn: S.LongArn, maxResults: S.PageSize, reverseOrder: S.Bool, nextToken: S.PageToken }, ['executionArn']),
  handle(ctx, input) {
    const kept = requireKeptExpress(ctx, input.executionArn as string);
    const ordered = input.reverseOrder ? [...kept.events].reverse() : kept.events;
    const page = pageInOrder(ordered, {
      scope: `${kept.arn}|${input.reverseOrder ? 'reverse' : 'forward'}`,
      maxResults: input.maxResults,
      nextToken: input.nextToken,
      map: (event) => event,
    });
    return { events: page.items, ...(page.nextToken ? { nextToken: page.nextToken } : {}) };
  },
});
