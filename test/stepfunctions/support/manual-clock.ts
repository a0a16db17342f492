// A Clock for tests: sleeps wait until release() (or their signal aborts), so a test decides when a
// Wait state ends without real time passing.
import type { Clock } from '../../../src/engine/runtime/clock';

export class ManualClock implements Clock {
  private readonly sleepers = new Set<() => void>();
  private sleepStarted: (() => void) | undefined;

  now(): Date {
    return new Date();
  }

  sleep(_ms: number, signal?: AbortSignal): Promise<void> {
    return new Promise((resolve, reject) => {
      if (signal?.aborted) return reject(signal.reason);
      const wake = () => {
        this.sleepers.delete(wake);
        resolve();
      };
      this.sleepers.add(wake);
      signal?.addEventListener(
        'abort',
        () => {
          this.sleepers.delete(wake);
          reject(signal.reason);
        },
        { once: true },
      );
      this.sleepStarted?.();
    });
  }

  /** Resolves once at least `count` sleeps are pending. */
  async sleeping(count = 1): Promise<void> {
    while (this.sleepers.size < count) await new Promise<void>((resolve) => (this.sleepStarted = resolve));
  }

  release(): void {
    for (const wake of [...this.sleepers]) wake();
  }
}
