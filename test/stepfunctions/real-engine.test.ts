// End to end with the real ASL engine (src/engine) behind the API: JSONPath and JSONata workflows run,
// histories page, StopExecution aborts a Wait, and EXPRESS runs answer synchronously.
import {
  CreateStateMachineCommand,
  DescribeExecutionCommand,
  GetExecutionHistoryCommand,
  StartExecutionCommand,
  StartSyncExecutionCommand,
  StopExecutionCommand,
} from '@aws-sdk/client-sfn';
import { expectAwsError } from './support/expect-error';
import { createStateMachine, ROLE_ARN, startHarness, type Harness } from './support/harness';
import { ManualClock } from './support/manual-clock';

const JSONPATH_WORKFLOW = JSON.stringify({
  StartAt: 'Shape',
  States: {
    Shape: { Type: 'Pass', Parameters: { 'order.$': '$.order', kind: 'csv' }, Next: 'Pause' },
    Pause: { Type: 'Wait', Seconds: 30, Next: 'Done' },
    Done: { Type: 'Pass', ResultPath: '$.done', Result: true, End: true },
  },
});

const JSONATA_WORKFLOW = JSON.stringify({
  QueryLanguage: 'JSONata',
  StartAt: 'Total',
  States: {
    Total: { Type: 'Pass', Assign: { total: '{% $sum($states.input.items) %}' }, Next: 'Report' },
    Report: { Type: 'Pass', Output: { total: '{% $total %}', count: '{% $count($states.input.items) %}' }, End: true },
  },
});

describe('the API over the real engine', () => {
  let h: Harness<never>;
  let clock: ManualClock;
  beforeEach(async () => {
    clock = new ManualClock();
    h = await startHarness({ clock });
  });
  afterEach(() => h.close());
  const create = (name: string, definition: string, type: 'STANDARD' | 'EXPRESS' = 'STANDARD') => createStateMachine(h.client, name, definition, type);

  it('runs a JSONPath Pass/Wait/Pass workflow and pages its history', async () => {
    const sm = await create('jsonpath', JSONPATH_WORKFLOW);
    const { executionArn } = await h.client.send(new StartExecutionCommand({ stateMachineArn: sm, input: '{"order":{"id":7}}' }));
    await clock.sleeping();
    expect((await h.client.send(new DescribeExecutionCommand({ executionArn }))).status).toBe('RUNNING');
    clock.release();
    await h.runs.done(executionArn as string);
    const described = await h.client.send(new DescribeExecutionCommand({ executionArn }));
    expect(described).toMatchObject({ status: 'SUCCEEDED', output: '{"order":{"id":7},"kind":"csv","done":true}' });
    const types: string[] = [];
    let nextToken: string | undefined;
    do {
      const page = await h.client.send(new GetExecutionHistoryCommand({ executionArn, maxResults: 3, nextToken }));
      expect(page.events?.length).toBeLessThanOrEqual(3);
      types.push(...(page.events ?? []).map((e) => e.type as string));
      nextToken = page.nextToken;
    } while (nextToken);
    expect(types).toEqual([
      'ExecutionStarted',
      'PassStateEntered',
      'PassStateExited',
      'WaitStateEntered',
      'WaitStateExited',
      'PassStateEntered',
      'PassStateExited',
      'ExecutionSucceeded',
    ]);
  });

  it('runs a JSONata workflow with variables', async () => {
    const sm = await create('jsonata', JSONATA_WORKFLOW);
    const { executionArn } = await h.client.send(new StartExecutionCommand({ stateMachineArn: sm, input: '{"items":[1,2,3.5]}' }));
    await h.runs.done(executionArn as string);
    expect((await h.client.send(new DescribeExecutionCommand({ executionArn }))).output).toBe('{"total":6.5,"count":3}');
  });

  it('stops a running Wait: ExecutionAborted with the given error and cause', async () => {
    const sm = await create('stoppable', JSONPATH_WORKFLOW);
    const { executionArn } = await h.client.send(new StartExecutionCommand({ stateMachineArn: sm, input: '{"order":1}' }));
    await clock.sleeping();
    await h.client.send(new StopExecutionCommand({ executionArn, error: 'Operator', cause: 'stopped by test' }));
    expect(await h.client.send(new DescribeExecutionCommand({ executionArn }))).toMatchObject({
      status: 'ABORTED',
      error: 'Operator',
      cause: 'stopped by test',
    });
    const { events } = await h.client.send(new GetExecutionHistoryCommand({ executionArn, reverseOrder: true, maxResults: 1 }));
    expect(events?.[0]).toMatchObject({
      type: 'ExecutionAborted',
      previousEventId: 0,
      executionAbortedEventDetails: { error: 'Operator', cause: 'stopped by test' },
    });
  });

  it('answers StartSyncExecution with the EXPRESS result', async () => {
    const sm = await create('sync', JSONATA_WORKFLOW, 'EXPRESS');
    const result = await h.client.send(new StartSyncExecutionCommand({ stateMachineArn: sm, input: '{"items":[4]}' }));
    expect(result).toMatchObject({ status: 'SUCCEEDED', output: '{"total":4,"count":1}', billingDetails: { billedMemoryUsedInMB: 64 } });
    const failing = await create(
      'sync-fail',
      JSON.stringify({ QueryLanguage: 'JSONata', StartAt: 'F', States: { F: { Type: 'Fail', Error: 'Bad', Cause: 'row 3' } } }),
      'EXPRESS',
    );
    expect(await h.client.send(new StartSyncExecutionCommand({ stateMachineArn: failing }))).toMatchObject({ status: 'FAILED', error: 'Bad', cause: 'row 3' });
  });

  it('rejects definitions with the engine diagnostics in AWS form', async () => {
    await expectAwsError(
      h.client.send(new CreateStateMachineCommand({ name: 'broken', definition: JSON.stringify({ StartAt: 'A' }), roleArn: ROLE_ARN })),
      'InvalidDefinition',
      "Invalid State Machine Definition: 'SCHEMA_VALIDATION_FAILED: These fields are required: [States] at /'",
    );
  });

  it("rejects an intrinsic with an illegal escape with AWS's exact message (recorded test_illegal_escapes)", async () => {
    const definition = JSON.stringify({
      StartAt: 'IntrinsicEscape',
      States: {
        IntrinsicEscape: { Type: 'Pass', Parameters: { 'parsed.$': 'States.StringToJson(\'{"text":"An \\"escaped double quote\\" here"}\')' }, End: true },
      },
    });
    await expectAwsError(
      h.client.send(new CreateStateMachineCommand({ name: 'illegal-escape', definition, roleArn: ROLE_ARN })),
      'InvalidDefinition',
      "Invalid State Machine Definition: 'SCHEMA_VALIDATION_FAILED: The value for the field 'parsed.$' must be a valid JSONPath " +
        "or a valid intrinsic function call at /States/IntrinsicEscape/Parameters'",
    );
  });
});
