// The real AWS CLI against the service: create-state-machine, start-execution, describe-execution,
// get-execution-history. Fails (never skips) when no `aws` binary exists.
import { awsCli, awsCliPath } from '../support/aws-cli';
import { passDefinition, ROLE_ARN, startHarness, type Harness } from './support/harness';

describe('AWS CLI', () => {
  let h: Harness<never>;
  beforeAll(async () => (h = await startHarness()));
  afterAll(() => h.close());

  it('finds an aws binary', () => {
    expect(awsCliPath()).toMatch(/\/aws$/);
  });

  it('creates a state machine, runs it, describes it and reads its history', async () => {
    const created = (await awsCli(h.url, [
      'stepfunctions',
      'create-state-machine',
      '--name',
      'cli-sm',
      '--definition',
      passDefinition(),
      '--role-arn',
      ROLE_ARN,
    ])) as { stateMachineArn: string; creationDate: string | number };
    expect(created.stateMachineArn).toBe('arn:aws:states:us-east-1:000000000000:stateMachine:cli-sm');
    // CLI v2 prints the wire's epoch seconds as ISO 8601, v1 prints them as a number.
    const createdMs = typeof created.creationDate === 'number' ? created.creationDate * 1000 : Date.parse(created.creationDate);
    expect(Math.abs(createdMs - Date.now())).toBeLessThan(10 * 60_000);

    const started = (await awsCli(h.url, [
      'stepfunctions',
      'start-execution',
      '--state-machine-arn',
      created.stateMachineArn,
      '--name',
      'cli-run',
      '--input',
      '{"from":"cli"}',
    ])) as { executionArn: string };
    expect(started.executionArn).toBe('arn:aws:states:us-east-1:000000000000:execution:cli-sm:cli-run');
    await h.runs.done(started.executionArn);

    const described = await awsCli(h.url, ['stepfunctions', 'describe-execution', '--execution-arn', started.executionArn]);
    expect(described).toMatchObject({
      executionArn: started.executionArn,
      status: 'SUCCEEDED',
      input: '{"from":"cli"}',
      output: '{"Arg1":"argument1"}',
    });

    const history = (await awsCli(h.url, ['stepfunctions', 'get-execution-history', '--execution-arn', started.executionArn])) as {
      events: { id: number; type: string }[];
    };
    expect(history.events.map((e) => e.type)).toEqual(['ExecutionStarted', 'PassStateEntered', 'PassStateExited', 'ExecutionSucceeded']);
  });
});
