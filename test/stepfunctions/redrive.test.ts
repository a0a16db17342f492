// RedriveExecution (docs/aws-behaviour.md#redrive, #history-events): a failed STANDARD execution continues at the state that failed, with its
// original input and the variables as they were; the history continues with ExecutionRedriven; the redrive
// fields of DescribeExecution / ListExecutions follow; what cannot be redriven is ExecutionNotRedrivable.
import { GetItemCommand } from '@aws-sdk/client-dynamodb';
import {
  CreateStateMachineCommand,
  GetExecutionHistoryCommand,
  ListExecutionsCommand,
  RedriveExecutionCommand,
  StartExecutionCommand,
  type HistoryEvent,
} from '@aws-sdk/client-sfn';
import type { AwsClients } from '../../src/config/clients';
import { expectAwsError } from './support/expect-error';
import { createTable, ROLE_ARN, waitForExecution } from './redrive-support';
import { useEmbeddedSandbox } from './support/embedded-sandbox';

const putThenReport = JSON.stringify({
  QueryLanguage: 'JSONata',
  StartAt: 'Init',
  States: {
    Init: { Type: 'Pass', Assign: { table: '{% $states.input.table %}', greeting: 'hello' }, Output: { pk: 'row-1' }, Next: 'Put' },
    Put: {
      Type: 'Task',
      Resource: 'arn:aws:states:::dynamodb:putItem',
      Arguments: { TableName: '{% $table %}', Item: { pk: { S: '{% $states.input.pk %}' } } },
      Output: '{% $states.input %}',
      Next: 'Report',
    },
    Report: {
      Type: 'Pass',
      Output: { greeting: '{% $greeting %}', pk: '{% $states.input.pk %}', redrives: '{% $states.context.Execution.RedriveCount %}' },
      End: true,
    },
  },
});

describe('RedriveExecution', () => {
  const target = useEmbeddedSandbox();
  let clients: AwsClients;
  let sequence = 0;

  beforeAll(() => {
    ({ clients } = target);
  });

  async function failedRun(definition = putThenReport): Promise<{ executionArn: string; table: string; stateMachineArn: string }> {
    const name = `redrive-${++sequence}`;
    const { stateMachineArn } = await clients.sfn.send(new CreateStateMachineCommand({ name, definition, roleArn: ROLE_ARN }));
    const table = `late-${name}`;
    const { executionArn } = await clients.sfn.send(new StartExecutionCommand({ stateMachineArn: stateMachineArn!, input: JSON.stringify({ table }) }));
    const failed = await waitForExecution(clients.sfn, executionArn!);
    expect({ status: failed.status, error: failed.error, redriveStatus: failed.redriveStatus }).toEqual({
      status: 'FAILED',
      error: 'DynamoDB.ResourceNotFoundException',
      redriveStatus: 'REDRIVABLE',
    });
    return { executionArn: executionArn!, table, stateMachineArn: stateMachineArn! };
  }

  const history = async (executionArn: string): Promise<HistoryEvent[]> =>
    (await clients.sfn.send(new GetExecutionHistoryCommand({ executionArn, maxResults: 1000 }))).events ?? [];

  it('continues at the failed Task with its input and the variables, once the world is fixed', async () => {
    const { executionArn, table, stateMachineArn } = await failedRun();
    const before = await history(executionArn);
    await createTable(clients.dynamodb, table);

    const { redriveDate } = await clients.sfn.send(new RedriveExecutionCommand({ executionArn }));
    const done = await waitForExecution(clients.sfn, executionArn);

    expect(done.status).toBe('SUCCEEDED');
    expect(JSON.parse(done.output!)).toEqual({ greeting: 'hello', pk: 'row-1', redrives: 1 });
    expect({ redriveCount: done.redriveCount, redriveDate: done.redriveDate, error: done.error }).toEqual({ redriveCount: 1, redriveDate, error: undefined });
    const item = await clients.dynamodb.send(new GetItemCommand({ TableName: table, Key: { pk: { S: 'row-1' } } }));
    expect(item.Item).toEqual({ pk: { S: 'row-1' } });

    const after = await history(executionArn);
    expect(after.slice(0, before.length)).toEqual(before);
    const added = after.slice(before.length);
    expect(added.map((e) => [e.id, e.type])).toEqual(
      [
        'ExecutionRedriven',
        'TaskStateEntered',
        'TaskScheduled',
        'TaskStarted',
        'TaskSucceeded',
        'TaskStateExited',
        'PassStateEntered',
        'PassStateExited',
        'ExecutionSucceeded',
      ].map((type, i) => [before.length + 1 + i, type]),
    );
    expect(added[0]).toMatchObject({ previousEventId: before.length, executionRedrivenEventDetails: { redriveCount: 1 } });
    expect(added[1]).toMatchObject({ previousEventId: before.length + 1, stateEnteredEventDetails: { name: 'Put', input: '{"pk":"row-1"}' } });

    const list = async (redriveFilter: 'REDRIVEN' | 'NOT_REDRIVEN') =>
      ((await clients.sfn.send(new ListExecutionsCommand({ stateMachineArn, redriveFilter }))).executions ?? []).map((e) => [e.executionArn, e.redriveCount]);
    expect(await list('REDRIVEN')).toEqual([[executionArn, 1]]);
    expect(await list('NOT_REDRIVEN')).toEqual([]);
  });

  it('is idempotent per client token and refuses to redrive what is not FAILED/ABORTED/TIMED_OUT', async () => {
    const { executionArn, table } = await failedRun();
    await createTable(clients.dynamodb, table);
    const first = await clients.sfn.send(new RedriveExecutionCommand({ executionArn, clientToken: 'token-1' }));
    const again = await clients.sfn.send(new RedriveExecutionCommand({ executionArn, clientToken: 'token-1' }));
    expect(again.redriveDate).toEqual(first.redriveDate);
    const done = await waitForExecution(clients.sfn, executionArn);
    expect({ status: done.status, redriveCount: done.redriveCount, redriveStatus: done.redriveStatus }).toEqual({
      status: 'SUCCEEDED',
      redriveCount: 1,
      redriveStatus: 'NOT_REDRIVABLE',
    });

    await expectAwsError(
      clients.sfn.send(new RedriveExecutionCommand({ executionArn })),
      'ExecutionNotRedrivable',
      'Execution is SUCCEEDED and cannot be redriven',
    );
    await expectAwsError(
      clients.sfn.send(new RedriveExecutionCommand({ executionArn: `${executionArn}-missing` })),
      'ExecutionDoesNotExist',
      `Execution Does Not Exist: '${executionArn}-missing'`,
    );
    await expectAwsError(
      clients.sfn.send(new RedriveExecutionCommand({ executionArn: 'arn:aws:states:us-east-1:000000000000:express:sm:name:uuid' })),
      'InvalidArn',
      "Invalid Arn: 'Resource type not valid in this context: express'",
    );
  });
});
