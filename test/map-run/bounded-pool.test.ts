import { runBounded, PoolStopped } from '../../src/map-run/bounded-pool';

async function* numbers(n: number, pulled: number[]) {
  for (let i = 0; i < n; i++) {
    pulled.push(i);
    yield i;
  }
}

/** A task that finishes only when the test releases it: concurrency is observed, not timed. */
function gate() {
  const waiting: Array<() => void> = [];
  return {
    wait: () => new Promise<void>((resolve) => waiting.push(resolve)),
    releaseOne: () => waiting.shift()?.(),
    get pending() {
      return waiting.length;
    },
  };
}

describe('runBounded', () => {
  it('never has more than `concurrency` units in flight and reads the source lazily', async () => {
    const pulled: number[] = [];
    const g = gate();
    let running = 0;
    let peak = 0;
    let finished = 0;
    const done = runBounded(numbers(20, pulled), {
      concurrency: 3,
      run: async () => {
        peak = Math.max(peak, ++running);
        await g.wait();
        running--;
        finished++;
      },
      onResult: () => 'continue',
    });
    while (pulled.length < 20 || g.pending > 0) {
      await new Promise((r) => setImmediate(r));
      // lazy: nothing is read beyond the units finished plus the free slots
      expect(pulled.length).toBeLessThanOrEqual(finished + 3);
      expect(g.pending).toBeLessThanOrEqual(3);
      g.releaseOne();
    }
    await expect(done).resolves.toEqual({ stopped: false, notStarted: 0 });
    expect(peak).toBe(3);
  });

  it('stops on a decision: aborts running units and streams the rest to onNotStarted', async () => {
    const pulled: number[] = [];
    const aborted: number[] = [];
    const pending: number[] = [];
    const outcome = await runBounded(numbers(10, pulled), {
      concurrency: 2,
      run: (unit, signal) =>
        unit === 1
          ? Promise.resolve('fail')
          : new Promise((resolve) =>
              signal.addEventListener('abort', () => (aborted.push(unit), resolve(signal.reason instanceof PoolStopped ? 'aborted' : 'x'))),
            ),
      onResult: (_, result) => (result === 'fail' ? 'stop' : 'continue'),
      onNotStarted: (unit) => void pending.push(unit),
    });
    expect(outcome).toEqual({ stopped: true, notStarted: 8 });
    expect(aborted).toEqual([0]);
    expect(pending).toEqual([2, 3, 4, 5, 6, 7, 8, 9]);
  });

  it('propagates a unit that throws, after the others settle', async () => {
    const pulled: number[] = [];
    await expect(
      runBounded(numbers(5, pulled), {
        concurrency: 5,
        run: async (unit) => {
          if (unit === 2) throw new Error('boom');
          return unit;
        },
        onResult: () => 'continue',
      }),
    ).rejects.toThrow('boom');
  });

  it('stops starting units when the outer signal aborts', async () => {
    const controller = new AbortController();
    const started: number[] = [];
    const outcome = await runBounded(numbers(10, []), {
      concurrency: 1,
      signal: controller.signal,
      run: async (unit) => {
        started.push(unit);
        if (unit === 3) controller.abort(new Error('stopped'));
      },
      onResult: () => 'continue',
    });
    expect(outcome.stopped).toBe(true);
    expect(started).toEqual([0, 1, 2, 3]);
  });
});
