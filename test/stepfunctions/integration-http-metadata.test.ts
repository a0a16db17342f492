// What AWS's optimized integrations report as SdkHttpMetadata, end to end on the embedded sandbox (whose
// Task calls reach the endpoint in-process): DynamoDB's and Step Functions' header sets in wire order, with
// Server, Connection and Date, and the StartExecution result's StartDate in epoch seconds.
import { CreateStateMachineCommand, StartSyncExecutionCommand } from '@aws-sdk/client-sfn';
import { createTable, ROLE_ARN } from './redrive-support';
import { useEmbeddedSandbox } from './support/embedded-sandbox';

const TABLE = 'http-metadata';
const HTTP_DATE = /^[A-Z][a-z]{2}, \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} GMT$/;

describe('SdkHttpMetadata of optimized integrations', () => {
  const target = useEmbeddedSandbox();
  beforeAll(() => createTable(target.clients.dynamodb, TABLE));

  async function run(name: string, task: Record<string, unknown>): Promise<Record<string, any>> {
    const { stateMachineArn } = await target.clients.sfn.send(
      new CreateStateMachineCommand({
        name,
        type: 'EXPRESS',
        roleArn: ROLE_ARN,
        definition: JSON.stringify({ QueryLanguage: 'JSONata', StartAt: 'T', States: { T: { Type: 'Task', ...task, End: true } } }),
      }),
    );
    const execution = await target.clients.sfn.send(new StartSyncExecutionCommand({ stateMachineArn }));
    expect(execution.status).toBe('SUCCEEDED');
    return JSON.parse(execution.output!);
  }

  it("dynamodb:putItem carries DynamoDB's headers in its order (recorded test_base_integrations[DYNAMODB_PUT_GET_ITEM])", async () => {
    const output = await run('put-metadata', {
      Resource: 'arn:aws:states:::dynamodb:putItem',
      Arguments: { TableName: TABLE, Item: { pk: { S: 'row-1' } } },
    });
    const { AllHttpHeaders, HttpHeaders, HttpStatusCode } = output.SdkHttpMetadata;
    const requestId = output.SdkResponseMetadata.RequestId;
    expect(Object.keys(AllHttpHeaders)).toEqual(['Server', 'Connection', 'x-amzn-RequestId', 'x-amz-crc32', 'Content-Length', 'Date', 'Content-Type']);
    expect(AllHttpHeaders).toMatchObject({
      Server: ['Server'],
      Connection: ['keep-alive'],
      'x-amzn-RequestId': [requestId],
      'Content-Length': ['2'],
      'Content-Type': ['application/x-amz-json-1.0'],
    });
    expect(AllHttpHeaders.Date[0]).toMatch(HTTP_DATE);
    expect(Object.keys(HttpHeaders)).toEqual(['Connection', 'Content-Length', 'Content-Type', 'Date', 'Server', 'x-amz-crc32', 'x-amzn-RequestId']);
    expect(HttpStatusCode).toBe(200);
  });

  it("states:startExecution carries Step Functions' headers and StartDate in epoch seconds (recorded test_start_execution)", async () => {
    const child = await target.clients.sfn.send(
      new CreateStateMachineCommand({
        name: 'metadata-child',
        roleArn: ROLE_ARN,
        definition: JSON.stringify({ StartAt: 'P', States: { P: { Type: 'Pass', End: true } } }),
      }),
    );
    const before = Date.now() / 1000;
    const output = await run('start-metadata', {
      Resource: 'arn:aws:states:::states:startExecution',
      Arguments: { StateMachineArn: child.stateMachineArn, Input: { Hello: 'World' } },
    });
    expect(Object.keys(output.SdkHttpMetadata.AllHttpHeaders)).toEqual(['x-amzn-RequestId', 'connection', 'Content-Length', 'Date', 'Content-Type']);
    expect(output.SdkHttpMetadata.AllHttpHeaders.connection).toEqual(['keep-alive']);
    expect(Object.keys(output.SdkHttpMetadata.HttpHeaders)).toEqual(['connection', 'Content-Length', 'Content-Type', 'Date', 'x-amzn-RequestId']);
    expect(output.StartDate).toBeGreaterThanOrEqual(Math.floor(before));
    expect(output.StartDate).toBeLessThan(before + 600);
  });
});
