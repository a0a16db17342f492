// TestState for Task states through SDK v3: without a mock the real integration runs against the sandbox
// (as AWS calls the real service); with a mock the result or error is the mock's. Retry/Catch outcomes
// follow AWS's recordings (test_state_configuration, test_state_task_catch_error).
import { CreateTableCommand, GetItemCommand } from '@aws-sdk/client-dynamodb';
import type { SFNClient } from '@aws-sdk/client-sfn';
import { useEmbeddedSandbox } from '../support/embedded-sandbox';
import { ROLE_ARN, sfnClientFor, testState } from './support';

const target = useEmbeddedSandbox();
let client: SFNClient;
const TABLE = 'test-state-orders';
beforeAll(async () => {
  client = sfnClientFor(target);
  await target.clients.dynamodb.send(
    new CreateTableCommand({
      TableName: TABLE,
      AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }],
      KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
      BillingMode: 'PAY_PER_REQUEST',
    }),
  );
});
afterAll(() => client.destroy());

const putItem = (extra: Record<string, unknown> = {}) => ({
  Type: 'Task',
  Resource: 'arn:aws:states:::dynamodb:putItem',
  Parameters: { TableName: TABLE, Item: { id: { 'S.$': '$.id' }, data: { 'S.$': '$.data' } } },
  ResultPath: '$.putItemOutput',
  End: true,
  ...extra,
});

describe('TestState: Task states calling the sandbox', () => {
  it('a real DynamoDB putItem writes the item and reports the stages (JSONPath)', async () => {
    const input = { id: 'real-1', data: 'HelloWorld' };
    const response = await testState(client, { definition: putItem(), input, roleArn: ROLE_ARN, inspectionLevel: 'DEBUG' });
    expect(response.status).toBe('SUCCEEDED');
    expect(response.output).toEqual({ ...input, putItemOutput: expect.objectContaining({ SdkHttpMetadata: expect.any(Object) }) });
    expect(response.inspectionData).toMatchObject({
      input,
      afterInputPath: input,
      afterParameters: { TableName: TABLE, Item: { id: { S: 'real-1' }, data: { S: 'HelloWorld' } } },
      result: expect.any(Object),
    });
    const stored = await target.clients.dynamodb.send(new GetItemCommand({ TableName: TABLE, Key: { id: { S: 'real-1' } } }));
    expect(stored.Item).toEqual({ id: { S: 'real-1' }, data: { S: 'HelloWorld' } });
  });

  it("a real putItem that DynamoDB rejects fails with the integration's error (JSONata, afterArguments)", async () => {
    const definition = {
      QueryLanguage: 'JSONata',
      Type: 'Task',
      Resource: 'arn:aws:states:::dynamodb:putItem',
      Arguments: { TableName: 'no-such-table', Item: { id: { S: '{% $states.input.id %}' } } },
      End: true,
    };
    const response = await testState(client, { definition, input: { id: 'x' }, roleArn: ROLE_ARN, inspectionLevel: 'DEBUG' });
    expect(response).toMatchObject({ status: 'FAILED', error: 'DynamoDB.ResourceNotFoundException' });
    expect(response.inspectionData).toEqual({ input: { id: 'x' }, afterArguments: { TableName: 'no-such-table', Item: { id: { S: 'x' } } } });
  });
});

describe('TestState: mocked Task states', () => {
  it('a mocked result goes through ResultPath without calling DynamoDB (recorded test_io_dynamodb_service_task_mock_success[io])', async () => {
    const input = { id: 'mocked-1', data: 'HelloWorld' };
    const response = await testState(client, { definition: putItem(), input, mock: { result: '{"SdkHttpMetadata":{"HttpStatusCode":200}}' } });
    expect(response).toEqual({ status: 'SUCCEEDED', output: { ...input, putItemOutput: { SdkHttpMetadata: { HttpStatusCode: 200 } } } });
    const stored = await target.clients.dynamodb.send(new GetItemCommand({ TableName: TABLE, Key: { id: { S: 'mocked-1' } } }));
    expect(stored.Item).toBeUndefined();
  });

  const retrying = {
    QueryLanguage: 'JSONata',
    Type: 'Task',
    Resource: 'arn:aws:states:::lambda:invoke',
    Arguments: { FunctionName: 'foo', Payload: 'bar' },
    Retry: [{ ErrorEquals: ['MockException'], IntervalSeconds: 1, MaxAttempts: 5, BackoffRate: 2.0 }],
    End: true,
  };
  const mockError = { errorOutput: { error: 'MockException', cause: 'Mock the cause of the error.' } };

  it('a mocked error a retrier matches is RETRIABLE with the back-off; past MaxAttempts it FAILS (recorded retrier_retry_count)', async () => {
    const input = { Values: ['first', 'second', 'third'] };
    const retriable = await testState(client, {
      definition: retrying,
      input,
      mock: mockError,
      stateConfiguration: { retrierRetryCount: 4 },
      inspectionLevel: 'DEBUG',
    });
    expect(retriable).toEqual({
      status: 'RETRIABLE',
      error: 'MockException',
      cause: 'Mock the cause of the error.',
      inspectionData: { input, afterArguments: { FunctionName: 'foo', Payload: 'bar' }, errorDetails: { retryIndex: 0, retryBackoffIntervalSeconds: 16 } },
    });
    const exhausted = await testState(client, {
      definition: retrying,
      input,
      mock: mockError,
      stateConfiguration: { retrierRetryCount: 5 },
      inspectionLevel: 'DEBUG',
    });
    expect(exhausted).toMatchObject({ status: 'FAILED', error: 'MockException', inspectionData: { errorDetails: { retryIndex: 0 } } });
  });

  it("a mocked error a catcher matches is CAUGHT_ERROR with the catcher's output and Next (recorded test_state_task_catch_error)", async () => {
    const definition = {
      QueryLanguage: 'JSONata',
      Type: 'Task',
      Resource: 'arn:aws:states:::lambda:invoke',
      Arguments: { FunctionName: 'foo', Payload: 'bar' },
      Catch: [
        { ErrorEquals: ['MockException'], Output: '{% $states.errorOutput %}', Next: 'HandleMockError' },
        { ErrorEquals: ['States.TaskFailed'], Output: '{% $states.errorOutput %}', Next: 'HandleThreshold' },
      ],
      End: true,
    };
    const caught = await testState(client, { definition, input: { Value: 'HelloWorld' }, mock: mockError, inspectionLevel: 'DEBUG' });
    expect(caught).toEqual({
      status: 'CAUGHT_ERROR',
      error: 'MockException',
      cause: 'Mock the cause of the error.',
      nextState: 'HandleMockError',
      output: { Error: 'MockException', Cause: 'Mock the cause of the error.' },
      inspectionData: { input: { Value: 'HelloWorld' }, afterArguments: { FunctionName: 'foo', Payload: 'bar' }, errorDetails: { catchIndex: 0 } },
    });
    const second = await testState(client, { definition, input: {}, mock: { errorOutput: { error: 'States.TaskFailed', cause: 'The task failed.' } } });
    expect(second).toMatchObject({ status: 'CAUGHT_ERROR', nextState: 'HandleThreshold' });
  });

  it('$states.context.State.RetryCount is the configured retry count', async () => {
    const definition = { ...retrying, Output: '{% $states.context.State.RetryCount %}' };
    const response = await testState(client, { definition, input: {}, mock: { result: '{}' }, stateConfiguration: { retrierRetryCount: 3 } });
    expect(response).toEqual({ status: 'SUCCEEDED', output: 3 });
  });

  it('a .sync Task runs only with a mock; its context may carry Task.Token', async () => {
    const definition = {
      Type: 'Task',
      Resource: 'arn:aws:states:::states:startExecution.sync:2',
      Parameters: { StateMachineArn: 'arn:aws:states:us-east-1:000000000000:stateMachine:Child', 'Token.$': '$$.Task.Token' },
      ResultSelector: { 'status.$': '$.Status', 'token.$': '$$.Task.Token' },
      End: true,
    };
    const mock = { result: JSON.stringify({ ExecutionArn: 'arn:e', StateMachineArn: 'arn:s', Status: 'SUCCEEDED', StartDate: '2025-01-01T00:00:00Z' }) };
    const response = await testState(client, {
      definition,
      input: {},
      mock,
      context: JSON.stringify({ Task: { Token: 'abcd123' } }),
      inspectionLevel: 'DEBUG',
    });
    expect(response).toMatchObject({ status: 'SUCCEEDED', output: { status: 'SUCCEEDED', token: 'abcd123' } });
    expect(response.inspectionData?.afterParameters).toEqual({ StateMachineArn: 'arn:aws:states:us-east-1:000000000000:stateMachine:Child', Token: 'abcd123' });
    await expect(testState(client, { definition, input: {}, roleArn: ROLE_ARN })).rejects.toMatchObject({
      name: 'ValidationException',
      message: 'TestState does not support .sync or .waitForTaskToken service integration patterns when a mock is not specified.',
    });
  });
});
