// StopExecution, execution TimeoutSeconds, the EXPRESS 5-minute limit, and the closed log (docs/aws-behaviour.md#express-and-standard-workflows, #history-events).
import { FakeClock } from './support/fake-clock';
import { FakeTaskRunner, hangs, type TaskScript } from './support/fake-task-runner';
import { runWorkflow, shape, types } from './support/run-workflow';

const WAIT = { StartAt: 'W', States: { W: { Type: 'Wait', Seconds: 3600, End: true } } };

describe('StopExecution (signal)', () => {
  it('aborts a running Wait: WaitStateEntered then ExecutionAborted {} pointing at 0 (recorded test_stop_execution)', async () => {
    const controller = new AbortController();
    const clock = new FakeClock((ms) => ms === 3_600_000);
    const running = runWorkflow(WAIT, {}, { clock, signal: controller.signal });
    await new Promise((r) => setImmediate(r));
    controller.abort({});
    const { outcome, events } = await running;
    expect(outcome).toEqual({ status: 'ABORTED' });
    expect(shape(events)).toEqual([
      [1, 0, 'ExecutionStarted'],
      [2, 0, 'WaitStateEntered'],
      [3, 0, 'ExecutionAborted'],
    ]);
    expect(events[2].executionAbortedEventDetails).toEqual({});
  });

  it('carries the StopReason error and cause', async () => {
    const controller = new AbortController();
    const running = runWorkflow(WAIT, {}, { clock: new FakeClock(() => true), signal: controller.signal });
    await new Promise((r) => setImmediate(r));
    controller.abort({ error: 'Stopped', cause: 'by test' });
    const { outcome, events } = await running;
    expect(outcome).toEqual({ status: 'ABORTED', error: 'Stopped', cause: 'by test' });
    expect(events[2].executionAbortedEventDetails).toEqual({ error: 'Stopped', cause: 'by test' });
  });

  it('stops a task that ignores its signal and records nothing after ExecutionAborted', async () => {
    let settle: (v: unknown) => void = () => undefined;
    const stubborn: TaskScript = () => new Promise((resolve) => (settle = resolve));
    const tasks = new FakeTaskRunner({ 'arn:aws:states:::lambda:invoke': stubborn });
    const controller = new AbortController();
    const definition = {
      StartAt: 'T',
      States: { T: { Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', Parameters: {}, Next: 'P' }, P: { Type: 'Pass', End: true } },
    };
    const running = runWorkflow(definition, {}, { tasks, signal: controller.signal });
    await new Promise((r) => setImmediate(r));
    controller.abort({});
    const { outcome, events } = await running;
    settle({ late: true });
    await new Promise((r) => setImmediate(r));
    expect(outcome.status).toBe('ABORTED');
    expect(types(events)).toEqual(['ExecutionStarted', 'TaskStateEntered', 'TaskScheduled', 'TaskStarted', 'ExecutionAborted']);
  });

  it('an already-aborted signal aborts before the first state', async () => {
    const controller = new AbortController();
    controller.abort({ cause: 'early' });
    const { outcome, events } = await runWorkflow(WAIT, {}, { signal: controller.signal });
    expect(outcome).toEqual({ status: 'ABORTED', cause: 'early' });
    expect(types(events)).toEqual(['ExecutionStarted', 'ExecutionAborted']);
  });
});

describe('execution time limits', () => {
  it('TimeoutSeconds ends the execution with ExecutionTimedOut pointing at 0', async () => {
    const clock = new FakeClock((ms) => ms === 3_600_000);
    const { outcome, events } = await runWorkflow({ ...WAIT, TimeoutSeconds: 10 }, {}, { clock });
    expect(outcome).toEqual({ status: 'TIMED_OUT' });
    expect(shape(events)).toEqual([
      [1, 0, 'ExecutionStarted'],
      [2, 0, 'WaitStateEntered'],
      [3, 0, 'ExecutionTimedOut'],
    ]);
    expect(events[2].executionTimedOutEventDetails).toEqual({ error: 'States.Timeout' });
    expect(clock.sleeps).toEqual([10_000, 3_600_000]);
  });

  it('EXPRESS executions time out after 5 minutes of workflow time', async () => {
    const tasks = new FakeTaskRunner({ 'arn:aws:states:::lambda:invoke': hangs });
    const definition = { StartAt: 'T', States: { T: { Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', Parameters: {}, End: true } } };
    const { outcome, clock } = await runWorkflow(definition, {}, { tasks, type: 'EXPRESS' });
    expect(outcome.status).toBe('TIMED_OUT');
    expect(clock.sleeps).toEqual([300_000]);
  });

  it('the shorter of TimeoutSeconds and the EXPRESS limit applies', async () => {
    const { clock } = await runWorkflow({ ...WAIT, TimeoutSeconds: 60 }, {}, { type: 'EXPRESS', clock: new FakeClock((ms) => ms === 3_600_000) });
    expect(clock.sleeps[0]).toBe(60_000);
  });

  it('a successful execution cancels its timer', async () => {
    const { outcome } = await runWorkflow({ StartAt: 'P', States: { P: { Type: 'Pass', End: true } }, TimeoutSeconds: 5 });
    expect(outcome.status).toBe('SUCCEEDED');
  });
});

describe('context object of sync EXPRESS executions', () => {
  it('has no Execution.RedriveCount (recorded quirk)', async () => {
    const definition = { StartAt: 'P', States: { P: { Type: 'Pass', Parameters: { 'e.$': '$$.Execution' }, End: true } } };
    const { outcome } = await runWorkflow(definition, {}, { type: 'EXPRESS', identity: { sync: true } });
    expect(Object.keys((outcome.output as { e: object }).e).sort()).toEqual(['Id', 'Input', 'Name', 'RoleArn', 'StartTime']);
  });
});
