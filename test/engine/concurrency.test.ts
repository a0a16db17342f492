// Inline Map / Parallel concurrency and sibling aborts (docs/aws-behaviour.md#parallel-state, #inline-map-history; shared iterate.ts).
import { getEventListeners } from 'node:events';
import type { TaskInvocation } from '../../src/engine/integrations/types';
import { SCOPE_FINISHED, childController } from '../../src/engine/runtime/abort';
import { iterate } from '../../src/engine/states/iterate';
import { FakeClock } from './support/fake-clock';
import { FakeTaskRunner, fails, hangs } from './support/fake-task-runner';
import { runWorkflow, shape, types } from './support/run-workflow';

const LAMBDA = 'arn:aws:states:::lambda:invoke';
const TASK = { Type: 'Task', Resource: LAMBDA, Parameters: { 'v.$': '$' }, End: true };

/** A task that stays busy until released, recording how many run at once. */
function gate() {
  let active = 0;
  let peak = 0;
  const waiting: (() => void)[] = [];
  const script = (invocation: TaskInvocation) => {
    active++;
    peak = Math.max(peak, active);
    return new Promise((resolve) =>
      waiting.push(() => {
        active--;
        resolve(invocation.args);
      }),
    );
  };
  /** Releases the busy tasks one macrotask at a time until `running` settles. */
  const pump = async <T>(running: Promise<T>): Promise<T> => {
    let settled = false;
    running.then(
      () => (settled = true),
      () => (settled = true),
    );
    while (!settled) {
      await new Promise((r) => setImmediate(r));
      waiting.splice(0).forEach((release) => release());
    }
    return running;
  };
  return { script, pump, peak: () => peak };
}

describe('Inline Map concurrency', () => {
  it.each([
    [1, 1],
    [2, 2],
    [0, 5],
  ])('MaxConcurrency %i runs at most %i iterations at once, results in item order', async (max, expected) => {
    const g = gate();
    const tasks = new FakeTaskRunner({ [LAMBDA]: g.script });
    const definition = { StartAt: 'M', States: { M: { Type: 'Map', MaxConcurrency: max, ItemProcessor: { StartAt: 'T', States: { T: TASK } }, End: true } } };
    const { outcome } = await g.pump(runWorkflow(definition, [1, 2, 3, 4, 5], { tasks }));
    expect(outcome.output).toEqual([{ v: 1 }, { v: 2 }, { v: 3 }, { v: 4 }, { v: 5 }]);
    expect(g.peak()).toBe(expected);
  });

  it('stops starting iterations after a failure (MaxConcurrency 1)', async () => {
    const definition = {
      StartAt: 'M',
      States: {
        M: {
          Type: 'Map',
          MaxConcurrency: 1,
          ItemProcessor: {
            StartAt: 'C',
            States: {
              C: { Type: 'Choice', Choices: [{ Variable: '$', NumericEquals: 2, Next: 'Boom' }], Default: 'Ok' },
              Boom: { Type: 'Fail', Error: 'Two' },
              Ok: { Type: 'Pass', End: true },
            },
          },
          End: true,
        },
      },
    };
    const { outcome, events } = await runWorkflow(definition, [1, 2, 3]);
    expect(outcome).toEqual({ status: 'FAILED', error: 'Two' });
    expect(events.filter((e) => e.type === 'MapIterationStarted')).toHaveLength(2);
  });
});

describe('sibling aborts', () => {
  it('a failing Parallel branch aborts a waiting sibling with WaitStateAborted at the failure point', async () => {
    const definition = {
      StartAt: 'P',
      States: {
        P: {
          Type: 'Parallel',
          End: true,
          Branches: [
            { StartAt: 'W', States: { W: { Type: 'Wait', Seconds: 100, End: true } } },
            { StartAt: 'F', States: { F: { Type: 'Fail', Error: 'E' } } },
          ],
        },
      },
    };
    const { outcome, events } = await runWorkflow(definition, {}, { clock: new FakeClock((ms) => ms === 100_000) });
    expect(outcome.error).toBe('E');
    expect(shape(events)).toEqual([
      [1, 0, 'ExecutionStarted'],
      [2, 0, 'ParallelStateEntered'],
      [3, 2, 'ParallelStateStarted'],
      [4, 3, 'WaitStateEntered'],
      [5, 3, 'FailStateEntered'],
      [6, 5, 'WaitStateAborted'],
      [7, 5, 'ParallelStateFailed'],
      [8, 7, 'ExecutionFailed'],
    ]);
  });

  it('aborts nested states: a Map inside an aborted branch records its running Task, MapIterationAborted and MapStateAborted', async () => {
    const tasks = new FakeTaskRunner({ [LAMBDA]: hangs });
    const definition = {
      StartAt: 'P',
      States: {
        P: {
          Type: 'Parallel',
          End: true,
          Branches: [
            { StartAt: 'M', States: { M: { Type: 'Map', ItemProcessor: { StartAt: 'T', States: { T: TASK } }, End: true } } },
            { StartAt: 'F', States: { F: { Type: 'Fail', Error: 'E' } } },
          ],
        },
      },
    };
    const { events } = await runWorkflow(definition, [1], { tasks });
    expect(types(events).slice(-5)).toEqual(['TaskStateAborted', 'MapIterationAborted', 'MapStateAborted', 'ParallelStateFailed', 'ExecutionFailed']);
    const failEntered = events.find((e) => e.type === 'FailStateEntered')!.id;
    expect(events.slice(-5, -1).map((e) => e.previousEventId)).toEqual([failEntered, failEntered, failEntered, failEntered]);
  });

  it('aborts a Parallel running in a sibling iteration: its Task, ParallelStateAborted, then MapIterationAborted', async () => {
    const tasks = new FakeTaskRunner({ [LAMBDA]: hangs });
    const definition = {
      StartAt: 'M',
      States: {
        M: {
          Type: 'Map',
          End: true,
          ItemProcessor: {
            StartAt: 'C',
            States: {
              C: { Type: 'Choice', Choices: [{ Variable: '$', NumericEquals: 0, Next: 'F' }], Default: 'P' },
              F: { Type: 'Fail', Error: 'E' },
              P: { Type: 'Parallel', End: true, Branches: [{ StartAt: 'T', States: { T: TASK } }] },
            },
          },
        },
      },
    };
    const { events } = await runWorkflow(definition, [1, 0], { tasks });
    expect(types(events).slice(-6)).toEqual([
      'MapIterationFailed',
      'TaskStateAborted',
      'ParallelStateAborted',
      'MapIterationAborted',
      'MapStateFailed',
      'ExecutionFailed',
    ]);
    expect(events.find((e) => e.type === 'MapIterationAborted')?.mapIterationAbortedEventDetails).toEqual({ name: 'M', index: 0 });
  });

  it('a sibling failure during a retry back-off aborts the retrying Task', async () => {
    const tasks = new FakeTaskRunner({ [LAMBDA]: fails('Flaky') });
    const definition = {
      StartAt: 'P',
      States: {
        P: {
          Type: 'Parallel',
          End: true,
          Branches: [
            { StartAt: 'T', States: { T: { ...TASK, Retry: [{ ErrorEquals: ['Flaky'], IntervalSeconds: 50 }] } } },
            { StartAt: 'W', States: { W: { Type: 'Wait', Seconds: 1, Next: 'F' }, F: { Type: 'Fail', Error: 'E' } } },
          ],
        },
      },
    };
    const { outcome, events } = await runWorkflow(definition, {}, { tasks, clock: new FakeClock((ms) => ms === 50_000) });
    expect(outcome.error).toBe('E');
    expect(types(events)).toContain('TaskStateAborted');
    expect(tasks.calls).toHaveLength(1);
  });
});

describe('abort listeners', () => {
  it('iterate() and Task invocations detach from the parent signal once they finish', async () => {
    const parent = new AbortController();
    await iterate({ count: 3, maxConcurrency: 0, signal: parent.signal, run: async (i) => i });
    expect(getEventListeners(parent.signal, 'abort')).toHaveLength(0);
    const child = childController(parent.signal);
    expect(getEventListeners(parent.signal, 'abort')).toHaveLength(1);
    child.abort(SCOPE_FINISHED);
    expect(getEventListeners(parent.signal, 'abort')).toHaveLength(0);
  });

  it("a long loop of Parallel and Task states leaves no listener on the caller's signal", async () => {
    const definition = {
      QueryLanguage: 'JSONata',
      StartAt: 'Loop',
      States: {
        Loop: { Type: 'Choice', Choices: [{ Condition: '{% $states.input < 20 %}', Next: 'Work' }], Default: 'Done' },
        Work: {
          Type: 'Parallel',
          Branches: [{ StartAt: 'T', States: { T: { Type: 'Task', Resource: LAMBDA, Arguments: {}, End: true } } }],
          Output: '{% $states.input + 1 %}',
          Next: 'Loop',
        },
        Done: { Type: 'Succeed' },
      },
    };
    const caller = new AbortController();
    const { outcome } = await runWorkflow(definition, 0, { signal: caller.signal });
    expect(outcome.output).toBe(20);
    expect(getEventListeners(caller.signal, 'abort')).toHaveLength(0);
  });
});
