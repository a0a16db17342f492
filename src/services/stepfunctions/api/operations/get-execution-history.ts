// GetExecutionHistory (https://docs.aws.amazon.com/step-functions/latest/apireference/API_GetExecutionHistory.html).
// reverseOrder returns the same events newest first (ids unchanged, recorded). includeExecutionData=false
// leaves out every `input`/`output` ([UNCONFIRMED] the *Details truncation flags are kept).
import type { GetExecutionHistoryInput, GetExecutionHistoryOutput, HistoryEvent } from '@aws-sdk/client-sfn';
import { requireExecution } from '../lookups';
import { defineOperation } from '../operation';
import { pageInOrder } from '../paging';
import * as S from '../shapes';

export const getExecutionHistory = defineOperation<GetExecutionHistoryInput, GetExecutionHistoryOutput>({
  input: S.structure({ executionArn: S.Arn, maxResults: S.PageSize, reverseOrder: S.Bool, nextToken: S.PageToken, includeExecutionData: S.Bool }, [
    'executionArn',
  ]),
  handle(ctx, input) {
    const execution = requireExecution(ctx, input.executionArn as string);
    const history = ctx.store.getHistory(execution.arn);
    const ordered = input.reverseOrder ? [...history].reverse() : history;
    const withData = input.includeExecutionData !== false;
    const page = pageInOrder(ordered, {
      scope: `${execution.arn}|${input.reverseOrder ? 'reverse' : 'forward'}`,
      maxResults: input.maxResults,
      nextToken: input.nextToken,
      map: (event) => (withData ? event : withoutData(event)),
    });
    return { events: page.items, ...(page.nextToken ? { nextToken: page.nextToken } : {}) };
  },
});

const DATA_FIELDS = new Set(['input', 'output']);

function withoutData(event: HistoryEvent): HistoryEvent {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(event)) {
    out[key] = key.endsWith('EventDetails') && typeof value === 'object' && value !== null ? stripData(value as object) : value;
  }
  return out as unknown as HistoryEvent;
}

function stripData(details: object): object {
  return Object.fromEntries(Object.entries(details).filter(([key]) => !DATA_FIELDS.has(key)));
}
