// TestState's five-minute limit ("If the execution of a state exceeds this duration, it fails with the
// States.Timeout error", https://docs.aws.amazon.com/step-functions/latest/apireference/API_TestState.html),
// on a manual clock: a Task whose integration never answers ends FAILED with States.Timeout once the clock
// lets the limit pass.
import { TestStateCommand } from '@aws-sdk/client-sfn';
import type { TaskRunner } from '../../../src/engine/integrations/types';
import type { ParsedStateMachine } from '../../../src/services/stepfunctions';
import { startHarness, type Harness } from '../support/harness';
import { ManualClock } from '../support/manual-clock';
import { parseResponse, ROLE_ARN } from './support';

const hanging: TaskRunner = {
  resolve: (arn) => ({ arn, resourceType: 'lambda', resource: 'invoke', pattern: 'REQUEST_RESPONSE' }),
  invoke: () => new Promise(() => undefined),
};

let h: Harness<ParsedStateMachine>;
const clock = new ManualClock();
beforeAll(async () => {
  h = await startHarness({ clock, tasks: hanging });
});
afterAll(() => h.close());

it('a state still running after five minutes fails with States.Timeout', async () => {
  const definition = JSON.stringify({ Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', Parameters: { FunctionName: 'f' }, End: true });
  const pending = h.client.send(new TestStateCommand({ definition, roleArn: ROLE_ARN, input: '{"a":1}', inspectionLevel: 'DEBUG' }));
  await clock.sleeping(1);
  clock.release();
  expect(parseResponse(await pending)).toEqual({ status: 'FAILED', error: 'States.Timeout', inspectionData: { input: { a: 1 } } });
});
