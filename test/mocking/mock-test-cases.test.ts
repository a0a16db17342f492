import type { TaskInvocation, TaskRunner } from '../../src/engine/integrations/types';
import type { ExecutionIdentity } from '../../src/engine/runtime/types';
import { createMocks } from '../../src/mocking/create-mocks';
import { parseMockConfig } from '../../src/mocking/mock-config';
import { MockTestCases } from '../../src/mocking/mock-test-cases';

const CONFIG = parseMockConfig(
  {
    StateMachines: {
      Parent: { TestCases: { Happy: { Write: 'Ok' } } },
      Child: { TestCases: { Happy: { Save: 'Ok' } } },
      Unrelated: { TestCases: { Other: { Save: 'Ok' } } },
    },
    MockedResponses: { Ok: { '0': { Return: { mocked: true } } } },
  },
  'mock.json',
);

const ARN = (name: string) => `arn:aws:states:us-east-1:000000000000:execution:${name}`;

function invocation(executionArn: string, stateName: string, stateMachineName = 'Parent'): TaskInvocation {
  const execution = { executionArn, stateMachineName } as ExecutionIdentity;
  return {
    resource: { arn: 'arn:aws:states:::dynamodb:putItem', resourceType: 'dynamodb', resource: 'putItem', pattern: 'REQUEST_RESPONSE' },
    args: {},
    execution,
    stateName,
    signal: new AbortController().signal,
  };
}

describe('MockTestCases', () => {
  it('records a known test case and rejects an unknown one as InvalidArn', () => {
    const cases = new MockTestCases(CONFIG);
    cases.start(ARN('Parent:e1'), 'Parent', 'Happy');
    expect(cases.selectionOf(ARN('Parent:e1'))).toEqual({ stateMachineName: 'Parent', testCase: 'Happy' });
    expect(() => cases.start(ARN('Parent:e2'), 'Parent', 'Sad')).toThrow(
      expect.objectContaining({
        code: 'InvalidArn',
        message: `Invalid Arn: 'Test case 'Sad' is not defined for state machine 'Parent' in the mock configuration file mock.json'`,
      }),
    );
  });

  it('gives Distributed Map children the parent’s test case, and started children their own machine’s', () => {
    const cases = new MockTestCases(CONFIG);
    cases.start(ARN('Parent:e1'), 'Parent', 'Happy');
    cases.inherit(ARN('Parent/Map:child-1'), ARN('Parent:e1'));
    cases.inherit(ARN('Child:c1'), ARN('Parent:e1'), 'Child');
    cases.inherit(ARN('Unrelated:u1'), ARN('Parent:e1'), 'Unrelated');
    cases.inherit(ARN('Child:c2'), ARN('Parent:not-mocked'), 'Child');
    expect(cases.pick(invocation(ARN('Parent/Map:child-1'), 'Write', 'Parent/Map'))).toEqual({ stateMachineName: 'Parent', testCase: 'Happy' });
    expect(cases.pick(invocation(ARN('Child:c1'), 'Save', 'Child'))).toEqual({ stateMachineName: 'Child', testCase: 'Happy' });
    expect(cases.selectionOf(ARN('Unrelated:u1'))).toBeUndefined();
    expect(cases.selectionOf(ARN('Child:c2'))).toBeUndefined();
    expect(cases.size).toBe(3);
    cases.forget(ARN('Parent/Map:child-1'));
    expect(cases.size).toBe(2);
  });
});

describe('createMocks', () => {
  it('mocks the states of a started test case, down to Map children, and forgets both tables at the end', async () => {
    const realCalls: string[] = [];
    const inner: TaskRunner = {
      resolve: () => ({ unrecognized: 'unused' }),
      invoke: async (task) => {
        realCalls.push(task.execution.executionArn);
        return { real: true };
      },
    };
    const mocks = createMocks(inner, CONFIG);
    mocks.testCases.start(ARN('Parent:e1'), 'Parent', 'Happy');
    mocks.testCases.inherit(ARN('Parent/Map:k1'), ARN('Parent:e1'));
    expect(await mocks.tasks.invoke(invocation(ARN('Parent/Map:k1'), 'Write'))).toEqual({ mocked: true });
    expect(await mocks.tasks.invoke(invocation(ARN('Parent:plain'), 'Write'))).toEqual({ real: true });
    mocks.forget(ARN('Parent/Map:k1'));
    expect(await mocks.tasks.invoke(invocation(ARN('Parent/Map:k1'), 'Write'))).toEqual({ real: true });
    expect(realCalls).toEqual([ARN('Parent:plain'), ARN('Parent/Map:k1')]);
  });
});
