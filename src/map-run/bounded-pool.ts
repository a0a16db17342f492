// Runs work pulled lazily from an async iterable with at most `concurrency` tasks in flight. Items are
// read only when a slot frees, so a million-row source never sits in memory, and a stop decision (the
// failure threshold, an abort) prevents any further item from starting.
import { setMaxListeners } from 'node:events';

export type PoolDecision = 'continue' | 'stop';

export interface PoolOptions<T, R> {
  /** Read before each start, so UpdateMapRun's new MaxConcurrency applies to a running Map Run. */
  readonly concurrency: number | (() => number);
  readonly signal?: AbortSignal;
  /** Runs one unit; it receives a signal that fires when the pool stops early. */
  readonly run: (unit: T, signal: AbortSignal) => Promise<R>;
  /** Called in completion order; returning 'stop' starts no more units and aborts the running ones. */
  readonly onResult: (unit: T, result: R) => PoolDecision | Promise<PoolDecision>;
  /** After a stop decision, each unit left in the source is handed here, streamed (PENDING results). */
  readonly onNotStarted?: (unit: T) => void | Promise<void>;
}

export interface PoolOutcome {
  /** True when onResult said stop, or the outer signal aborted. */
  readonly stopped: boolean;
  readonly notStarted: number;
}

export async function runBounded<T, R>(source: AsyncIterable<T>, options: PoolOptions<T, R>): Promise<PoolOutcome> {
  const stopController = new AbortController();
  // Every running child listens to it (MaxConcurrency may be thousands).
  setMaxListeners(0, stopController.signal);
  const onOuterAbort = () => stopController.abort(options.signal?.reason);
  options.signal?.addEventListener('abort', onOuterAbort, { once: true });
  const iterator = source[Symbol.asyncIterator]();
  const inFlight = new Set<Promise<void>>();
  // Wakes the loop when a unit finishes. Not Promise.race(inFlight): that adds a reaction to every running
  // unit on each start, so a long Map Run would keep O(concurrency) callbacks per child until they settle.
  let slotFreed: (() => void) | undefined;
  let stopped = false;
  let failure: unknown;
  try {
    for (;;) {
      if (stopped || stopController.signal.aborted) break;
      while (inFlight.size >= limit(options.concurrency)) await new Promise<void>((resolve) => (slotFreed = resolve));
      if (stopped || stopController.signal.aborted) break;
      const next = await iterator.next();
      if (next.done) break;
      const unit = next.value;
      const task = options
        .run(unit, stopController.signal)
        .then(async (result) => {
          if ((await options.onResult(unit, result)) === 'stop' && !stopped) {
            stopped = true;
            stopController.abort(new PoolStopped());
          }
        })
        .catch((err: unknown) => {
          failure ??= err;
          stopped = true;
          stopController.abort(err);
        });
      const tracked = task.finally(() => {
        inFlight.delete(tracked);
        slotFreed?.();
      });
      inFlight.add(tracked);
    }
    await Promise.all(inFlight);
    if (failure !== undefined) throw failure;
    let notStarted = 0;
    if (stopped && options.onNotStarted && !options.signal?.aborted) {
      for (let next = await iterator.next(); !next.done; next = await iterator.next()) {
        notStarted++;
        await options.onNotStarted(next.value);
      }
    }
    return { stopped: stopped || stopController.signal.aborted, notStarted };
  } finally {
    options.signal?.removeEventListener('abort', onOuterAbort);
  }
}

function limit(concurrency: number | (() => number)): number {
  return Math.max(1, typeof concurrency === 'function' ? concurrency() : concurrency);
}

/** The abort reason given to running units when the pool stops on a decision (not an outside abort). */
export class PoolStopped extends Error {
  override readonly name = 'PoolStopped';
  constructor() {
    super('The Map Run stopped starting new child executions');
  }
}
