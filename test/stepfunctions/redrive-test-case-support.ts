// The `#TestCase` redrive scenario, shared by the in-process and the restart (--data-dir) suites: a Distributed
// Map whose children call a mocked Lambda function and then write to a table that does not exist yet.
import { GetItemCommand } from '@aws-sdk/client-dynamodb';
import { CreateStateMachineCommand, RedriveExecutionCommand, StartExecutionCommand } from '@aws-sdk/client-sfn';
import type { AwsClients } from '../../src/config/clients';
import { parseMockConfig } from '../../src/mocking';
import { ROLE_ARN, waitForExecution } from './redrive-support';

const PRICED = 'priced';

/** Each row's child asks the (mocked) `price-fn` for a price, then writes it to the late table; `report-fn` ends. */
const pricedMachine = JSON.stringify({
  QueryLanguage: 'JSONata',
  StartAt: 'Load',
  States: {
    Load: {
      Type: 'Map',
      Label: 'Load',
      MaxConcurrency: 1,
      Items: '{% $states.input.rows %}',
      ItemSelector: { id: '{% $states.context.Map.Item.Value %}', table: '{% $states.input.table %}' },
      ItemProcessor: {
        ProcessorConfig: { Mode: 'DISTRIBUTED', ExecutionType: 'EXPRESS' },
        StartAt: 'Price',
        States: {
          Price: {
            Type: 'Task',
            Resource: 'arn:aws:states:::lambda:invoke',
            Arguments: { FunctionName: 'price-fn', Payload: '{% $states.input %}' },
            Output: '{% $merge([$states.input, {"price": $states.result.Payload.price}]) %}',
            Next: 'Put',
          },
          Put: {
            Type: 'Task',
            Resource: 'arn:aws:states:::dynamodb:putItem',
            Arguments: {
              TableName: '{% $states.input.table %}',
              Item: { pk: { S: '{% $states.input.id %}' }, price: { N: '{% $string($states.input.price) %}' } },
            },
            Output: '{% $states.input.id %}',
            End: true,
          },
        },
      },
      Next: 'Report',
    },
    Report: {
      Type: 'Task',
      Resource: 'arn:aws:states:::lambda:invoke',
      Arguments: { FunctionName: 'report-fn', Payload: {} },
      Output: '{% $states.result.Payload %}',
      End: true,
    },
  },
});

export const pricedMocks = parseMockConfig(
  {
    StateMachines: { [PRICED]: { TestCases: { Happy: { Price: 'Priced', Report: 'Reported' } } } },
    MockedResponses: {
      Priced: { '0-9': { Return: { StatusCode: 200, Payload: { price: 7 } } } },
      Reported: { '0-9': { Return: { StatusCode: 200, Payload: { reported: true } } } },
    },
  },
  'redrive-test-case.json',
);

/** Starts `priced#Happy` over rows a, b, c writing to a table that does not exist yet; waits for its failure. */
export async function failedPricedRun(clients: AwsClients, table: string): Promise<string> {
  const { stateMachineArn } = await clients.sfn.send(new CreateStateMachineCommand({ name: PRICED, definition: pricedMachine, roleArn: ROLE_ARN }));
  const { executionArn } = await clients.sfn.send(
    new StartExecutionCommand({ stateMachineArn: `${stateMachineArn}#Happy`, input: JSON.stringify({ table, rows: ['a', 'b', 'c'] }) }),
  );
  const failed = await waitForExecution(clients.sfn, executionArn!);
  expect({ status: failed.status, error: failed.error }).toEqual({ status: 'FAILED', error: 'States.ExceedToleratedFailureThreshold' });
  return executionArn!;
}

/** After the redrive: SUCCEEDED through the mocked Report, every row written with the mocked price. */
export async function expectPricedRedrive(clients: AwsClients, executionArn: string, table: string): Promise<void> {
  await clients.sfn.send(new RedriveExecutionCommand({ executionArn }));
  const done = await waitForExecution(clients.sfn, executionArn);
  expect({ status: done.status, error: done.error, output: done.output }).toEqual({ status: 'SUCCEEDED', error: undefined, output: '{"reported":true}' });
  for (const pk of ['a', 'b', 'c']) {
    const { Item } = await clients.dynamodb.send(new GetItemCommand({ TableName: table, Key: { pk: { S: pk } } }));
    expect(Item).toEqual({ pk: { S: pk }, price: { N: '7' } });
  }
}
