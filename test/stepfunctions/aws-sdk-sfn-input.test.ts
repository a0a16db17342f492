// aws-sdk:sfn:startExecution with `Input` given as JSON (recorded test_sfn_start_execution_implicit_json_serialisation):
// the object is sent as its JSON text, its keys untouched by the PascalCase → camelCase member mapping.
import { CreateStateMachineCommand, DescribeExecutionCommand, StartSyncExecutionCommand } from '@aws-sdk/client-sfn';
import { ROLE_ARN, waitForExecution } from './redrive-support';
import { useEmbeddedSandbox } from './support/embedded-sandbox';

describe('aws-sdk:sfn:startExecution Input', () => {
  const target = useEmbeddedSandbox();
  let childArn: string;
  let sequence = 0;

  beforeAll(async () => {
    const child = await target.clients.sfn.send(
      new CreateStateMachineCommand({
        name: 'sdk-input-child',
        roleArn: ROLE_ARN,
        definition: JSON.stringify({ StartAt: 'P', States: { P: { Type: 'Pass', End: true } } }),
      }),
    );
    childArn = child.stateMachineArn!;
  });

  async function childInput(input: unknown): Promise<string | undefined> {
    const { stateMachineArn } = await target.clients.sfn.send(
      new CreateStateMachineCommand({
        name: `sdk-input-parent-${++sequence}`,
        type: 'EXPRESS',
        roleArn: ROLE_ARN,
        definition: JSON.stringify({
          StartAt: 'StartTarget',
          States: {
            StartTarget: {
              Type: 'Task',
              Resource: 'arn:aws:states:::aws-sdk:sfn:startExecution',
              Parameters: { StateMachineArn: childArn, Input: input },
              End: true,
            },
          },
        }),
      }),
    );
    const parent = await target.clients.sfn.send(new StartSyncExecutionCommand({ stateMachineArn }));
    expect(parent.status).toBe('SUCCEEDED');
    const { ExecutionArn } = JSON.parse(parent.output!) as { ExecutionArn: string };
    await waitForExecution(target.clients.sfn, ExecutionArn);
    return (await target.clients.sfn.send(new DescribeExecutionCommand({ executionArn: ExecutionArn }))).input;
  }

  it('serialises an object Input, keeping its keys as written', async () => {
    expect(await childInput({ key: 'value', Nested: { Deep: [1, { Key: true }] } })).toBe('{"key":"value","Nested":{"Deep":[1,{"Key":true}]}}');
  });

  it('passes a string Input unchanged and starts with {} when Input is null', async () => {
    expect(await childInput('{"raw": 1}')).toBe('{"raw": 1}');
    expect(await childInput(null)).toBe('{}');
  });
});
