// TestState for Map and Parallel states, which AWS only tests with a mock: the state's own fields are
// evaluated and inspected, the iterations / branches are replaced by the mocked result (recorded:
// test_base_map_state_inspect, test_map_state_failure_count, test_base_parallel_state_mock_success).
import type { SFNClient } from '@aws-sdk/client-sfn';
import { useEmbeddedSandbox } from '../support/embedded-sandbox';
import { sfnClientFor, testState } from './support';

const target = useEmbeddedSandbox();
let client: SFNClient;
beforeAll(() => {
  client = sfnClientFor(target);
});
afterAll(() => client.destroy());

const processor = (mode: 'INLINE' | 'DISTRIBUTED') => ({
  ProcessorConfig: mode === 'INLINE' ? { Mode: 'INLINE' } : { Mode: 'DISTRIBUTED', ExecutionType: 'EXPRESS' },
  StartAt: 'Put',
  States: { Put: { Type: 'Task', Resource: 'arn:aws:states:::dynamodb:putItem', Parameters: { TableName: 't', Item: {} }, End: true } },
});

describe('TestState: Map with a mock', () => {
  it('an inline JSONPath Map reports ItemsPath, ItemSelector and MaxConcurrency stages', async () => {
    const definition = {
      Type: 'Map',
      ItemsPath: '$.orders',
      ItemSelector: { 'order.$': '$$.Map.Item.Value', 'index.$': '$$.Map.Item.Index' },
      MaxConcurrency: 2,
      ItemProcessor: processor('INLINE'),
      ResultPath: '$.results',
      Next: 'Report',
    };
    const input = { orders: ['a', 'b'] };
    const response = await testState(client, { definition, input, mock: { result: '[1,2]' }, inspectionLevel: 'DEBUG' });
    expect(response).toEqual({
      status: 'SUCCEEDED',
      nextState: 'Report',
      output: { orders: ['a', 'b'], results: [1, 2] },
      inspectionData: {
        input,
        afterInputPath: input,
        afterItemsPath: ['a', 'b'],
        afterItemSelector: [
          { order: 'a', index: 0 },
          { order: 'b', index: 1 },
        ],
        maxConcurrency: 2,
        afterResultSelector: [1, 2],
        afterResultPath: { orders: ['a', 'b'], results: [1, 2] },
      },
    });
  });

  const distributed = (extra: Record<string, unknown>) => ({
    QueryLanguage: 'JSONata',
    Type: 'Map',
    Items: '{% $states.input.Values %}',
    ItemProcessor: processor('DISTRIBUTED'),
    ToleratedFailureCount: 1,
    ItemBatcher: { MaxItemsPerBatch: 2, BatchInput: { table: 'orders' } },
    End: true,
    ...extra,
  });
  const input = { Values: ['first', 'second', 'third'] };

  it('a Distributed Map reports tolerance, concurrency and batches; failures within the tolerance succeed', async () => {
    const response = await testState(client, {
      definition: distributed({}),
      input,
      mock: { result: '[1,1,0]' },
      stateConfiguration: { mapIterationFailureCount: 1 },
      inspectionLevel: 'DEBUG',
    });
    expect(response).toEqual({
      status: 'SUCCEEDED',
      output: [1, 1, 0],
      inspectionData: {
        input,
        afterItemBatcher: [
          { BatchInput: { table: 'orders' }, Items: ['first', 'second'] },
          { BatchInput: { table: 'orders' }, Items: ['third'] },
        ],
        maxConcurrency: 0,
        toleratedFailureCount: 1,
      },
    });
  });

  it('too many failed iterations raise States.ExceedToleratedFailureThreshold, which Catch and Retry see', async () => {
    const failed = await testState(client, {
      definition: distributed({}),
      input,
      mock: { result: '[0,0,1]' },
      stateConfiguration: { mapIterationFailureCount: 2 },
    });
    expect(failed).toEqual({
      status: 'FAILED',
      error: 'States.ExceedToleratedFailureThreshold',
      cause: 'The specified tolerated failure threshold was exceeded',
    });
    const caught = await testState(client, {
      definition: distributed({ Catch: [{ ErrorEquals: ['States.ExceedToleratedFailureThreshold'], Next: 'HandleThreshold' }] }),
      input,
      mock: { result: '[0,0,1]' },
      stateConfiguration: { mapIterationFailureCount: 2 },
      inspectionLevel: 'DEBUG',
    });
    expect(caught).toMatchObject({ status: 'CAUGHT_ERROR', nextState: 'HandleThreshold', inspectionData: { errorDetails: { catchIndex: 0 } } });
    const retriable = await testState(client, {
      definition: distributed({
        Retry: [
          { ErrorEquals: ['MockException'], MaxAttempts: 3 },
          { ErrorEquals: ['States.ExceedToleratedFailureThreshold'], MaxAttempts: 2 },
        ],
      }),
      input,
      mock: { result: '[0,0,1]' },
      stateConfiguration: { mapIterationFailureCount: 2 },
      inspectionLevel: 'DEBUG',
    });
    expect(retriable).toMatchObject({ status: 'RETRIABLE', inspectionData: { errorDetails: { retryIndex: 1, retryBackoffIntervalSeconds: 1 } } });
  });

  it('without a tolerance any failure count is accepted (recorded BASE_MAP_STATE)', async () => {
    const { ToleratedFailureCount: _unused, ...definition } = distributed({});
    const response = await testState(client, { definition, input, mock: { result: '[0,0,1]' }, stateConfiguration: { mapIterationFailureCount: 2 } });
    expect(response.status).toBe('SUCCEEDED');
  });

  it('an ItemReader Map takes mapItemReaderData as its items; a mocked error fails it', async () => {
    const definition = {
      QueryLanguage: 'JSONata',
      Type: 'Map',
      ItemReader: {
        Resource: 'arn:aws:states:::s3:getObject',
        ReaderConfig: { InputType: 'JSON' },
        Arguments: { Bucket: '{% $states.input.Bucket %}', Key: '{% $states.input.Key %}' },
      },
      ItemSelector: { value: '{% $states.context.Map.Item.Value %}' },
      ItemProcessor: processor('DISTRIBUTED'),
      MaxConcurrency: 1,
      End: true,
    };
    const readerInput = { Bucket: 'test-bucket', Key: 'test-key' };
    const response = await testState(client, {
      definition,
      input: readerInput,
      mock: { result: '[1,4,9]' },
      stateConfiguration: { mapItemReaderData: '[1,2,3]' },
      inspectionLevel: 'DEBUG',
    });
    expect(response).toEqual({
      status: 'SUCCEEDED',
      output: [1, 4, 9],
      inspectionData: { input: readerInput, afterItemSelector: [{ value: 1 }, { value: 2 }, { value: 3 }], maxConcurrency: 1 },
    });
    const failed = await testState(client, {
      definition,
      input: readerInput,
      mock: { errorOutput: { error: 'MockException', cause: 'Mock the error cause.' } },
      stateConfiguration: { errorCausedByState: 'Put' },
    });
    expect(failed).toEqual({ status: 'FAILED', error: 'MockException', cause: 'Mock the error cause.' });
  });
});

describe('TestState: Parallel with a mock', () => {
  const branches = [
    { StartAt: 'B1', States: { B1: { Type: 'Pass', End: true } } },
    { StartAt: 'B2', States: { B2: { Type: 'Pass', End: true } } },
  ];

  it('the mocked branch results go through ResultPath (recorded test_io_parallel_state_mock_success)', async () => {
    const definition = { Type: 'Parallel', Branches: branches, ResultPath: '$.parallelResult', End: true };
    const input = { parallelInput: { data: 'input_value' } };
    const result = [{ branch1: 'result' }, { branch2: 'result' }];
    const response = await testState(client, { definition, input, mock: { result: JSON.stringify(result) }, inspectionLevel: 'DEBUG' });
    expect(response.output).toEqual({ ...input, parallelResult: result });
    expect(response.inspectionData).toEqual({ input, afterResultSelector: result, afterResultPath: { ...input, parallelResult: result } });
  });

  it('JSONata Output sees the mocked result (recorded test_io_jsonata_parallel_state_mock_success)', async () => {
    const definition = {
      QueryLanguage: 'JSONata',
      Type: 'Parallel',
      Branches: branches,
      Output: { parallelInput: '{% $states.input.parallelInput %}', parallelResult: '{% $states.result %}' },
      End: true,
    };
    const input = { parallelInput: { data: 'input_value' } };
    const result = [{ branch1: 'result' }, { branch2: 'result' }];
    const response = await testState(client, { definition, input, mock: { result: JSON.stringify(result) } });
    expect(response).toEqual({ status: 'SUCCEEDED', output: { ...input, parallelResult: result } });
  });
});
