// State machines for the Parallel / Inline Map redrive suites (docs/aws-behaviour.md#redrive). Every branch / iteration counts its
// runs in a `counts` table (`ADD runs` on `<run>#<i>`), then writes to its target table, then bumps `<run>#done`.
// The "late" ones target a table that does not exist yet, and first wait (a Choice loop over GetItem, no timer)
// until two others are done, so the failure always comes after those succeeded.
import { GetItemCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { HistoryEvent } from '@aws-sdk/client-sfn';

const DDB = 'arn:aws:states:::dynamodb';
const key = (suffix: string) => ({ pk: { S: `{% $me.run & "#" & $string($me.i) & "${suffix}" %}` } });

/** One branch / iteration; `me` is a JSONata expression (over the program's input) giving {i, table, counts, run}. */
function worker(me: string): object {
  return {
    StartAt: 'Hold',
    States: {
      Hold: {
        Type: 'Task',
        Resource: `${DDB}:getItem`,
        Arguments: { TableName: '{% $states.input.counts %}', Key: { pk: { S: '{% $states.input.run & "#done" %}' } }, ConsistentRead: true },
        Assign: { me: `{% ${me} %}`, done: '{% $exists($states.result.Item) ? $number($states.result.Item.n.N) : 0 %}' },
        Output: '{% $states.input %}',
        Next: 'Ready',
      },
      Ready: { Type: 'Choice', Choices: [{ Condition: '{% $me.table = $me.counts or $done >= 2 %}', Next: 'Work' }], Default: 'Again' },
      Again: { Type: 'Wait', Seconds: 0, Next: 'Hold' },
      Work: {
        Type: 'Task',
        Resource: `${DDB}:updateItem`,
        Arguments: { TableName: '{% $me.counts %}', Key: key(''), UpdateExpression: 'ADD runs :one', ExpressionAttributeValues: { ':one': { N: '1' } } },
        Next: 'Put',
      },
      Put: { Type: 'Task', Resource: `${DDB}:putItem`, Arguments: { TableName: '{% $me.table %}', Item: key('#put') }, Next: 'Done' },
      Done: {
        Type: 'Task',
        Resource: `${DDB}:updateItem`,
        Arguments: {
          TableName: '{% $me.counts %}',
          Key: { pk: { S: '{% $me.run & "#done" %}' } },
          UpdateExpression: 'ADD n :one',
          ExpressionAttributeValues: { ':one': { N: '1' } },
        },
        Output: { item: '{% $me.i %}', table: '{% $me.table = $me.counts ? "counts" : "late" %}' },
        End: true,
      },
    },
  };
}

/** A Parallel of three branches; branch 1 is late. Input {counts, late, run}. */
export const parallelMachine = JSON.stringify({
  QueryLanguage: 'JSONata',
  StartAt: 'Fan',
  States: {
    Fan: {
      Type: 'Parallel',
      Branches: [0, 1, 2].map((i) => worker(`$merge([$states.input, {"i": ${i}, "table": $states.input.${i === 1 ? 'late' : 'counts'}}])`)),
      Output: '{% {"results": $states.result, "branches": $count($states.result)} %}',
      End: true,
    },
  },
});

/** An Inline Map (MaxConcurrency 2) over `items` (booleans: late or not). Input {counts, late, run, items}. */
export const inlineMapMachine = JSON.stringify({
  QueryLanguage: 'JSONata',
  StartAt: 'Each',
  States: {
    Each: {
      Type: 'Map',
      MaxConcurrency: 2,
      Items: '{% $states.input.items %}',
      ItemSelector: {
        i: '{% $states.context.Map.Item.Index %}',
        table: '{% $states.context.Map.Item.Value ? $states.input.late : $states.input.counts %}',
        counts: '{% $states.input.counts %}',
        run: '{% $states.input.run %}',
      },
      ItemProcessor: { ProcessorConfig: { Mode: 'INLINE' }, ...worker('$states.input') },
      Output: '{% {"results": $states.result} %}',
      End: true,
    },
  },
});

/** How often the Work task of branch / iteration `i` ran for `run`. */
export async function runsOf(ddb: DynamoDBClient, counts: string, run: string, i: number): Promise<number> {
  const { Item } = await ddb.send(new GetItemCommand({ TableName: counts, Key: { pk: { S: `${run}#${i}` } }, ConsistentRead: true }));
  return Number(Item?.runs?.N ?? 0);
}

/** Names of the states entered in `events` (e.g. how often Work ran in the redrive's part of the history). */
export const enteredStates = (events: readonly HistoryEvent[]): string[] =>
  events.flatMap((e) => (e.type?.endsWith('StateEntered') && e.stateEnteredEventDetails?.name ? [e.stateEnteredEventDetails.name] : []));

/** Indices of the Map iterations started in `events`. */
export const startedIterations = (events: readonly HistoryEvent[]): number[] =>
  events.flatMap((e) => (e.type === 'MapIterationStarted' ? [e.mapIterationStartedEventDetails?.index ?? -1] : [])).sort((a, b) => a - b);
