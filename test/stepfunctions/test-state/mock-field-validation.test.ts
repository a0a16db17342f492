// TestState's fieldValidationMode for mocked Task results, through SDK v3: STRICT (default) checks types and
// required fields of the called API's output, PRESENT only the types of given fields, NONE nothing
// (recorded: test_field_validation_mode*, test_io_dynamodb_service_task_mock_success).
import type { SFNClient } from '@aws-sdk/client-sfn';
import { expectAwsError } from '../support/expect-error';
import { useEmbeddedSandbox } from '../support/embedded-sandbox';
import { sfnClientFor, testState } from './support';

const target = useEmbeddedSandbox();
let client: SFNClient;
beforeAll(() => {
  client = sfnClientFor(target);
});
afterAll(() => client.destroy());

const START = {
  Type: 'Task',
  Resource: 'arn:aws:states:::states:startExecution',
  Parameters: { StateMachineArn: 'arn:aws:states:us-east-1:000000000000:stateMachine:T' },
  ResultPath: '$.targetExecutionResult',
  End: true,
};
const PUT = { Type: 'Task', Resource: 'arn:aws:states:::dynamodb:putItem', Parameters: { TableName: 't', Item: {} }, End: true };
const SYNC = {
  Type: 'Task',
  Resource: 'arn:aws:states:::aws-sdk:sfn:startSyncExecution',
  Parameters: { StateMachineArn: 'arn:aws:states:us-east-1:000000000000:stateMachine:T' },
  End: true,
};
const error = (message: string) => `Mock result schema validation error: ${message}`;

describe('TestState mock field validation', () => {
  it('STRICT names the first missing required field and the first mistyped one', async () => {
    await expectAwsError(
      testState(client, { definition: START, input: {}, mock: { result: '{}' } }),
      'ValidationException',
      error("Required field 'ExecutionArn' is missing"),
    );
    await expectAwsError(
      testState(client, { definition: START, input: {}, mock: { result: '{"ExecutionArn":"arn","StartDate":true}' } }),
      'ValidationException',
      error("Field 'StartDate' must be a string"),
    );
    await expectAwsError(
      testState(client, { definition: PUT, input: {}, mock: { result: '{"ConsumedCapacity":{"CapacityUnits":"1"}}', fieldValidationMode: 'STRICT' } }),
      'ValidationException',
      error("Field 'CapacityUnits' must be a number"),
    );
    await expectAwsError(
      testState(client, {
        definition: SYNC,
        input: {},
        mock: { result: '{"ExecutionArn":"a","StartDate":"d","StopDate":"d","Status":"FAILED","BillingDetails":{"BilledMemoryUsedInMB":"64"}}' },
      }),
      'ValidationException',
      error("Field 'BilledMemoryUsedInMB' must be a number"),
    );
  });

  it('STRICT accepts fields the API does not define (recorded SdkHttpMetadata)', async () => {
    const response = await testState(client, { definition: PUT, input: {}, mock: { result: '{"SdkHttpMetadata":{"HttpStatusCode":200}}' } });
    expect(response).toEqual({ status: 'SUCCEEDED', output: { SdkHttpMetadata: { HttpStatusCode: 200 } } });
  });

  it('PRESENT checks only the fields given; NONE checks nothing (recorded test_none_mode_sfn_task)', async () => {
    const present = await testState(client, { definition: START, input: {}, mock: { result: '{}', fieldValidationMode: 'PRESENT' } });
    expect(present.status).toBe('SUCCEEDED');
    await expectAwsError(
      testState(client, { definition: START, input: {}, mock: { result: '{"ExecutionArn":1}', fieldValidationMode: 'PRESENT' } }),
      'ValidationException',
      error("Field 'ExecutionArn' must be a string"),
    );
    const none = await testState(client, {
      definition: START,
      input: {},
      mock: { result: '{"ExecutionArn":"stringValueExecutionArn","StartDate":true}', fieldValidationMode: 'NONE' },
    });
    expect(none).toEqual({ status: 'SUCCEEDED', output: { targetExecutionResult: { ExecutionArn: 'stringValueExecutionArn', StartDate: true } } });
  });
});
