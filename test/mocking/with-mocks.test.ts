import { StatesError } from '../../src/engine/errors/states-error';
import type { ResolvedResource, TaskInvocation, TaskRunner } from '../../src/engine/integrations/types';
import type { ExecutionIdentity } from '../../src/engine/runtime/types';
import { parseMockConfig } from '../../src/mocking/mock-config';
import { withMocks, type MockSelection } from '../../src/mocking/with-mocks';

const CONFIG = parseMockConfig(
  {
    StateMachines: {
      Orders: {
        TestCases: {
          RetryPath: { Write: 'ThrottledThenOk', Notify: 'Big' },
          FailPath: { Write: 'ConditionFails' },
          CallbackPath: { Approve: 'Approved' },
        },
      },
    },
    MockedResponses: {
      ThrottledThenOk: {
        '0': { Throw: { Error: 'DynamoDB.ProvisionedThroughputExceededException', Cause: 'slow down' } },
        '1-2': { Throw: { Error: 'DynamoDB.ThrottlingException', Cause: 'rate' } },
        '3': { Return: { Attributes: { id: { S: '1' } } } },
      },
      ConditionFails: { '0': { Throw: { Error: 'DynamoDB.ConditionalCheckFailedException' } } },
      Big: { '0': { Return: { blob: 'x'.repeat(300_000) } } },
      Approved: { '0': { Return: { approved: true } } },
    },
  },
  'mock.json',
);

const RESOURCE: ResolvedResource = { arn: 'arn:aws:states:::dynamodb:putItem', resourceType: 'dynamodb', resource: 'putItem', pattern: 'REQUEST_RESPONSE' };

function execution(name: string): ExecutionIdentity {
  return {
    executionArn: `arn:aws:states:us-east-1:000000000000:execution:Orders:${name}`,
    executionName: name,
    stateMachineArn: 'arn:aws:states:us-east-1:000000000000:stateMachine:Orders',
    stateMachineName: 'Orders',
    roleArn: 'arn:aws:iam::000000000000:role/r',
    startTime: new Date(0),
    type: 'STANDARD',
    redriveCount: 0,
  };
}

function invocation(stateName: string, exec = execution('e1'), signal = new AbortController().signal): TaskInvocation {
  return { resource: RESOURCE, args: { TableName: 'orders' }, execution: exec, stateName, signal };
}

class FakeRunner implements TaskRunner {
  readonly invoked: string[] = [];
  resolve(arn: string) {
    return arn === RESOURCE.arn ? RESOURCE : { unrecognized: `nope ${arn}` };
  }
  async invoke(task: TaskInvocation) {
    this.invoked.push(task.stateName);
    return { real: task.stateName };
  }
}

describe('a mocked .waitForTaskToken task', () => {
  it('answers its own callback with the Return value instead of waiting for SendTaskSuccess', async () => {
    const runner = withMocks(new FakeRunner(), CONFIG, () => ({ stateMachineName: 'Orders', testCase: 'CallbackPath' }));
    const answers: unknown[] = [];
    const callbackTask: TaskInvocation = {
      ...invocation('Approve'),
      resource: { ...RESOURCE, resource: 'putItem.waitForTaskToken', pattern: 'WAIT_FOR_TASK_TOKEN' },
      answerCallback: (outcome) => answers.push(outcome),
    };
    const submitted = await runner.invoke(callbackTask);
    expect(submitted).toEqual({ approved: true });
    expect(answers).toEqual([{ status: 'SUCCEEDED', output: { approved: true } }]);
  });
});

async function settle(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    (value) => ({ value }),
    (thrown: unknown) => (thrown instanceof StatesError ? { error: thrown.error, cause: thrown.cause } : { thrown }),
  );
}

describe('withMocks', () => {
  let inner: FakeRunner;
  let selection: MockSelection | undefined;
  let runner: ReturnType<typeof withMocks>;

  beforeEach(() => {
    inner = new FakeRunner();
    selection = { stateMachineName: 'Orders', testCase: 'RetryPath' };
    runner = withMocks(inner, CONFIG, () => selection);
  });

  it('delegates resolve()', () => {
    expect(runner.resolve(RESOURCE.arn)).toBe(RESOURCE);
    expect(runner.resolve('arn:x')).toEqual({ unrecognized: 'nope arn:x' });
  });

  it('answers the n-th invocation of a state with the n-th response; retries count as invocations', async () => {
    const outcomes = [];
    for (let n = 0; n < 4; n++) outcomes.push(await settle(runner.invoke(invocation('Write'))));
    expect(outcomes).toEqual([
      { error: 'DynamoDB.ProvisionedThroughputExceededException', cause: 'slow down' },
      { error: 'DynamoDB.ThrottlingException', cause: 'rate' },
      { error: 'DynamoDB.ThrottlingException', cause: 'rate' },
      { value: { Attributes: { id: { S: '1' } } } },
    ]);
    expect(inner.invoked).toEqual([]);
  });

  it('fails the execution with States.Runtime past the last mocked invocation', async () => {
    for (let n = 0; n < 4; n++) await settle(runner.invoke(invocation('Write')));
    const past = runner.invoke(invocation('Write'));
    await expect(past).rejects.toBeInstanceOf(StatesError);
    await expect(past).rejects.toMatchObject({
      error: 'States.Runtime',
      cause: `No mocked response definition for state 'Write' and invocation number '4' (mocked response 'ThrottledThenOk' ends at invocation 3).`,
      catchable: false,
    });
  });

  it('throws a Throw without Cause as a StatesError with no cause', async () => {
    selection = { stateMachineName: 'Orders', testCase: 'FailPath' };
    expect(await settle(runner.invoke(invocation('Write')))).toEqual({ error: 'DynamoDB.ConditionalCheckFailedException', cause: undefined });
  });

  it('calls the real integration for states the test case does not name, and without a test case', async () => {
    expect(await runner.invoke(invocation('Other'))).toEqual({ real: 'Other' });
    selection = undefined;
    expect(await runner.invoke(invocation('Write'))).toEqual({ real: 'Write' });
    selection = { stateMachineName: 'Orders', testCase: 'NoSuchCase' };
    expect(await runner.invoke(invocation('Write'))).toEqual({ real: 'Write' });
    expect(inner.invoked).toEqual(['Other', 'Write', 'Write']);
  });

  it('counts per execution, and forget() drops an execution’s counters', async () => {
    const a = execution('a');
    const b = execution('b');
    expect(await settle(runner.invoke(invocation('Write', a)))).toMatchObject({ error: 'DynamoDB.ProvisionedThroughputExceededException' });
    expect(await settle(runner.invoke(invocation('Write', b)))).toMatchObject({ error: 'DynamoDB.ProvisionedThroughputExceededException' });
    expect(await settle(runner.invoke(invocation('Write', a)))).toMatchObject({ error: 'DynamoDB.ThrottlingException' });
    runner.forget(a.executionArn);
    expect(await settle(runner.invoke(invocation('Write', a)))).toMatchObject({ error: 'DynamoDB.ProvisionedThroughputExceededException' });
    expect(await settle(runner.invoke(invocation('Write', b)))).toMatchObject({ error: 'DynamoDB.ThrottlingException' });
  });

  it('returns a copy, so a transformed result cannot change the next one', async () => {
    for (let n = 0; n < 3; n++) await settle(runner.invoke(invocation('Write')));
    const first = (await runner.invoke(invocation('Write'))) as { Attributes: { id: { S: string } } };
    first.Attributes.id.S = 'changed';
    runner.forget(execution('e1').executionArn);
    for (let n = 0; n < 3; n++) await settle(runner.invoke(invocation('Write')));
    expect(await runner.invoke(invocation('Write'))).toEqual({ Attributes: { id: { S: '1' } } });
  });

  it('applies the payload quota to mocked results', async () => {
    await expect(runner.invoke(invocation('Notify'))).rejects.toMatchObject({ error: 'States.DataLimitExceeded' });
  });

  it('does not answer an aborted task, and does not count it', async () => {
    const controller = new AbortController();
    const reason = new Error('stopped');
    controller.abort(reason);
    await expect(runner.invoke(invocation('Write', execution('e1'), controller.signal))).rejects.toBe(reason);
    expect(await settle(runner.invoke(invocation('Write')))).toMatchObject({ error: 'DynamoDB.ProvisionedThroughputExceededException' });
  });
});
