// The engine side of redriving a top-level Parallel / Inline Map (docs/aws-behaviour.md#redrive): the checkpoint learns each
// branch / iteration that succeeds (nested ones are not reported), and a resumed run skips the recorded ones
// on its first attempt only.
import type { HistoryEvent } from '@aws-sdk/client-sfn';
import { Engine, parseDefinition } from '../../../src/engine';
import type { Checkpoint, ResumePoint } from '../../../src/engine/runtime/engine';
import { FakeClock } from '../support/fake-clock';
import { fails, FakeTaskRunner, returns } from '../support/fake-task-runner';
import { identity, types } from '../support/run-workflow';

const task = (name: string, extra: object = {}) => ({ Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', Arguments: { FunctionName: name }, ...extra });
const pass = (output: unknown) => ({ StartAt: 'P', States: { P: { Type: 'Pass', Output: output, End: true } } });

interface Run {
  readonly output?: unknown;
  readonly status: string;
  readonly events: HistoryEvent[];
  readonly checkpoints: Checkpoint[];
  readonly succeeded: [number, unknown][];
  readonly calls: string[];
}

async function run(definition: object, tasks: FakeTaskRunner, resume?: Partial<ResumePoint>): Promise<Run> {
  const parsed = parseDefinition(JSON.stringify({ QueryLanguage: 'JSONata', ...definition }), { type: 'STANDARD', tasks });
  const engine = new Engine({ clock: new FakeClock(), region: 'us-east-1', accountId: '123456789012', uuid: () => 'u', random: () => 0.5, tasks });
  const events: HistoryEvent[] = [];
  const checkpoints: Checkpoint[] = [];
  const succeeded: [number, unknown][] = [];
  const outcome = await engine.run({
    definition: parsed,
    input: { n: 1 },
    identity: identity('STANDARD', resume ? { redriveCount: 1 } : {}),
    history: { record: (e) => events.push(e) },
    resume: resume && { input: { n: 1 }, variables: {}, lastEventId: 10, redriveCount: 1, stateName: 'Fan', ...resume },
    checkpoint: (c) => checkpoints.push(c),
    iterationSucceeded: (index, output) => succeeded.push([index, output]),
  });
  const calls = tasks.calls.map((c) => (c.args as { FunctionName: string }).FunctionName);
  return { output: outcome.output, status: outcome.status, events, checkpoints, succeeded, calls };
}

// Branch 1 waits (a timer: the other branches, all microtasks, finish first) and then runs the failing task.
const fan = (retry?: object) => ({
  StartAt: 'Fan',
  States: {
    Fan: {
      Type: 'Parallel',
      Branches: [
        { StartAt: 'A', States: { A: task('a', { Output: 'A', End: true }) } },
        { StartAt: 'W', States: { W: { Type: 'Wait', Seconds: 1, Next: 'B' }, B: task('b', { Output: 'B', End: true }) } },
        { StartAt: 'C', States: { C: { Type: 'Parallel', Branches: [pass('C1'), pass('C2')], End: true } } },
      ],
      ...(retry ? { Retry: [retry] } : {}),
      Output: '{% {"all": $states.result} %}',
      End: true,
    },
  },
});

describe('redrive of a top-level Parallel / Inline Map (engine)', () => {
  it('reports each top-level branch that succeeds, with its output, to the checkpoint (nested branches are not reported)', async () => {
    const failed = await run(fan(), new FakeTaskRunner({ 'arn:aws:states:::lambda:invoke': [returns({}), fails('Boom')] }));
    expect(failed.status).toBe('FAILED');
    expect(failed.checkpoints.map((c) => [c.stateName, c.completed])).toEqual([['Fan', undefined]]);
    // Reported as each branch completes; the order between branches is the scheduler's, not part of the contract.
    expect([...failed.succeeded].sort(([a], [b]) => Number(a) - Number(b))).toEqual([
      [0, 'A'],
      [2, ['C1', 'C2']],
    ]);
  });

  it('a resumed Parallel skips the recorded branches (no events, no tasks), keeps their outputs, and carries them into the new checkpoint', async () => {
    const resumed = await run(fan(), new FakeTaskRunner(), { completed: { 0: 'kept-A', 2: 'kept-C' } });
    expect(resumed.status).toBe('SUCCEEDED');
    expect(resumed.output).toEqual({ all: ['kept-A', 'B', 'kept-C'] });
    expect(resumed.calls).toEqual(['b']);
    expect(types(resumed.events)).toEqual([
      'ExecutionRedriven',
      'ParallelStateEntered',
      'ParallelStateStarted',
      'WaitStateEntered',
      'WaitStateExited',
      'TaskStateEntered',
      'TaskScheduled',
      'TaskStarted',
      'TaskSucceeded',
      'TaskStateExited',
      'ParallelStateSucceeded',
      'ParallelStateExited',
      'ExecutionSucceeded',
    ]);
    expect(resumed.checkpoints).toEqual([{ stateName: 'Fan', input: { n: 1 }, variables: {}, completed: { 0: 'kept-A', 2: 'kept-C' } }]);
    expect(resumed.succeeded).toEqual([[1, 'B']]);
  });

  it('[UNCONFIRMED] a Retry of the resumed Parallel re-runs every branch, as any Retry does', async () => {
    const tasks = new FakeTaskRunner({ 'arn:aws:states:::lambda:invoke': [fails('Boom'), returns({})] });
    const resumed = await run(fan({ ErrorEquals: ['Boom'], IntervalSeconds: 1 }), tasks, { completed: { 0: 'kept-A', 2: 'kept-C' } });
    expect(resumed.status).toBe('SUCCEEDED');
    // First attempt: only b (fails). Retry: a and b, and branch 2 runs its nested Parallel again.
    expect(resumed.calls.sort()).toEqual(['a', 'b', 'b']);
    expect(resumed.output).toEqual({ all: ['A', 'B', ['C1', 'C2']] });
  });

  it('a resumed Inline Map runs only the missing iterations, MaxConcurrency applying to them, in item order', async () => {
    const definition = {
      StartAt: 'Fan',
      States: {
        Fan: {
          Type: 'Map',
          MaxConcurrency: 2,
          Items: [10, 11, 12, 13, 14],
          ItemProcessor: { StartAt: 'T', States: { T: task('t', { Output: '{% $states.input * 2 %}', End: true }) } },
          End: true,
        },
      },
    };
    const resumed = await run(definition, new FakeTaskRunner(), { completed: { 0: 'kept-0', 2: 'kept-2' } });
    expect(resumed.output).toEqual(['kept-0', 22, 'kept-2', 26, 28]);
    const started = resumed.events.filter((e) => e.type === 'MapIterationStarted').map((e) => e.mapIterationStartedEventDetails?.index);
    expect(started).toEqual([1, 3, 4]);
    expect(resumed.succeeded.map(([index]) => index).sort()).toEqual([1, 3, 4]);
    expect(resumed.calls).toEqual(['t', 't', 't']);
  });

  it('only the resumed state skips: a later state of the same kind runs whole and starts a fresh checkpoint', async () => {
    const definition = {
      StartAt: 'Fan',
      States: {
        Fan: { Type: 'Parallel', Branches: [pass('x'), pass('y')], Next: 'Again' },
        Again: { Type: 'Parallel', Branches: [pass('x2'), pass('y2')], End: true },
      },
    };
    const resumed = await run(definition, new FakeTaskRunner(), { completed: { 0: 'kept' } });
    expect(resumed.output).toEqual(['x2', 'y2']);
    expect(resumed.checkpoints.map((c) => [c.stateName, c.completed])).toEqual([
      ['Fan', { 0: 'kept' }],
      ['Again', undefined],
    ]);
  });
});
