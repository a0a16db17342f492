// One JSONPath and one JSONata workflow using every state type, Retry/Catch and variables, checked for
// output, history and task calls.
import { FakeClock } from './support/fake-clock';
import { FakeTaskRunner, fails, returns } from './support/fake-task-runner';
import { runWorkflow, types } from './support/run-workflow';

const PUT = 'arn:aws:states:::dynamodb:putItem';

const JSONPATH_WORKFLOW = {
  Comment: 'Every state type in JSONPath',
  StartAt: 'Init',
  States: {
    Init: { Type: 'Pass', Parameters: { 'orders.$': '$.orders' }, Assign: { 'table.$': '$$.Execution.Input.table' }, Next: 'Pause' },
    Pause: { Type: 'Wait', Seconds: 1, Next: 'Fanout' },
    Fanout: {
      Type: 'Parallel',
      ResultPath: '$.checks',
      Branches: [
        { StartAt: 'Count', States: { Count: { Type: 'Pass', Parameters: { 'n.$': 'States.ArrayLength($.orders)' }, End: true } } },
        { StartAt: 'Done', States: { Done: { Type: 'Succeed' } } },
      ],
      Next: 'Each',
    },
    Each: {
      Type: 'Map',
      ItemsPath: '$.orders',
      MaxConcurrency: 1,
      ItemSelector: { 'order.$': '$$.Map.Item.Value', 'index.$': '$$.Map.Item.Index', 'table.$': '$table' },
      ItemProcessor: {
        StartAt: 'Valid?',
        States: {
          'Valid?': { Type: 'Choice', Choices: [{ Variable: '$.order.qty', NumericGreaterThan: 0, Next: 'Put' }], Default: 'Reject' },
          Reject: { Type: 'Fail', Error: 'InvalidOrder', Cause: 'qty must be positive' },
          Put: {
            Type: 'Task',
            Resource: PUT,
            Parameters: { 'TableName.$': '$.table', Item: { id: { 'S.$': '$.order.id' } } },
            ResultSelector: { 'status.$': '$.SdkHttpMetadata.HttpStatusCode' },
            Retry: [{ ErrorEquals: ['DynamoDB.ProvisionedThroughputExceededException'], IntervalSeconds: 2, MaxAttempts: 2 }],
            End: true,
          },
        },
      },
      ResultPath: '$.written',
      Catch: [{ ErrorEquals: ['InvalidOrder'], ResultPath: '$.error', Next: 'Rejected' }],
      Next: 'Report',
    },
    Rejected: { Type: 'Fail', ErrorPath: '$.error.Error', CausePath: '$.error.Cause' },
    Report: { Type: 'Pass', Parameters: { 'written.$': '$.written', 'count.$': '$.checks[0].n', 'table.$': '$table' }, End: true },
  },
};

const JSONATA_WORKFLOW = {
  Comment: 'Every state type in JSONata',
  QueryLanguage: 'JSONata',
  StartAt: 'Init',
  States: {
    Init: { Type: 'Pass', Assign: { table: '{% $states.input.table %}', total: 0 }, Output: '{% $states.input.orders %}', Next: 'Pause' },
    Pause: { Type: 'Wait', Seconds: '{% $count($states.input) %}', Next: 'Fanout' },
    Fanout: {
      Type: 'Parallel',
      Arguments: { orders: '{% $states.input %}' },
      Branches: [
        { StartAt: 'Sum', States: { Sum: { Type: 'Pass', Output: '{% $sum($states.input.orders.qty) %}', End: true } } },
        { StartAt: 'Done', States: { Done: { Type: 'Succeed' } } },
      ],
      Assign: { total: '{% $states.result[0] %}' },
      Output: '{% $states.input %}',
      Next: 'Each',
    },
    Each: {
      Type: 'Map',
      MaxConcurrency: 1,
      ItemSelector: { order: '{% $states.context.Map.Item.Value %}', table: '{% $table %}' },
      ItemProcessor: {
        StartAt: 'Valid?',
        States: {
          'Valid?': { Type: 'Choice', Choices: [{ Condition: '{% $states.input.order.qty > 0 %}', Next: 'Put' }], Default: 'Reject' },
          Reject: { Type: 'Fail', Error: 'InvalidOrder', Cause: "{% 'bad order ' & $states.input.order.id %}" },
          Put: {
            Type: 'Task',
            Resource: PUT,
            Arguments: { TableName: '{% $states.input.table %}', Item: { id: { S: '{% $states.input.order.id %}' } } },
            Output: { status: '{% $states.result.SdkHttpMetadata.HttpStatusCode %}' },
            Retry: [{ ErrorEquals: ['DynamoDB.ProvisionedThroughputExceededException'], IntervalSeconds: 2, MaxAttempts: 2 }],
            End: true,
          },
        },
      },
      Catch: [{ ErrorEquals: ['InvalidOrder'], Output: '{% $states.errorOutput %}', Next: 'Rejected' }],
      Next: 'Report',
    },
    Rejected: { Type: 'Fail', Error: '{% $states.input.Error %}', Cause: '{% $states.input.Cause %}' },
    Report: { Type: 'Succeed', Output: { written: '{% $states.input %}', total: '{% $total %}', table: '{% $table %}' } },
  },
};

const OK = { SdkHttpMetadata: { HttpStatusCode: 200 } };
const THROTTLED = fails('DynamoDB.ProvisionedThroughputExceededException', 'slow down');

describe.each([
  ['JSONPath', JSONPATH_WORKFLOW, { count: 2 }],
  ['JSONata', JSONATA_WORKFLOW, { total: 5 }],
])('%s workflow with every state type', (_language, definition, summary) => {
  const input = {
    table: 'orders',
    orders: [
      { id: 'a', qty: 2 },
      { id: 'b', qty: 3 },
    ],
  };

  it('succeeds, retrying a throttled write, and reports through variables', async () => {
    const tasks = new FakeTaskRunner({ [PUT]: [THROTTLED, returns(OK)] });
    const clock = new FakeClock();
    const { outcome, events } = await runWorkflow(definition, input, { tasks, clock });
    expect(outcome.status).toBe('SUCCEEDED');
    expect(outcome.output).toMatchObject({ written: [{ status: 200 }, { status: 200 }], table: 'orders', ...summary });
    expect(tasks.calls.map((c) => c.args)).toEqual([
      { TableName: 'orders', Item: { id: { S: 'a' } } },
      { TableName: 'orders', Item: { id: { S: 'a' } } },
      { TableName: 'orders', Item: { id: { S: 'b' } } },
    ]);
    expect(clock.sleeps).toContain(2000);
    const entered = types(events).filter((t) => t.endsWith('StateEntered'));
    expect(new Set(entered)).toEqual(
      new Set([
        'PassStateEntered',
        'WaitStateEntered',
        'ParallelStateEntered',
        'SucceedStateEntered',
        'MapStateEntered',
        'ChoiceStateEntered',
        'TaskStateEntered',
      ]),
    );
    expect(types(events).filter((t) => t === 'TaskFailed')).toHaveLength(1);
  });

  it("routes an invalid order through Fail, the Map's Catch and a final Fail", async () => {
    const bad = { ...input, orders: [...input.orders, { id: 'c', qty: 0 }] };
    const { outcome, events } = await runWorkflow(definition, bad, { tasks: new FakeTaskRunner({ [PUT]: returns(OK) }) });
    expect(outcome.status).toBe('FAILED');
    expect(outcome.error).toBe('InvalidOrder');
    expect(outcome.cause).toMatch(/qty must be positive|bad order c/);
    expect(types(events).slice(-5)).toEqual(['MapIterationFailed', 'MapStateFailed', 'MapStateExited', 'FailStateEntered', 'ExecutionFailed']);
  });
});
