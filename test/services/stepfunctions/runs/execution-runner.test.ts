import { ScaledClock } from '../../../../src/engine/runtime/clock';
import type { EngineDeps, ExecutionOutcome } from '../../../../src/engine/runtime/types';
import type { ExecutionEngine, ParsedStateMachine, RunRequest } from '../../../../src/services/stepfunctions/runs/engine-port';
import { ExecutionRunner, type StartRequest } from '../../../../src/services/stepfunctions/runs/execution-runner';
import { InMemoryStore } from '../../../../src/services/stepfunctions/store/in-memory-store';

const deps: EngineDeps = {
  clock: new ScaledClock(0),
  region: 'us-east-1',
  accountId: '000000000000',
  uuid: () => 'u',
  random: () => 0.5,
  tasks: { resolve: (arn) => ({ unrecognized: arn }), invoke: () => Promise.reject(new Error('none')) },
};

/** An engine whose runs are driven by the test. */
function scriptedEngine(run: (request: RunRequest<ParsedStateMachine>) => Promise<ExecutionOutcome>): ExecutionEngine {
  return { parse: () => ({}), validate: () => [], run: (_deps, request) => run(request) };
}

const request = (arn: string, extra: Partial<StartRequest<ParsedStateMachine>> = {}): StartRequest<ParsedStateMachine> => ({
  arn,
  name: arn.split(':').pop() as string,
  stateMachineArn: 'arn:aws:states:us-east-1:000000000000:stateMachine:sm',
  stateMachineName: 'sm',
  type: 'STANDARD',
  roleArn: 'arn:aws:iam::000000000000:role/r',
  definition: {},
  input: { text: '{}', value: {} },
  retention: 'full',
  ...extra,
});

describe('ExecutionRunner', () => {
  it('records an engine rejection as a States.Runtime failure instead of crashing', async () => {
    const store = new InMemoryStore();
    const runner = new ExecutionRunner(store, scriptedEngine(() => Promise.reject(new Error('engine bug'))), deps, () => {});
    const { done } = runner.start(request('arn:aws:states:us-east-1:000000000000:execution:sm:e1'));
    expect((await done).outcome).toEqual({ status: 'FAILED', error: 'States.Runtime', cause: 'engine bug' });
    expect(store.getExecution('arn:aws:states:us-east-1:000000000000:execution:sm:e1')).toMatchObject({ status: 'FAILED', error: 'States.Runtime' });
  });

  it('closes the record itself when the engine ignores an abort past the grace period', async () => {
    const store = new InMemoryStore();
    const settled: string[] = [];
    const runner = new ExecutionRunner(store, scriptedEngine(() => new Promise(() => {})), deps, (arn) => settled.push(arn), 0);
    const arn = 'arn:aws:states:us-east-1:000000000000:execution:sm:stuck';
    runner.start(request(arn));
    expect(runner.runningCount('arn:aws:states:us-east-1:000000000000:stateMachine:sm')).toBe(1);
    await runner.stop(arn, { error: 'E', cause: 'C' });
    expect(store.getExecution(arn)).toMatchObject({ status: 'ABORTED', error: 'E', cause: 'C', stopDate: expect.any(Date) });
    expect(runner.isRunning(arn)).toBe(false);
    expect(settled).toEqual(['arn:aws:states:us-east-1:000000000000:stateMachine:sm']);
  });

  it('forwards an outer signal and keeps nothing for retention "none"', async () => {
    const store = new InMemoryStore();
    const aborted = (r: RunRequest<ParsedStateMachine>) =>
      new Promise<ExecutionOutcome>((resolve) => r.signal?.addEventListener('abort', () => resolve({ status: 'ABORTED', ...(r.signal?.reason as object) })));
    const runner = new ExecutionRunner(store, scriptedEngine(aborted), deps, () => {});
    const outer = new AbortController();
    const arn = 'arn:aws:states:us-east-1:000000000000:express:sm:x:u';
    const { done } = runner.start(request(arn, { retention: 'none', type: 'EXPRESS', signal: outer.signal }));
    outer.abort({ cause: 'parent' });
    expect((await done).outcome).toEqual({ status: 'ABORTED', cause: 'parent' });
    expect(store.getExecution(arn)).toBeUndefined();
  });

  it('stops every running execution on close', async () => {
    const store = new InMemoryStore();
    const aborted = (r: RunRequest<ParsedStateMachine>) =>
      new Promise<ExecutionOutcome>((resolve) => r.signal?.addEventListener('abort', () => resolve({ status: 'ABORTED' })));
    const runner = new ExecutionRunner(store, scriptedEngine(aborted), deps, () => {});
    const arns = ['a', 'b'].map((n) => `arn:aws:states:us-east-1:000000000000:execution:sm:${n}`);
    for (const arn of arns) runner.start(request(arn));
    await runner.close();
    expect(arns.map((arn) => store.getExecution(arn)?.status)).toEqual(['ABORTED', 'ABORTED']);
  });

  it('whenIdle resolves once the last running execution of the state machine ends, EXPRESS ones kept nowhere included', async () => {
    const finishers: ((o: ExecutionOutcome) => void)[] = [];
    const runner = new ExecutionRunner(new InMemoryStore(), scriptedEngine(() => new Promise((resolve) => finishers.push(resolve))), deps, () => {});
    const sm = 'arn:aws:states:us-east-1:000000000000:stateMachine:sm';
    await expect(runner.whenIdle(sm)).resolves.toBeUndefined();
    for (const n of ['a', 'b']) runner.start(request(`arn:aws:states:us-east-1:000000000000:express:sm:${n}:u`, { retention: 'none', type: 'EXPRESS' }));
    let idle = false;
    const waiting = runner.whenIdle(sm).then(() => (idle = true));
    finishers[0]({ status: 'SUCCEEDED', output: {} });
    await new Promise(setImmediate);
    expect({ idle, running: runner.runningCount(sm) }).toEqual({ idle: false, running: 1 });
    finishers[1]({ status: 'FAILED', error: 'E' });
    await waiting;
    expect({ idle, running: runner.runningCount(sm) }).toEqual({ idle: true, running: 0 });
  });
});
