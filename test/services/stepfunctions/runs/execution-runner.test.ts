import { ScaledClock } from '../../../../src/engine/runtime/clock';
import type { EngineDeps, ExecutionOutcome } from '../../../../src/engine/runtime/types';
import type { ExecutionRequest } from '../../../../src/engine';
import type { ExecutionEngine, ParsedStateMachine } from '../../../../src/services/stepfunctions/runs/engine-port';
import { ExecutionRunner, type ExecutionStart } from '../../../../src/services/stepfunctions/runs/execution-runner';
import { retentionPolicy } from '../../../../src/services/stepfunctions/runs/retention';
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
function scriptedEngine(run: (request: ExecutionRequest<ParsedStateMachine>) => Promise<ExecutionOutcome>): ExecutionEngine {
  return { parse: () => ({}), validate: () => [], run: (_deps, request) => run(request) };
}

const SM_ARN = 'arn:aws:states:us-east-1:000000000000:stateMachine:sm';
const STANDARD = { arn: SM_ARN, name: 'sm', type: 'STANDARD', roleArn: 'arn:aws:iam::000000000000:role/r' } as const;
const EXPRESS = { ...STANDARD, type: 'EXPRESS' } as const;

const request = (arn: string, extra: Partial<ExecutionStart<ParsedStateMachine>> = {}): ExecutionStart<ParsedStateMachine> => ({
  arn,
  name: arn.split(':').pop() as string,
  stateMachine: STANDARD,
  definition: {},
  input: { text: '{}', value: {} },
  ...extra,
});

describe('ExecutionRunner', () => {
  it('records an engine rejection as a States.Runtime failure instead of crashing', async () => {
    const store = new InMemoryStore();
    const runner = new ExecutionRunner(
      store,
      scriptedEngine(() => Promise.reject(new Error('engine bug'))),
      deps,
      () => {},
    );
    const { done } = runner.start(request('arn:aws:states:us-east-1:000000000000:execution:sm:e1'));
    expect((await done).outcome).toEqual({ status: 'FAILED', error: 'States.Runtime', cause: 'engine bug' });
    expect(store.getExecution('arn:aws:states:us-east-1:000000000000:execution:sm:e1')).toMatchObject({ status: 'FAILED', error: 'States.Runtime' });
  });

  it('closes the record itself when the engine ignores an abort past the grace period', async () => {
    const store = new InMemoryStore();
    const settled: string[] = [];
    const runner = new ExecutionRunner(
      store,
      scriptedEngine(() => new Promise(() => {})),
      deps,
      (arn) => settled.push(arn),
      { stopGraceMs: 0 },
    );
    const arn = 'arn:aws:states:us-east-1:000000000000:execution:sm:stuck';
    runner.start(request(arn));
    expect(runner.runningCount(SM_ARN)).toBe(1);
    await runner.stop(arn, { error: 'E', cause: 'C' });
    expect(store.getExecution(arn)).toMatchObject({ status: 'ABORTED', error: 'E', cause: 'C', stopDate: expect.any(Date) });
    expect(runner.isRunning(arn)).toBe(false);
    expect(settled).toEqual([SM_ARN]);
  });

  it("forwards a Map Run parent's signal and keeps an EXPRESS child's list fields only", async () => {
    const store = new InMemoryStore();
    const aborted = (r: ExecutionRequest<ParsedStateMachine>) =>
      new Promise<ExecutionOutcome>((resolve) => r.signal?.addEventListener('abort', () => resolve({ status: 'ABORTED', ...(r.signal?.reason as object) })));
    const runner = new ExecutionRunner(store, scriptedEngine(aborted), deps, () => {});
    const outer = new AbortController();
    const arn = 'arn:aws:states:us-east-1:000000000000:express:sm/Map:x:u';
    const mapRun = { mapRunArn: 'arn:aws:states:us-east-1:000000000000:mapRun:sm/Map:r', itemCount: 2, itemIndex: 4, signal: outer.signal };
    const { done } = runner.start(request(arn, { stateMachine: EXPRESS, mapRun }));
    outer.abort({ cause: 'parent' });
    expect((await done).outcome).toEqual({ status: 'ABORTED', cause: 'parent' });
    const record = store.getExecution(arn);
    expect(record).toMatchObject({ status: 'ABORTED', mapRunArn: mapRun.mapRunArn, itemCount: 2, itemIndex: 4 });
    expect(record).not.toHaveProperty('input');
    expect(record).not.toHaveProperty('cause');
  });

  it('keeps no record of an EXPRESS execution, and its history only as the retention policy allows', async () => {
    const store = new InMemoryStore();
    const succeed = (r: ExecutionRequest<ParsedStateMachine>) => {
      r.history.record({ id: 1, type: 'ExecutionStarted', timestamp: new Date(0) });
      return Promise.resolve<ExecutionOutcome>({ status: 'SUCCEEDED', output: { ok: true } });
    };
    const keeping = new ExecutionRunner(store, scriptedEngine(succeed), deps, () => {}, { retention: retentionPolicy(1) });
    const none = new ExecutionRunner(store, scriptedEngine(succeed), deps, () => {});
    const arn = 'arn:aws:states:us-east-1:000000000000:express:sm:e:u';
    await keeping.start(request(arn, { stateMachine: EXPRESS })).done;
    await none.start(request(arn, { stateMachine: EXPRESS })).done;
    expect(store.getExecution(arn)).toBeUndefined();
    expect(keeping.expressHistories.get(arn)).toMatchObject({ status: 'SUCCEEDED', output: '{"ok":true}', events: [{ id: 1 }] });
    expect(none.expressHistories.get(arn)).toBeUndefined();
  });

  it('stops every running execution on close', async () => {
    const store = new InMemoryStore();
    const aborted = (r: ExecutionRequest<ParsedStateMachine>) =>
      new Promise<ExecutionOutcome>((resolve) => r.signal?.addEventListener('abort', () => resolve({ status: 'ABORTED' })));
    const runner = new ExecutionRunner(store, scriptedEngine(aborted), deps, () => {});
    const arns = ['a', 'b'].map((n) => `arn:aws:states:us-east-1:000000000000:execution:sm:${n}`);
    for (const arn of arns) runner.start(request(arn));
    await runner.close();
    expect(arns.map((arn) => store.getExecution(arn)?.status)).toEqual(['ABORTED', 'ABORTED']);
  });

  it('whenIdle resolves once the last running execution of the state machine ends, EXPRESS ones kept nowhere included', async () => {
    const finishers: ((o: ExecutionOutcome) => void)[] = [];
    const runner = new ExecutionRunner(
      new InMemoryStore(),
      scriptedEngine(() => new Promise((resolve) => finishers.push(resolve))),
      deps,
      () => {},
    );
    const sm = SM_ARN;
    await expect(runner.whenIdle(sm)).resolves.toBeUndefined();
    for (const n of ['a', 'b']) runner.start(request(`arn:aws:states:us-east-1:000000000000:express:sm:${n}:u`, { stateMachine: EXPRESS }));
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

describe('retentionPolicy', () => {
  it('keeps STANDARD executions whole, EXPRESS Map Run children as list entries, other EXPRESS executions not at all', () => {
    const policy = retentionPolicy(3);
    expect([policy.of('STANDARD', false), policy.of('STANDARD', true), policy.of('EXPRESS', true), policy.of('EXPRESS', false)]).toEqual([
      'full',
      'full',
      'list-only',
      'none',
    ]);
    expect(policy.expressHistories).toBe(3);
  });
});
