// Task details beyond the conformance cases: callback tokens, TaskSubmitted, credentials, cancellation.
import type { TaskInvocation } from '../../../src/engine/integrations/types';
import { FakeTaskRunner, hangs } from '../support/fake-task-runner';
import { runWorkflow, types } from '../support/run-workflow';

const CALLBACK = 'arn:aws:states:::sqs:sendMessage.waitForTaskToken';
const SYNC = 'arn:aws:states:::states:startExecution.sync:2';

describe('Task state', () => {
  it('gives a .waitForTaskToken task a token in $$.Task.Token and in the invocation', async () => {
    let seen: TaskInvocation | undefined;
    const tasks = new FakeTaskRunner({ [CALLBACK]: (inv) => ((seen = inv), { callback: 'ok' }) });
    const definition = { StartAt: 'T', States: { T: { Type: 'Task', Resource: CALLBACK, Parameters: { QueueUrl: 'q', 'MessageBody.$': '$$.Task.Token' }, End: true } } };
    const { outcome } = await runWorkflow(definition, {}, { tasks });
    expect(outcome.output).toEqual({ callback: 'ok' });
    expect(seen?.taskToken).toMatch(/^[0-9a-f-]{36}$/);
    expect(seen?.args).toEqual({ QueueUrl: 'q', MessageBody: seen?.taskToken });
  });

  it('has no Task.Token for request/response tasks', async () => {
    const definition = { StartAt: 'T', States: { T: { Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', Parameters: { 't.$': '$$.Task' }, End: true } } };
    const { outcome } = await runWorkflow(definition);
    expect(outcome.error).toBe('States.Runtime');
  });

  it('records TaskSubmitted when a .sync job reports its submission', async () => {
    const tasks = new FakeTaskRunner({ [SYNC]: (inv) => (inv.onSubmitted?.({ ExecutionArn: 'child' }), { Status: 'SUCCEEDED' }) });
    const definition = { StartAt: 'T', States: { T: { Type: 'Task', Resource: SYNC, Parameters: { StateMachineArn: 'x' }, End: true } } };
    const { events } = await runWorkflow(definition, {}, { tasks });
    expect(types(events)).toEqual(['ExecutionStarted', 'TaskStateEntered', 'TaskScheduled', 'TaskStarted', 'TaskSubmitted', 'TaskSucceeded', 'TaskStateExited', 'ExecutionSucceeded']);
    expect(events[4].taskSubmittedEventDetails).toEqual({
      resourceType: 'states', resource: 'startExecution.sync:2', output: '{"ExecutionArn":"child"}', outputDetails: { truncated: false },
    });
  });

  it('records task credentials in TaskScheduled', async () => {
    const definition = { StartAt: 'T', States: { T: { Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', Parameters: {}, Credentials: { 'RoleArn.$': '$.role' }, End: true } } };
    const { events } = await runWorkflow(definition, { role: 'arn:aws:iam::1:role/r' });
    expect(events[2].taskScheduledEventDetails?.taskCredentials).toEqual({ roleArn: 'arn:aws:iam::1:role/r' });
  });

  it('turns an unexpected exception from the runner into States.Runtime', async () => {
    const tasks = new FakeTaskRunner({ 'arn:aws:states:::lambda:invoke': () => { throw new TypeError('bug'); } });
    const definition = { StartAt: 'T', States: { T: { Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', Parameters: {}, End: true } } };
    const { outcome } = await runWorkflow(definition, {}, { tasks });
    expect(outcome).toEqual({ status: 'FAILED', error: 'States.Runtime', cause: 'bug' });
  });

  it('cancels the invocation through its signal when it times out', async () => {
    let signal: AbortSignal | undefined;
    const tasks = new FakeTaskRunner({ 'arn:aws:states:::lambda:invoke': (inv) => ((signal = inv.signal), hangs(inv)) });
    const definition = { StartAt: 'T', States: { T: { Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', Parameters: {}, TimeoutSeconds: 2, End: true } } };
    await runWorkflow(definition, {}, { tasks });
    expect(signal?.aborted).toBe(true);
  });
});
