// The Map state's side of a Distributed Map (docs/aws-behaviour.md#distributed-map): parent events around the injected port, what the
// port receives (plain data: every ASL field already evaluated), and the one allowed unimplemented path (no port configured).
import { StatesError } from '../../../../src/engine/errors/states-error';
import type { DistributedMapPort, DistributedMapRequest } from '../../../../src/engine/states/map/distributed-port';
import { runWorkflow, shape } from '../../support/run-workflow';

const PROCESSOR = {
  ProcessorConfig: { Mode: 'DISTRIBUTED', ExecutionType: 'EXPRESS' },
  StartAt: 'Row',
  States: { Row: { Type: 'Pass', End: true } },
};

function csvMap(extra: Record<string, unknown> = {}) {
  return {
    StartAt: 'Init',
    States: {
      Init: { Type: 'Pass', Assign: { table: 'orders' }, Next: 'MapState' },
      MapState: {
        Type: 'Map',
        ItemProcessor: PROCESSOR,
        ItemReader: {
          Resource: 'arn:aws:states:::s3:getObject',
          Parameters: { 'Bucket.$': '$.Bucket', 'Key.$': '$.Key' },
          ReaderConfig: { InputType: 'CSV', CSVHeaderLocation: 'FIRST_ROW' },
        },
        ItemSelector: { 'row.$': '$$.Map.Item.Value', 'table.$': '$table' },
        Label: 'Rows',
        End: true,
        ...extra,
      },
    },
  };
}

/** The items the Map state read from ItemsPath / Items (none when an ItemReader supplies them). */
function arrayItems(request: DistributedMapRequest): readonly unknown[] | undefined {
  return request.source.kind === 'array' ? request.source.items : undefined;
}

function port(run: (request: DistributedMapRequest) => Promise<unknown>): DistributedMapPort & { requests: DistributedMapRequest[] } {
  const requests: DistributedMapRequest[] = [];
  return { requests, run: (request) => (requests.push(request), run(request)) };
}

describe('Distributed Map', () => {
  it("records MapStateStarted {length:0} with an ItemReader, then the port's Map Run events (recorded)", async () => {
    const fake = port(async (req) => {
      req.events.started('arn:aws:states:us-east-1:123456789012:mapRun:TestMachine/Rows:1');
      req.events.succeeded();
      return [{ Col1: 'Value1' }];
    });
    const { outcome, events } = await runWorkflow(csvMap(), { Bucket: 'b', Key: 'file.csv' }, { distributedMap: fake });
    expect(outcome).toEqual({ status: 'SUCCEEDED', output: [{ Col1: 'Value1' }] });
    expect(shape(events).slice(3)).toEqual([
      [4, 3, 'MapStateEntered'],
      [5, 4, 'MapStateStarted'],
      [6, 5, 'MapRunStarted'],
      [7, 6, 'MapRunSucceeded'],
      [8, 7, 'MapStateSucceeded'],
      [9, 6, 'MapStateExited'],
      [10, 9, 'ExecutionSucceeded'],
    ]);
    expect(events[4].mapStateStartedEventDetails).toEqual({ length: 0 });
    expect(events[5].mapRunStartedEventDetails).toEqual({ mapRunArn: 'arn:aws:states:us-east-1:123456789012:mapRun:TestMachine/Rows:1' });
  });

  it('hands the port plain data: the evaluated ItemReader, Label, defaults, a child definition and an ItemSelector that sees parent variables', async () => {
    const fake = port(async () => []);
    await runWorkflow(csvMap(), { Bucket: 'b', Key: 'k' }, { distributedMap: fake });
    const [request] = fake.requests;
    expect(request.source).toEqual({
      kind: 'reader',
      spec: { resource: 'getObject', bucket: 'b', key: 'k', inputType: 'CSV', csvHeaderLocation: 'FIRST_ROW', maxItems: 0, unsupported: [] },
    });
    expect(request).toMatchObject({ stateName: 'MapState', label: 'Rows', executionType: 'EXPRESS', maxConcurrency: 0, tolerance: {} });
    expect(request.batcher).toBeUndefined();
    expect(request.writer).toBeUndefined();
    expect(request.childDefinition.type).toBe('EXPRESS');
    expect(Object.keys(request.childDefinition.program.States)).toEqual(['Row']);
    expect(request.execution.executionArn).toContain(':execution:TestMachine:');
    expect(await request.selectItem!({ id: '7' }, 3)).toEqual({ row: { id: '7' }, table: 'orders' });
  });

  it('evaluates ItemBatcher, ResultWriter, MaxConcurrency and the tolerated failures before handing them over', async () => {
    const fake = port(async () => []);
    const extra = {
      ItemBatcher: { MaxItemsPerBatchPath: '$.size', BatchInput: { 'table.$': '$table' } },
      ResultWriter: { Resource: 'arn:aws:states:::s3:putObject', Parameters: { Bucket: 'out', 'Prefix.$': '$.Key' } },
      MaxConcurrencyPath: '$.size',
      ToleratedFailurePercentage: 5,
    };
    await runWorkflow(csvMap(extra), { Bucket: 'b', Key: 'k', size: '4' }, { distributedMap: fake });
    const [request] = fake.requests;
    expect(request.batcher).toEqual({ maxItemsPerBatch: 4, maxInputBytesPerBatch: undefined, batchInput: { table: 'orders' } });
    expect(request.writer).toEqual({ s3: { bucket: 'out', prefix: 'k' }, outputType: 'JSON', transformation: 'NONE' });
    expect(request.maxConcurrency).toBe(4);
    expect(request.tolerance).toEqual({ count: undefined, percentage: 5 });
  });

  it('an ItemSelector reads Map.Item.Source and a failure names the item index', async () => {
    const fake = port(async () => []);
    await runWorkflow(
      csvMap({ ItemSelector: { 'source.$': '$$.Map.Item.Source', 'n.$': 'States.StringToJson($$.Map.Item.Value)' } }),
      { Bucket: 'b', Key: 'k' },
      { distributedMap: fake },
    );
    const [request] = fake.requests;
    expect(await request.selectItem!('1', 0)).toEqual({ source: 'S3://b/k', n: 1 });
    await expect(request.selectItem!('{', 2)).rejects.toMatchObject({ cause: expect.stringContaining('(ItemSelector, item index 2)') });
  });

  it('passes ItemsPath items and reports their count when there is no ItemReader', async () => {
    const fake = port(async (req) => arrayItems(req));
    const definition = { StartAt: 'M', States: { M: { Type: 'Map', ItemProcessor: PROCESSOR, ItemsPath: '$.xs', End: true } } };
    const { outcome, events } = await runWorkflow(definition, { xs: [1, 2, 3] }, { distributedMap: fake });
    expect(outcome.output).toEqual([1, 2, 3]);
    expect(events[2].mapStateStartedEventDetails).toEqual({ length: 3 });
  });

  it('a legacy Iterator with ProcessorConfig DISTRIBUTED starts a Map Run (recorded test_map_state_legacy_config_distributed)', async () => {
    const fake = port(async (req) => {
      req.events.started('arn:run');
      req.events.succeeded();
      return arrayItems(req);
    });
    const definition = { StartAt: 'M', States: { M: { Type: 'Map', MaxConcurrency: 1, Iterator: PROCESSOR, End: true } } };
    const { outcome, events } = await runWorkflow(definition, ['Hello', 'World'], { distributedMap: fake });
    expect(outcome.output).toEqual(['Hello', 'World']);
    expect(fake.requests[0].childDefinition.type).toBe('EXPRESS');
    expect(shape(events)).toEqual([
      [1, 0, 'ExecutionStarted'],
      [2, 0, 'MapStateEntered'],
      [3, 2, 'MapStateStarted'],
      [4, 3, 'MapRunStarted'],
      [5, 4, 'MapRunSucceeded'],
      [6, 5, 'MapStateSucceeded'],
      [7, 4, 'MapStateExited'],
      [8, 7, 'ExecutionSucceeded'],
    ]);
  });

  it("MapRunFailed → MapStateFailed → ExecutionFailed with the port's error", async () => {
    const fake = port(async (req) => {
      req.events.started('arn:run');
      req.events.failed('States.ItemReaderFailed', 'CSV headers cannot contain duplicates.');
      throw new StatesError('States.ItemReaderFailed', 'CSV headers cannot contain duplicates.');
    });
    const { outcome, events } = await runWorkflow(csvMap(), { Bucket: 'b', Key: 'k' }, { distributedMap: fake });
    expect(outcome).toEqual({ status: 'FAILED', error: 'States.ItemReaderFailed', cause: 'CSV headers cannot contain duplicates.' });
    expect(shape(events).slice(4)).toEqual([
      [5, 4, 'MapStateStarted'],
      [6, 5, 'MapRunStarted'],
      [7, 6, 'MapRunFailed'],
      [8, 7, 'MapStateFailed'],
      [9, 8, 'ExecutionFailed'],
    ]);
    expect(events[6].mapRunFailedEventDetails).toEqual({ error: 'States.ItemReaderFailed', cause: 'CSV headers cannot contain duplicates.' });
  });

  it('a Map Run failure is catchable at the Map state', async () => {
    const fake = port(async () => {
      throw new StatesError('States.ExceedToleratedFailureThreshold', 'The specified tolerated failure threshold was exceeded');
    });
    const definition = csvMap({ End: undefined, Next: 'Done', Catch: [{ ErrorEquals: ['States.ExceedToleratedFailureThreshold'], Next: 'Done' }] });
    const { outcome } = await runWorkflow(
      { ...definition, States: { ...definition.States, Done: { Type: 'Succeed' } } },
      { Bucket: 'b', Key: 'k' },
      { distributedMap: fake },
    );
    expect(outcome.output).toEqual({ Error: 'States.ExceedToleratedFailureThreshold', Cause: 'The specified tolerated failure threshold was exceeded' });
  });

  it('child executions run the child definition in their own variable scope: parent variables are not visible', async () => {
    const definition = {
      StartAt: 'Init',
      States: {
        Init: { Type: 'Pass', Assign: { secret: 1 }, Next: 'M' },
        M: {
          Type: 'Map',
          ItemsPath: '$.xs',
          ItemProcessor: { ...PROCESSOR, States: { Row: { Type: 'Pass', Parameters: { 'v.$': '$secret' }, End: true } } },
          End: true,
        },
      },
    };
    const fake = port(async (req) => {
      const child = await runWorkflow(req.childDefinition.source, arrayItems(req)?.[0], { type: req.childDefinition.type });
      return [child.outcome];
    });
    const { outcome } = await runWorkflow(definition, { xs: [1] }, { distributedMap: fake });
    expect((outcome.output as { error?: string }[])[0]).toMatchObject({ status: 'FAILED', error: 'States.Runtime' });
  });

  it('without a configured port fails with States.Runtime', async () => {
    const { outcome } = await runWorkflow(csvMap(), { Bucket: 'b', Key: 'k' });
    expect(outcome).toEqual({ status: 'FAILED', error: 'States.Runtime', cause: 'Distributed Map is not configured in this engine' });
  });
});
