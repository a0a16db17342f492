// Task details beyond the conformance cases: callback tokens, TaskSubmitted, credentials, cancellation.
import type { TaskInvocation } from '../../../src/engine/integrations/types';
import { FakeTaskRunner, hangs } from '../support/fake-task-runner';
import { FakeCallbacks } from '../support/fake-callbacks';
import { FakeClock } from '../support/fake-clock';
import { ARN, runWorkflow, types } from '../support/run-workflow';

const CALLBACK = 'arn:aws:states:::sqs:sendMessage.waitForTaskToken';
const SYNC = 'arn:aws:states:::states:startExecution.sync:2';

describe('Task state', () => {
  it('gives a .waitForTaskToken task a token in $$.Task.Token, records the submission and returns the callback output', async () => {
    let seen: TaskInvocation | undefined;
    const callbacks = new FakeCallbacks();
    const tasks = new FakeTaskRunner({
      [CALLBACK]: (inv) => {
        seen = inv;
        // The worker may answer before the integration call has returned.
        callbacks.answer(inv.taskToken as string, { status: 'SUCCEEDED', output: { callback: 'ok' } });
        return { MessageId: 'm-1' };
      },
    });
    const definition = {
      StartAt: 'T',
      States: { T: { Type: 'Task', Resource: CALLBACK, Parameters: { QueueUrl: 'q', 'MessageBody.$': '$$.Task.Token' }, End: true } },
    };
    const { outcome, events } = await runWorkflow(definition, {}, { tasks, callbacks });
    expect(outcome.output).toEqual({ callback: 'ok' });
    expect(seen?.taskToken).toBe(`token-1@${ARN.execution}`);
    expect(seen?.args).toEqual({ QueueUrl: 'q', MessageBody: seen?.taskToken });
    expect(types(events)).toEqual([
      'ExecutionStarted',
      'TaskStateEntered',
      'TaskScheduled',
      'TaskStarted',
      'TaskSubmitted',
      'TaskSucceeded',
      'TaskStateExited',
      'ExecutionSucceeded',
    ]);
    expect(events[4].taskSubmittedEventDetails).toMatchObject({ resource: 'sendMessage.waitForTaskToken', output: '{"MessageId":"m-1"}' });
    expect(events[5].taskSucceededEventDetails).toMatchObject({ output: '{"callback":"ok"}' });
    expect(callbacks.closed).toEqual([seen?.taskToken]);
  });

  it('lets the runner answer the callback itself (mocked tasks): no SendTaskSuccess needed', async () => {
    const callbacks = new FakeCallbacks();
    const tasks = new FakeTaskRunner({ [CALLBACK]: (inv) => (inv.answerCallback?.({ status: 'SUCCEEDED', output: 'mocked' }), { MessageId: 'm' }) });
    const definition = { StartAt: 'T', States: { T: { Type: 'Task', Resource: CALLBACK, Parameters: {}, End: true } } };
    const { outcome, events } = await runWorkflow(definition, {}, { tasks, callbacks });
    expect(outcome.output).toBe('mocked');
    expect(types(events).slice(2, 6)).toEqual(['TaskScheduled', 'TaskStarted', 'TaskSubmitted', 'TaskSucceeded']);
  });

  it('fails a .waitForTaskToken task with the error and cause of SendTaskFailure, which Catch can handle', async () => {
    const callbacks = new FakeCallbacks();
    const tasks = new FakeTaskRunner({
      [CALLBACK]: (inv) => (setImmediate(() => callbacks.answer(inv.taskToken as string, { status: 'FAILED', error: 'Bad', cause: 'why' })), {}),
    });
    const definition = {
      StartAt: 'T',
      States: {
        T: { Type: 'Task', Resource: CALLBACK, Parameters: {}, Catch: [{ ErrorEquals: ['Bad'], Next: 'Caught' }], End: true },
        Caught: { Type: 'Pass', End: true },
      },
    };
    const { outcome, events } = await runWorkflow(definition, {}, { tasks, callbacks });
    expect(outcome.output).toEqual({ Error: 'Bad', Cause: 'why' });
    expect(events[5]).toMatchObject({
      type: 'TaskFailed',
      taskFailedEventDetails: { error: 'Bad', cause: 'why', resource: 'sendMessage.waitForTaskToken', resourceType: 'sqs' },
    });
  });

  it('times out a callback task whose HeartbeatSeconds pass without a heartbeat (TaskTimedOut, States.Timeout)', async () => {
    const callbacks = new FakeCallbacks();
    const tasks = new FakeTaskRunner({ [CALLBACK]: () => ({}) });
    const definition = {
      StartAt: 'T',
      States: { T: { Type: 'Task', Resource: CALLBACK, Parameters: {}, HeartbeatSeconds: 5, TimeoutSeconds: 60, End: true } },
    };
    const { outcome, events, clock } = await runWorkflow(definition, {}, { tasks, callbacks });
    expect(outcome).toMatchObject({ status: 'FAILED', error: 'States.Timeout' });
    expect(events[5]).toMatchObject({
      type: 'TaskTimedOut',
      taskTimedOutEventDetails: { error: 'States.Timeout', resource: 'sendMessage.waitForTaskToken', resourceType: 'sqs' },
    });
    expect(clock.sleeps).toContain(5000);
  });

  it('restarts the heartbeat timer on each heartbeat', async () => {
    const callbacks = new FakeCallbacks();
    let token = '';
    const tasks = new FakeTaskRunner({ [CALLBACK]: (inv) => ((token = inv.taskToken as string), {}) });
    // Heartbeat timers never fire here: the test sees each heartbeat arm a new one.
    const clock = new FakeClock((ms) => ms === 5000);
    const definition = { StartAt: 'T', States: { T: { Type: 'Task', Resource: CALLBACK, Parameters: {}, HeartbeatSeconds: 5, End: true } } };
    const run = runWorkflow(definition, {}, { tasks, callbacks, clock });
    while (clock.sleeps.length < 1) await new Promise((resolve) => setImmediate(resolve));
    callbacks.heartbeat(token);
    callbacks.heartbeat(token);
    expect(clock.sleeps).toEqual([5000, 5000, 5000]);
    callbacks.answer(token, { status: 'SUCCEEDED', output: 'done' });
    expect((await run).outcome.output).toBe('done');
  });

  it('fails a callback task with States.Runtime when the engine has no callback port', async () => {
    const tasks = new FakeTaskRunner({ [CALLBACK]: () => ({}) });
    const definition = { StartAt: 'T', States: { T: { Type: 'Task', Resource: CALLBACK, Parameters: {}, End: true } } };
    const { outcome } = await runWorkflow(definition, {}, { tasks });
    expect(outcome).toMatchObject({ status: 'FAILED', error: 'States.Runtime' });
  });

  it('runs an activity Task through the callback port: Activity* events, the worker name, the worker output', async () => {
    const activity = 'arn:aws:states:us-east-1:123456789012:activity:work';
    const callbacks = new FakeCallbacks([activity]);
    const definition = { StartAt: 'A', States: { A: { Type: 'Task', Resource: activity, Parameters: { 'n.$': '$.n' }, End: true } } };
    const run = runWorkflow(definition, { n: 1 }, { callbacks });
    while (callbacks.queuedCount === 0) await new Promise((resolve) => setImmediate(resolve));
    const task = callbacks.take('worker-1');
    expect(task?.input).toEqual({ n: 1 });
    callbacks.answer(task?.token as string, { status: 'SUCCEEDED', output: { done: true } });
    const { outcome, events } = await run;
    expect(outcome.output).toEqual({ done: true });
    expect(types(events)).toEqual([
      'ExecutionStarted',
      'TaskStateEntered',
      'ActivityScheduled',
      'ActivityStarted',
      'ActivitySucceeded',
      'TaskStateExited',
      'ExecutionSucceeded',
    ]);
    expect(events[3].activityStartedEventDetails).toEqual({ workerName: 'worker-1' });
  });

  it('has no Task.Token for request/response tasks', async () => {
    const definition = {
      StartAt: 'T',
      States: { T: { Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', Parameters: { 't.$': '$$.Task' }, End: true } },
    };
    const { outcome } = await runWorkflow(definition);
    expect(outcome.error).toBe('States.Runtime');
  });

  it('records TaskSubmitted when a .sync job reports its submission', async () => {
    const tasks = new FakeTaskRunner({ [SYNC]: (inv) => (inv.onSubmitted?.({ ExecutionArn: 'child' }), { Status: 'SUCCEEDED' }) });
    const definition = { StartAt: 'T', States: { T: { Type: 'Task', Resource: SYNC, Parameters: { StateMachineArn: 'x' }, End: true } } };
    const { events } = await runWorkflow(definition, {}, { tasks });
    expect(types(events)).toEqual([
      'ExecutionStarted',
      'TaskStateEntered',
      'TaskScheduled',
      'TaskStarted',
      'TaskSubmitted',
      'TaskSucceeded',
      'TaskStateExited',
      'ExecutionSucceeded',
    ]);
    expect(events[4].taskSubmittedEventDetails).toEqual({
      resourceType: 'states',
      resource: 'startExecution.sync:2',
      output: '{"ExecutionArn":"child"}',
      outputDetails: { truncated: false },
    });
  });

  it('records task credentials in TaskScheduled', async () => {
    const definition = {
      StartAt: 'T',
      States: { T: { Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', Parameters: {}, Credentials: { 'RoleArn.$': '$.role' }, End: true } },
    };
    const { events } = await runWorkflow(definition, { role: 'arn:aws:iam::1:role/r' });
    expect(events[2].taskScheduledEventDetails?.taskCredentials).toEqual({ roleArn: 'arn:aws:iam::1:role/r' });
  });

  it('turns an unexpected exception from the runner into States.Runtime', async () => {
    const tasks = new FakeTaskRunner({
      'arn:aws:states:::lambda:invoke': () => {
        throw new TypeError('bug');
      },
    });
    const definition = { StartAt: 'T', States: { T: { Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', Parameters: {}, End: true } } };
    const { outcome } = await runWorkflow(definition, {}, { tasks });
    expect(outcome).toEqual({ status: 'FAILED', error: 'States.Runtime', cause: 'bug' });
  });

  it('cancels the invocation through its signal when it times out', async () => {
    let signal: AbortSignal | undefined;
    const tasks = new FakeTaskRunner({ 'arn:aws:states:::lambda:invoke': (inv) => ((signal = inv.signal), hangs(inv)) });
    const definition = {
      StartAt: 'T',
      States: { T: { Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', Parameters: {}, TimeoutSeconds: 2, End: true } },
    };
    await runWorkflow(definition, {}, { tasks });
    expect(signal?.aborted).toBe(true);
  });
});
