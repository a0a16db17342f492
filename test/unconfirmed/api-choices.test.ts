// API wordings AWS does not document, where the project chose one [UNCONFIRMED]: several definition errors in
// one InvalidDefinition, and a MockConfigFile `#Case` suffix on a service that has no mock configuration.
import { CreateStateMachineCommand, StartExecutionCommand } from '@aws-sdk/client-sfn';
import { expectAwsError } from '../stepfunctions/support/expect-error';
import { createStateMachine, passDefinition, ROLE_ARN, startHarness, type Harness } from '../stepfunctions/support/harness';

describe('API choices [UNCONFIRMED]', () => {
  let h: Harness<never>;
  beforeEach(async () => (h = await startHarness()));
  afterEach(() => h.close());

  it('joins every definition error of InvalidDefinition with ", "', async () => {
    const definition = JSON.stringify({
      StartAt: 'A',
      States: { A: { Type: 'Pass', Next: 'B', End: true }, B: { Type: 'Wait', End: true } },
    });
    await expectAwsError(
      h.client.send(new CreateStateMachineCommand({ name: 'two-errors', definition, roleArn: ROLE_ARN })),
      'InvalidDefinition',
      "Invalid State Machine Definition: 'SCHEMA_VALIDATION_FAILED: The fields 'Next' and 'End' are mutually exclusive at /States/A, " +
        "SCHEMA_VALIDATION_FAILED: A Wait state must have exactly one of 'Seconds', 'SecondsPath', 'Timestamp' or 'TimestampPath' at /States/B'",
    );
  });

  it('refuses a #Case suffix as an invalid ARN when no mock configuration is loaded, before starting anything', async () => {
    const stateMachineArn = await createStateMachine(h.client, 'no-mocks', passDefinition());
    await expectAwsError(
      h.client.send(new StartExecutionCommand({ stateMachineArn: `${stateMachineArn}#HappyPath` })),
      'InvalidArn',
      "Invalid Arn: 'Test case 'HappyPath' given but no mock configuration file is loaded (set SFN_MOCK_CONFIG)'",
    );
    expect(h.runs.startedArns()).toEqual([]);
  });
});
