// Injected time: Wait states, retry back-off and timeouts all go through a Clock, so tests never
// really wait (time scale 0) and nothing in the engine calls setTimeout directly.

export interface Clock {
  now(): Date;
  /** Resolves after `ms` of workflow time (scaled); rejects with the signal's reason when aborted. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
  /** Like sleep, for timeouts (execution, Task); a clock may decide that a timeout never expires. */
  timeout?(ms: number, signal?: AbortSignal): Promise<void>;
}

/** Waits out a timeout on any Clock: its timeout() when it has one, else sleep(). */
export function expireAfter(clock: Clock, ms: number, signal?: AbortSignal): Promise<void> {
  return clock.timeout ? clock.timeout(ms, signal) : clock.sleep(ms, signal);
}

export class ScaledClock implements Clock {
  /** @param scale real milliseconds per workflow millisecond: 1 = real time, 0 = no waiting. */
  constructor(private readonly scale = 1) {}

  now(): Date {
    return new Date();
  }

  /**
   * Timeouts scale like every other duration, except at scale 0: there every timeout would expire before the
   * first state ran (an EXPRESS child's 5-minute limit included), so at 0 timeouts never expire. Tests of
   * timeouts use a scale above 0 or a fake clock.
   */
  timeout(ms: number, signal?: AbortSignal): Promise<void> {
    if (this.scale > 0) return this.sleep(ms, signal);
    return new Promise((_, reject) => {
      if (signal?.aborted) return reject(signal.reason);
      signal?.addEventListener('abort', () => reject(signal.reason), { once: true });
    });
  }

  sleep(ms: number, signal?: AbortSignal): Promise<void> {
    return new Promise((resolve, reject) => {
      if (signal?.aborted) return reject(signal.reason);
      const delay = Math.max(0, ms * this.scale);
      const onAbort = () => {
        clearTimeout(timer);
        reject(signal?.reason);
      };
      // setTimeout(0) still yields to the event loop, so a zero scale cannot starve other executions.
      const timer = setTimeout(
        () => {
          signal?.removeEventListener('abort', onAbort);
          resolve();
        },
        Math.min(delay, 2 ** 31 - 1),
      );
      signal?.addEventListener('abort', onAbort, { once: true });
    });
  }
}
