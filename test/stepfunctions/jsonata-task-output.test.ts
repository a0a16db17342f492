// docs/aws-behaviour.md#query-languages-and-data-flow on the real integration: a JSONata Task without Output replaces its input with the raw
// optimized-integration result, SdkHttpMetadata and SdkResponseMetadata included (there is no ResultPath).
import { CreateStateMachineCommand, StartSyncExecutionCommand } from '@aws-sdk/client-sfn';
import { createTable, ROLE_ARN } from './redrive-support';
import { useEmbeddedSandbox } from './support/embedded-sandbox';

const TABLE = 'jsonata-output';

describe('a JSONata Task without Output on dynamodb:putItem', () => {
  const target = useEmbeddedSandbox();
  beforeAll(() => createTable(target.clients.dynamodb, TABLE));

  it('outputs the SDK metadata alone: the state input is gone', async () => {
    const { stateMachineArn } = await target.clients.sfn.send(
      new CreateStateMachineCommand({
        name: 'put-no-output',
        type: 'EXPRESS',
        roleArn: ROLE_ARN,
        definition: JSON.stringify({
          QueryLanguage: 'JSONata',
          StartAt: 'Put',
          States: {
            Put: {
              Type: 'Task',
              Resource: 'arn:aws:states:::dynamodb:putItem',
              Arguments: { TableName: TABLE, Item: { pk: { S: '{% $states.input.id %}' } } },
              End: true,
            },
          },
        }),
      }),
    );
    const run = await target.clients.sfn.send(new StartSyncExecutionCommand({ stateMachineArn, input: '{"id":"row-1","keep":"me?"}' }));
    expect(run.status).toBe('SUCCEEDED');
    const output = JSON.parse(run.output as string);
    expect(Object.keys(output).sort()).toEqual(['SdkHttpMetadata', 'SdkResponseMetadata']);
    expect(output.SdkHttpMetadata).toMatchObject({ HttpStatusCode: 200, HttpHeaders: expect.any(Object) });
    expect(output.SdkResponseMetadata).toEqual({ RequestId: expect.any(String) });
  });
});
