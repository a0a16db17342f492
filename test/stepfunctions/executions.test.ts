// Execution operations through a real SFNClient: success shapes and recorded errors (docs/aws-behaviour.md#api-operations, #express-and-standard-workflows, #api-protocol-and-errors).
import {
  DescribeExecutionCommand,
  DescribeStateMachineForExecutionCommand,
  GetExecutionHistoryCommand,
  ListExecutionsCommand,
  StartExecutionCommand,
  StartSyncExecutionCommand,
  StopExecutionCommand,
  UpdateStateMachineCommand,
} from '@aws-sdk/client-sfn';
import { expectAwsError } from './support/expect-error';
import { createStateMachine, failDefinition, passDefinition, ROLE_ARN, startHarness, waitDefinition, type Harness } from './support/harness';
import { ManualClock } from './support/manual-clock';

const BASE = 'arn:aws:states:us-east-1:000000000000';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const EXPRESS_INVALID = "Invalid Arn: 'Resource type not valid in this context: express'";
const NOT_SUPPORTED = 'This operation is not supported by this type of state machine';

describe('executions API', () => {
  let h: Harness<never>;
  let clock: ManualClock;
  beforeEach(async () => {
    clock = new ManualClock();
    h = await startHarness({ clock });
  });
  afterEach(() => h.close());
  const create = (name: string, definition = passDefinition(), type: 'STANDARD' | 'EXPRESS' = 'STANDARD') =>
    createStateMachine(h.client, name, definition, type);
  const start = async (stateMachineArn: string, extra: { name?: string; input?: string } = {}) =>
    (await h.client.send(new StartExecutionCommand({ stateMachineArn, ...extra }))).executionArn as string;
  const describe = (executionArn: string) => h.client.send(new DescribeExecutionCommand({ executionArn }));

  it('starts with a uuid name and "{}" input, and describes the recorded SUCCEEDED shape', async () => {
    const sm = await create('sm');
    const started = await h.client.send(new StartExecutionCommand({ stateMachineArn: sm }));
    const name = (started.executionArn as string).split(':').pop() as string;
    expect(name).toMatch(UUID);
    expect(started.executionArn).toBe(`${BASE}:execution:sm:${name}`);
    expect(started.startDate).toBeInstanceOf(Date);
    await h.runs.done(started.executionArn as string);
    const { $metadata, ...described } = await describe(started.executionArn as string);
    expect(described).toEqual({
      executionArn: started.executionArn,
      stateMachineArn: sm,
      name,
      status: 'SUCCEEDED',
      startDate: started.startDate,
      stopDate: expect.any(Date),
      input: '{}',
      inputDetails: { included: true },
      output: '{"Arg1":"argument1"}',
      outputDetails: { included: true },
      redriveCount: 0,
      redriveStatus: 'NOT_REDRIVABLE',
      redriveStatusReason: 'Execution is SUCCEEDED and cannot be redriven',
    });
    const metadataOnly = await h.client.send(new DescribeExecutionCommand({ executionArn: started.executionArn, includedData: 'METADATA_ONLY' }));
    expect(metadataOnly).toMatchObject({ inputDetails: { included: false }, outputDetails: { included: false } });
    expect(metadataOnly.input).toBeUndefined();
  });

  it('describes FAILED executions with error and cause, REDRIVABLE', async () => {
    const executionArn = await start(await create('fails', failDefinition()));
    await h.runs.done(executionArn);
    const described = await describe(executionArn);
    expect(described).toMatchObject({ status: 'FAILED', error: 'SomeFailure', cause: 'This state machines raises a failure', redriveStatus: 'REDRIVABLE' });
    expect(described.output).toBeUndefined();
    expect(described.outputDetails).toBeUndefined();
    expect(described.redriveStatusReason).toBeUndefined();
  });

  it('rejects non-JSON input with the recorded Jackson messages and accepts JSON scalars', async () => {
    const sm = await create('inputs');
    const bad = (input: string, detail: string) =>
      expectAwsError(start(sm, { input }), 'InvalidExecutionInput', `Invalid State Machine Execution Input: '${detail}'`);
    await bad('not json', "Unrecognized token 'not': was expecting (JSON String, Number, Array, Object or token 'null', 'true' or 'false')");
    await bad("{'not': 'json'}", "Unexpected character (''' (code 39)): was expecting double-quote to start field name");
    await bad('', 'Invalid execution input.');
    for (const input of ['1', '"str"', 'null']) {
      const arn = await start(sm, { input });
      await h.runs.done(arn);
      expect((await describe(arn)).input).toBe(input);
    }
  });

  it('is idempotent by name while running, and ExecutionAlreadyExists otherwise', async () => {
    const sm = await create('idem', waitDefinition());
    const first = await h.client.send(new StartExecutionCommand({ stateMachineArn: sm, name: 'run-1', input: '{"a":1}' }));
    const again = await h.client.send(new StartExecutionCommand({ stateMachineArn: sm, name: 'run-1', input: '{"a":1}' }));
    expect(again.executionArn).toBe(first.executionArn);
    expect(again.startDate).toEqual(first.startDate);
    const exists = `Execution Already Exists: '${BASE}:execution:idem:run-1'`;
    await expectAwsError(start(sm, { name: 'run-1', input: '{"a":2}' }), 'ExecutionAlreadyExists', exists);
    await clock.sleeping();
    clock.release();
    await h.runs.done(first.executionArn as string);
    await expectAwsError(start(sm, { name: 'run-1', input: '{"a":1}' }), 'ExecutionAlreadyExists', exists);
    await expectAwsError(start(sm, { name: 'bad:name' }), 'InvalidName', "Invalid Name: 'bad:name'");
    await expectAwsError(start(`${BASE}:stateMachine:missing`), 'StateMachineDoesNotExist', `State Machine Does Not Exist: '${BASE}:stateMachine:missing'`);
  });

  it('pages history forwards and backwards, optionally without data', async () => {
    const executionArn = await start(await create('hist'), { input: '{"x":1}' });
    await h.runs.done(executionArn);
    const all = await h.client.send(new GetExecutionHistoryCommand({ executionArn }));
    expect(all.events?.map((e) => [e.id, e.previousEventId, e.type])).toEqual([
      [1, 0, 'ExecutionStarted'],
      [2, 0, 'PassStateEntered'],
      [3, 2, 'PassStateExited'],
      [4, 3, 'ExecutionSucceeded'],
    ]);
    expect(all.events?.[0]).toEqual({
      id: 1,
      previousEventId: 0,
      timestamp: expect.any(Date),
      type: 'ExecutionStarted',
      executionStartedEventDetails: { input: '{"x":1}', inputDetails: { truncated: false }, roleArn: ROLE_ARN },
    });
    const page1 = await h.client.send(new GetExecutionHistoryCommand({ executionArn, maxResults: 3, reverseOrder: true }));
    expect(page1.events?.map((e) => e.id)).toEqual([4, 3, 2]);
    const page2 = await h.client.send(new GetExecutionHistoryCommand({ executionArn, maxResults: 3, reverseOrder: true, nextToken: page1.nextToken }));
    expect(page2.events?.map((e) => e.id)).toEqual([1]);
    expect(page2.nextToken).toBeUndefined();
    const bare = await h.client.send(new GetExecutionHistoryCommand({ executionArn, includeExecutionData: false }));
    expect(bare.events?.[0].executionStartedEventDetails).toEqual({ inputDetails: { truncated: false }, roleArn: ROLE_ARN });
    expect(bare.events?.[3].executionSucceededEventDetails?.output).toBeUndefined();
    await expectAwsError(h.client.send(new GetExecutionHistoryCommand({ executionArn, maxResults: 1001 })), 'ValidationException');
    await expectAwsError(
      h.client.send(new GetExecutionHistoryCommand({ executionArn: 'invalid_state_machine_arn' })),
      'InvalidArn',
      "Invalid Arn: 'Invalid ARN prefix: invalid_state_machine_arn'",
    );
    await expectAwsError(
      h.client.send(new GetExecutionHistoryCommand({ executionArn: `${BASE}:execution:hist:nope` })),
      'ExecutionDoesNotExist',
      `Execution Does Not Exist: '${BASE}:execution:hist:nope'`,
    );
  });

  it('lists newest first with filters, paging and the recorded errors', async () => {
    const sm = await create('list');
    const arns: string[] = [];
    for (let i = 0; i < 13; i++) {
      arns.push(await start(sm, { name: `e-${i}` }));
      await h.runs.done(arns[i]);
    }
    const page1 = await h.client.send(new ListExecutionsCommand({ stateMachineArn: sm, maxResults: 10 }));
    expect(page1.executions?.map((e) => e.name)).toEqual(
      arns
        .slice(3)
        .reverse()
        .map((a) => a.split(':').pop()),
    );
    expect(page1.executions?.[0]).toEqual({
      executionArn: arns[12],
      stateMachineArn: sm,
      name: 'e-12',
      status: 'SUCCEEDED',
      startDate: expect.any(Date),
      stopDate: expect.any(Date),
      redriveCount: 0,
    });
    const page2 = await h.client.send(new ListExecutionsCommand({ stateMachineArn: sm, maxResults: 10, nextToken: page1.nextToken }));
    expect(page2.executions?.map((e) => e.name)).toEqual(['e-2', 'e-1', 'e-0']);
    expect((await h.client.send(new ListExecutionsCommand({ stateMachineArn: sm, statusFilter: 'RUNNING' }))).executions).toEqual([]);
    expect((await h.client.send(new ListExecutionsCommand({ stateMachineArn: sm, redriveFilter: 'REDRIVEN' }))).executions).toEqual([]);
    await expectAwsError(
      h.client.send(new ListExecutionsCommand({ stateMachineArn: sm, statusFilter: 'succeeded' as 'SUCCEEDED' })),
      'ValidationException',
      "1 validation error detected: Value 'succeeded' at 'statusFilter' failed to satisfy constraint: Member must satisfy enum value set: [SUCCEEDED, TIMED_OUT, PENDING_REDRIVE, ABORTED, FAILED, RUNNING]",
    );
    const long = 'a'.repeat(3097);
    await expectAwsError(
      h.client.send(new ListExecutionsCommand({ stateMachineArn: sm, nextToken: long })),
      'ValidationException',
      `1 validation error detected: Value '${long}' at 'nextToken' failed to satisfy constraint: Member must have length less than or equal to 3096`,
    );
    await expectAwsError(h.client.send(new ListExecutionsCommand({})), 'ValidationException');
    await expectAwsError(
      h.client.send(new ListExecutionsCommand({ stateMachineArn: 'invalid_state_machine_arn' })),
      'InvalidArn',
      "Invalid Arn: 'Invalid ARN prefix: invalid_state_machine_arn'",
    );
    await expectAwsError(h.client.send(new ListExecutionsCommand({ stateMachineArn: `${BASE}:stateMachine:nope` })), 'StateMachineDoesNotExist');
  });

  it('stops a waiting execution: ABORTED, WaitStateEntered then ExecutionAborted (previousEventId 0)', async () => {
    const sm = await create('stop', waitDefinition());
    const plain = await start(sm);
    await clock.sleeping();
    const stopped = await h.client.send(new StopExecutionCommand({ executionArn: plain }));
    expect(stopped.stopDate).toBeInstanceOf(Date);
    expect((await describe(plain)).status).toBe('ABORTED');
    const history = await h.client.send(new GetExecutionHistoryCommand({ executionArn: plain }));
    expect(history.events?.map((e) => [e.type, e.previousEventId])).toEqual([
      ['ExecutionStarted', 0],
      ['WaitStateEntered', 0],
      ['ExecutionAborted', 0],
    ]);
    expect(history.events?.[2].executionAbortedEventDetails).toEqual({});
    const withReason = await start(sm);
    await clock.sleeping();
    await h.client.send(new StopExecutionCommand({ executionArn: withReason, error: 'Manual', cause: 'operator' }));
    expect(await describe(withReason)).toMatchObject({ status: 'ABORTED', error: 'Manual', cause: 'operator', redriveStatus: 'REDRIVABLE' });
    const again = await h.client.send(new StopExecutionCommand({ executionArn: plain }));
    expect(again.stopDate).toEqual((await describe(plain)).stopDate);
  });

  it('describes the state machine revision an execution ran', async () => {
    const sm = await create('rev');
    const executionArn = await start(sm);
    await h.runs.done(executionArn);
    await h.client.send(new UpdateStateMachineCommand({ stateMachineArn: sm, definition: passDefinition('new') }));
    const { $metadata, ...described } = await h.client.send(new DescribeStateMachineForExecutionCommand({ executionArn }));
    expect(described).toEqual({
      stateMachineArn: sm,
      name: 'rev',
      definition: passDefinition(),
      roleArn: ROLE_ARN,
      updateDate: expect.any(Date),
      loggingConfiguration: { level: 'OFF', includeExecutionData: false },
      tracingConfiguration: { enabled: false },
      encryptionConfiguration: { type: 'AWS_OWNED_KEY' },
    });
  });

  it('gives EXPRESS executions :express: ARNs that standard-only operations reject', async () => {
    const sm = await create('fast', passDefinition(), 'EXPRESS');
    const executionArn = await start(sm, { name: 'x1' });
    expect(executionArn).toMatch(new RegExp(`^${BASE}:express:fast:x1:[0-9a-f-]{36}$`));
    await h.runs.done(executionArn);
    await expectAwsError(describe(executionArn), 'InvalidArn', EXPRESS_INVALID);
    await expectAwsError(h.client.send(new StopExecutionCommand({ executionArn })), 'InvalidArn', EXPRESS_INVALID);
    await expectAwsError(h.client.send(new GetExecutionHistoryCommand({ executionArn })), 'InvalidArn', EXPRESS_INVALID);
    await expectAwsError(h.client.send(new ListExecutionsCommand({ stateMachineArn: sm })), 'StateMachineTypeNotSupported', NOT_SUPPORTED);
  });

  it('runs EXPRESS state machines synchronously, with HTTP 200 even when they fail', async () => {
    const ok = await h.client.send(new StartSyncExecutionCommand({ stateMachineArn: await create('sync', passDefinition(), 'EXPRESS'), name: 's1' }));
    const { $metadata, ...body } = ok;
    expect($metadata.httpStatusCode).toBe(200);
    expect(body).toEqual({
      executionArn: expect.stringMatching(new RegExp(`^${BASE}:express:sync:s1:[0-9a-f-]{36}$`)),
      stateMachineArn: `${BASE}:stateMachine:sync`,
      name: 's1',
      startDate: expect.any(Date),
      stopDate: expect.any(Date),
      status: 'SUCCEEDED',
      input: '{}',
      inputDetails: { included: true },
      output: '{"Arg1":"argument1"}',
      outputDetails: { included: true },
      billingDetails: { billedMemoryUsedInMB: 64, billedDurationInMilliseconds: 100 },
    });
    const failed = await h.client.send(new StartSyncExecutionCommand({ stateMachineArn: await create('syncfail', failDefinition(), 'EXPRESS') }));
    expect(failed).toMatchObject({
      status: 'FAILED',
      error: 'SomeFailure',
      cause: 'This state machines raises a failure',
      outputDetails: { included: true },
      billingDetails: { billedMemoryUsedInMB: 64, billedDurationInMilliseconds: 100 },
    });
    expect(failed.output).toBeUndefined();
    expect(failed.$metadata.httpStatusCode).toBe(200);
    await expectAwsError(h.client.send(new StartSyncExecutionCommand({ stateMachineArn: await create('std') })), 'StateMachineTypeNotSupported', NOT_SUPPORTED);
  });
});
