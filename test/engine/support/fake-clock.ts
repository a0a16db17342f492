// Virtual time for engine tests: sleep(ms) records the request and resolves on the next macrotask (so
// already-settled work wins races against timers) after advancing now(). `hold` keeps chosen sleeps
// pending until their signal aborts, to test StopExecution during a Wait.
import type { Clock } from '../../../src/engine/runtime/clock';

export const START = new Date('2024-01-01T00:00:00.000Z');

export class FakeClock implements Clock {
  readonly sleeps: number[] = [];
  private elapsed = 0;

  constructor(private readonly hold: (ms: number) => boolean = () => false) {}

  now(): Date {
    return new Date(START.getTime() + this.elapsed);
  }

  sleep(ms: number, signal?: AbortSignal): Promise<void> {
    this.sleeps.push(ms);
    return new Promise((resolve, reject) => {
      if (signal?.aborted) return reject(signal.reason);
      const onAbort = () => reject(signal?.reason);
      signal?.addEventListener('abort', onAbort, { once: true });
      if (this.hold(ms)) return;
      setImmediate(() => {
        signal?.removeEventListener('abort', onAbort);
        if (signal?.aborted) return reject(signal.reason);
        this.elapsed += ms;
        resolve();
      });
    });
  }
}
