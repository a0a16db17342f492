// The service side of the Distributed Map runtime's MapRunHost port and the Map Run APIs over it (docs/aws-behaviour.md#distributed-map, #map-run-api).
import {
  CreateStateMachineCommand,
  DescribeExecutionCommand,
  DescribeMapRunCommand,
  DescribeStateMachineCommand,
  DescribeStateMachineForExecutionCommand,
  GetExecutionHistoryCommand,
  ListExecutionsCommand,
  ListMapRunsCommand,
  StartExecutionCommand,
  UpdateMapRunCommand,
} from '@aws-sdk/client-sfn';
import type { MapRunHandle, MapRunHost } from '../../src/map-run';
import type { DistributedMapPort, ExecutionIdentity } from '../../src/engine';
import { expectAwsError } from './support/expect-error';
import type { StateMachineDefinition } from '../../src/engine';
import { realEngine } from '../../src/services/stepfunctions/runs/real-engine';
import { failDefinition, noTasks, passDefinition, ROLE_ARN, startHarness, waitDefinition, type Harness } from './support/harness';
import { ManualClock } from './support/manual-clock';

const BASE = 'arn:aws:states:us-east-1:000000000000';
const ZERO = {
  pending: 0,
  running: 0,
  succeeded: 0,
  failed: 0,
  timedOut: 0,
  aborted: 0,
  total: 0,
  resultsWritten: 0,
  failuresNotRedrivable: 0,
  pendingRedrive: 0,
};

describe('Map Runs', () => {
  let h: Harness<StateMachineDefinition>;
  let clock: ManualClock;
  let parentArn: string;
  const engine = realEngine();
  /** What the engine hands over for an ItemProcessor: a StateMachineDefinition, whose `source` is its JSON. */
  const child = (definition: string, type: 'STANDARD' | 'EXPRESS' = 'STANDARD') => engine.parse(definition, { type, tasks: noTasks });
  const never = new AbortController().signal;

  beforeEach(async () => {
    clock = new ManualClock();
    h = await startHarness({ clock, engine });
    const { stateMachineArn } = await h.client.send(new CreateStateMachineCommand({ name: 'parent', definition: waitDefinition(), roleArn: ROLE_ARN }));
    parentArn = (await h.client.send(new StartExecutionCommand({ stateMachineArn, name: 'p1' }))).executionArn as string;
    await clock.sleeping();
  });
  afterEach(() => h.close());

  const parent = (): ExecutionIdentity => ({
    executionArn: parentArn,
    executionName: 'p1',
    stateMachineArn: `${BASE}:stateMachine:parent`,
    stateMachineName: 'parent',
    roleArn: ROLE_ARN,
    startTime: new Date(),
    type: 'STANDARD',
    redriveCount: 0,
  });
  const createRun = (executionType: 'STANDARD' | 'EXPRESS', label: string | null = 'Items'): MapRunHandle =>
    h.service.mapRuns.createMapRun({
      parent: parent(),
      stateName: 'Items',
      keepsOutputs: true,
      label: label ?? undefined,
      executionType,
      maxConcurrency: 1,
      tolerance: {},
    });

  it('runs STANDARD children that are listable, describable and counted', async () => {
    const run = createRun('STANDARD');
    expect(run.mapRunArn).toMatch(new RegExp(`^${BASE}:mapRun:parent/Items:[0-9a-f-]{36}$`));
    expect([run.maxConcurrency(), run.tolerance()]).toEqual([1, {}]);
    run.setTotalItems(3);
    const definition = child(passDefinition('done'));
    const [a, b] = await Promise.all([
      run.startChild({ definition, input: { row: 1 }, itemCount: 1, firstItemIndex: 0, signal: never }),
      run.startChild({ definition, input: [{ row: 2 }, { row: 3 }], itemCount: 2, firstItemIndex: 0, signal: never }),
    ]);
    expect(a).toEqual({
      executionArn: `${BASE}:execution:parent/Items:${a.name}`,
      name: expect.stringMatching(/^[0-9a-f-]{36}$/),
      stateMachineArn: `${BASE}:stateMachine:parent/Items`,
      status: 'SUCCEEDED',
      output: 'done',
      startDate: expect.any(Date),
      stopDate: expect.any(Date),
    });
    run.finish('SUCCEEDED', 3);

    const described = await h.client.send(new DescribeMapRunCommand({ mapRunArn: run.mapRunArn }));
    const { $metadata, ...body } = described;
    expect(body).toEqual({
      mapRunArn: run.mapRunArn,
      executionArn: parentArn,
      status: 'SUCCEEDED',
      startDate: expect.any(Date),
      stopDate: expect.any(Date),
      maxConcurrency: 1,
      toleratedFailurePercentage: 0,
      toleratedFailureCount: 0,
      itemCounts: { ...ZERO, succeeded: 3, total: 3, resultsWritten: 3 },
      executionCounts: { ...ZERO, succeeded: 2, total: 2, resultsWritten: 2 },
      redriveCount: 0,
    });
    const listed = await h.client.send(new ListMapRunsCommand({ executionArn: parentArn }));
    expect(listed.mapRuns).toEqual([
      { executionArn: parentArn, mapRunArn: run.mapRunArn, stateMachineArn: a.stateMachineArn, startDate: expect.any(Date), stopDate: expect.any(Date) },
    ]);
    const children = await h.client.send(new ListExecutionsCommand({ mapRunArn: run.mapRunArn }));
    expect(children.executions?.map((e) => [e.executionArn, e.itemCount, e.mapRunArn, e.stateMachineArn])).toEqual([
      [b.executionArn, 2, run.mapRunArn, a.stateMachineArn],
      [a.executionArn, 1, run.mapRunArn, a.stateMachineArn],
    ]);
    const childDescribed = await h.client.send(new DescribeExecutionCommand({ executionArn: a.executionArn }));
    expect(childDescribed).toMatchObject({ mapRunArn: run.mapRunArn, input: '{"row":1}', output: '"done"', status: 'SUCCEEDED' });
    const childMachine = await h.client.send(new DescribeStateMachineForExecutionCommand({ executionArn: a.executionArn }));
    expect(childMachine).toMatchObject({ stateMachineArn: a.stateMachineArn, label: 'Items', mapRunArn: run.mapRunArn, definition: passDefinition('done') });
    const machine = await h.client.send(new DescribeStateMachineCommand({ stateMachineArn: a.stateMachineArn }));
    expect(machine).toMatchObject({ name: 'parent/Items', label: 'Items', type: 'STANDARD', status: 'ACTIVE', definition: passDefinition('done') });
  });

  it('keeps EXPRESS children as list entries only, and counts failures and pending items', async () => {
    const run = createRun('EXPRESS', null);
    expect(run.mapRunArn).toMatch(new RegExp(`^${BASE}:mapRun:parent/[0-9a-f-]{36}:[0-9a-f-]{36}$`));
    run.setTotalItems(6);
    const result = await run.startChild({ definition: child(failDefinition(), 'EXPRESS'), input: {}, itemCount: 2, firstItemIndex: 0, signal: never });
    expect(result).toMatchObject({ status: 'FAILED', error: 'SomeFailure', cause: 'This state machines raises a failure' });
    expect(result.executionArn).toMatch(/:express:parent\/[0-9a-f-]{36}:[0-9a-f-]{36}:[0-9a-f-]{36}$/);
    run.itemsNotStarted(4);
    run.finish('FAILED', 0);
    const { itemCounts, executionCounts, status } = await h.client.send(new DescribeMapRunCommand({ mapRunArn: run.mapRunArn }));
    expect(status).toBe('FAILED');
    expect(itemCounts).toEqual({ ...ZERO, pending: 4, failed: 2, total: 6 });
    expect(executionCounts).toEqual({ ...ZERO, failed: 1, total: 1 });
    const listed = await h.client.send(new ListExecutionsCommand({ mapRunArn: run.mapRunArn }));
    expect(listed.executions).toEqual([
      {
        executionArn: result.executionArn,
        stateMachineArn: result.stateMachineArn,
        name: result.name,
        status: 'FAILED',
        startDate: expect.any(Date),
        stopDate: expect.any(Date),
        mapRunArn: run.mapRunArn,
        itemCount: 2,
        redriveCount: 0,
      },
    ]);
    await expectAwsError(
      h.client.send(new DescribeExecutionCommand({ executionArn: result.executionArn })),
      'InvalidArn',
      "Invalid Arn: 'Resource type not valid in this context: express'",
    );
  });

  it('aborts every child still running on a shared signal, and only those', async () => {
    const run = createRun('STANDARD');
    const controller = new AbortController();
    const start = (definition: string, firstItemIndex: number) =>
      run.startChild({ definition: child(definition), input: {}, itemCount: 1, firstItemIndex, signal: controller.signal });
    const finished = await start(passDefinition('done'), 0);
    const waiting = [start(waitDefinition(), 1), start(waitDefinition(), 2)];
    // The parent's own Wait and the two children's.
    await clock.sleeping(3);
    controller.abort({ error: 'States.Aborted', cause: 'parent stopped' });
    expect(finished).toMatchObject({ status: 'SUCCEEDED' });
    for (const pending of waiting) expect(await pending).toMatchObject({ status: 'ABORTED', error: 'States.Aborted', cause: 'parent stopped' });
    const { executionCounts } = await h.client.send(new DescribeMapRunCommand({ mapRunArn: run.mapRunArn }));
    expect(executionCounts).toMatchObject({ aborted: 2, succeeded: 1, running: 0, total: 3 });
  });

  it('aborts a child when its signal fires', async () => {
    const run = createRun('STANDARD');
    const controller = new AbortController();
    const pending = run.startChild({ definition: child(waitDefinition()), input: {}, itemCount: 1, firstItemIndex: 0, signal: controller.signal });
    await clock.sleeping(2);
    controller.abort({ error: 'States.Aborted', cause: 'parent stopped' });
    expect(await pending).toMatchObject({ status: 'ABORTED', error: 'States.Aborted', cause: 'parent stopped' });
    const { executionCounts } = await h.client.send(new DescribeMapRunCommand({ mapRunArn: run.mapRunArn }));
    expect(executionCounts).toMatchObject({ aborted: 1, running: 0, total: 1 });
  });

  it('updates a running Map Run, which the runtime reads back, within the model ranges', async () => {
    const run = createRun('STANDARD');
    await h.client.send(new UpdateMapRunCommand({ mapRunArn: run.mapRunArn, maxConcurrency: 5, toleratedFailurePercentage: 12.5 }));
    expect([run.maxConcurrency(), run.tolerance()]).toEqual([5, { percentage: 12.5 }]);
    await expectAwsError(
      h.client.send(new UpdateMapRunCommand({ mapRunArn: run.mapRunArn, toleratedFailurePercentage: 101 })),
      'ValidationException',
      "1 validation error detected: Value '101' at 'toleratedFailurePercentage' failed to satisfy constraint: Member must have value less than or equal to 100",
    );
    await expectAwsError(
      h.client.send(new UpdateMapRunCommand({ mapRunArn: run.mapRunArn, maxConcurrency: -1 })),
      'ValidationException',
      "1 validation error detected: Value '-1' at 'maxConcurrency' failed to satisfy constraint: Member must have value greater than or equal to 0",
    );
    const missing = await expectAwsError(h.client.send(new UpdateMapRunCommand({ mapRunArn: run.mapRunArn })), 'ValidationException');
    expect((missing as unknown as { reason?: string }).reason).toBe('MISSING_REQUIRED_PARAMETER');
    run.finish('ABORTED', 0);
    const done = await expectAwsError(h.client.send(new UpdateMapRunCommand({ mapRunArn: run.mapRunArn, maxConcurrency: 2 })), 'ValidationException');
    expect((done as unknown as { reason?: string }).reason).toBe('CANNOT_UPDATE_COMPLETED_MAP_RUN');
  });

  it('reports unknown and malformed Map Run ARNs', async () => {
    const missing = `${BASE}:mapRun:parent/Items:00000000-0000-0000-0000-000000000000`;
    await expectAwsError(h.client.send(new DescribeMapRunCommand({ mapRunArn: missing })), 'ResourceNotFound');
    await expectAwsError(h.client.send(new ListExecutionsCommand({ mapRunArn: missing })), 'ResourceNotFound');
    await expectAwsError(h.client.send(new DescribeMapRunCommand({ mapRunArn: 'nope' })), 'InvalidArn', "Invalid Arn: 'Invalid ARN prefix: nope'");
    await expectAwsError(h.client.send(new ListMapRunsCommand({ executionArn: `${BASE}:execution:parent:missing` })), 'ExecutionDoesNotExist');
    await expectAwsError(
      h.client.send(new ListExecutionsCommand({ mapRunArn: missing, stateMachineArn: `${BASE}:stateMachine:parent` })),
      'ValidationException',
    );
  });
});

describe('Distributed Map runtime wiring', () => {
  it('hands the runtime this service as its MapRunHost through EngineDeps.distributedMap', async () => {
    // A minimal runtime: one child per item, all at once, outputs in item order.
    const distributedMap = (host: MapRunHost): DistributedMapPort => ({
      async run(request) {
        const run = host.createMapRun({
          parent: request.execution,
          stateName: 'Rows',
          keepsOutputs: true,
          label: 'Rows',
          executionType: 'STANDARD',
          maxConcurrency: 0,
          tolerance: {},
        });
        request.events.started(run.mapRunArn);
        const children = await Promise.all(
          (request.source.kind === 'array' ? request.source.items : []).map((item) =>
            run.startChild({ definition: request.childDefinition, input: item, itemCount: 1, firstItemIndex: 0, signal: request.signal }),
          ),
        );
        run.finish('SUCCEEDED', children.length);
        request.events.succeeded();
        return children.map((c) => c.output);
      },
    });
    const h = await startHarness({ distributedMap });
    try {
      const definition = JSON.stringify({
        StartAt: 'Map',
        States: {
          Map: {
            Type: 'Map',
            ItemsPath: '$.rows',
            Label: 'Rows',
            ItemProcessor: {
              ProcessorConfig: { Mode: 'DISTRIBUTED', ExecutionType: 'STANDARD' },
              StartAt: 'Echo',
              States: { Echo: { Type: 'Pass', End: true } },
            },
            End: true,
          },
        },
      });
      const { stateMachineArn } = await h.client.send(new CreateStateMachineCommand({ name: 'dmap', definition, roleArn: ROLE_ARN }));
      const { executionArn } = await h.client.send(new StartExecutionCommand({ stateMachineArn, input: '{"rows":[{"id":1},{"id":2}]}' }));
      await h.runs.done(executionArn as string);
      expect(await h.client.send(new DescribeExecutionCommand({ executionArn }))).toMatchObject({ status: 'SUCCEEDED', output: '[{"id":1},{"id":2}]' });
      const { mapRuns } = await h.client.send(new ListMapRunsCommand({ executionArn }));
      expect(mapRuns).toHaveLength(1);
      expect(mapRuns?.[0].mapRunArn).toMatch(new RegExp(`^${BASE}:mapRun:dmap/Rows:`));
      const children = await h.client.send(new ListExecutionsCommand({ mapRunArn: mapRuns?.[0].mapRunArn }));
      expect(children.executions?.map((e) => e.status)).toEqual(['SUCCEEDED', 'SUCCEEDED']);
      const history = await h.client.send(new GetExecutionHistoryCommand({ executionArn }));
      expect(history.events?.find((e) => e.type === 'MapRunStarted')?.mapRunStartedEventDetails).toEqual({ mapRunArn: mapRuns?.[0].mapRunArn });
      const machine = await h.client.send(new DescribeStateMachineCommand({ stateMachineArn: mapRuns?.[0].stateMachineArn }));
      expect(machine).toMatchObject({ label: 'Rows', name: 'dmap/Rows' });
      expect(JSON.parse(machine.definition as string)).toMatchObject({ StartAt: 'Echo' });
    } finally {
      await h.close();
    }
  });
});
