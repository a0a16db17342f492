import { runWorkflow, shape } from '../support/run-workflow';

describe('Pass state', () => {
  it('passes its input through and records Entered/Exited (recorded shapes)', async () => {
    const { outcome, events } = await runWorkflow({ StartAt: 'P', States: { P: { Type: 'Pass', End: true } } }, { a: 1 });
    expect(outcome).toEqual({ status: 'SUCCEEDED', output: { a: 1 } });
    expect(shape(events)).toEqual([
      [1, 0, 'ExecutionStarted'],
      [2, 0, 'PassStateEntered'],
      [3, 2, 'PassStateExited'],
      [4, 3, 'ExecutionSucceeded'],
    ]);
    expect(events[0].executionStartedEventDetails).toEqual({
      input: '{"a":1}',
      inputDetails: { truncated: false },
      roleArn: 'arn:aws:iam::123456789012:role/TestRole',
    });
    expect(events[1].stateEnteredEventDetails).toEqual({ name: 'P', input: '{"a":1}', inputDetails: { truncated: false } });
    expect(events[2].stateExitedEventDetails).toEqual({ name: 'P', output: '{"a":1}', outputDetails: { truncated: false } });
    expect(events[3].executionSucceededEventDetails).toEqual({ output: '{"a":1}', outputDetails: { truncated: false } });
    expect(events[0].timestamp).toBeInstanceOf(Date);
  });
});
