// Why a scope stops early. One AbortSignal per scope carries one of these as its reason, so every
// cancellation works the same way: StopExecution, the execution timeout, or a failed sibling branch/iteration. Only the last makes
// running states record `*StateAborted`: a recorded StopExecution during a Wait shows WaitStateEntered
// followed directly by ExecutionAborted (docs/aws-behaviour.md#history-events, test_stop_execution).
import { setMaxListeners } from 'node:events';
import type { StopReason } from './types';

export class StopAbort {
  constructor(readonly reason: StopReason) {}
}

export class TimeoutAbort {}

/** A sibling failed; aborted states and iterations point their events at `eventId` (recorded, docs/aws-behaviour.md#inline-map-history). */
export class SiblingAbort {
  constructor(readonly eventId: number) {}
}

/** Thrown through the run loop once a scope's signal has fired; never caught by Retry/Catch. */
export class AbortedError extends Error {
  constructor(readonly reason: unknown) {
    super('aborted');
  }
}

export function throwIfAborted(signal: AbortSignal): void {
  if (signal.aborted) throw new AbortedError(signal.reason);
}

/** Reason used to release a child controller whose work has finished (detaches it from its parent). */
class ScopeFinished {}

/**
 * The one ScopeFinished for cancelling timers and controllers whose work is done. It carries no data, and
 * abort() without a reason would build a DOMException (with a stack trace) every time.
 */
export const SCOPE_FINISHED = new ScopeFinished();

/**
 * A child controller that follows `parent` (same reason) and can also be aborted on its own. Abort it with
 * ScopeFinished once its work is done so the parent does not keep a listener per finished scope.
 */
export function childController(parent: AbortSignal): AbortController {
  const controller = new AbortController();
  // A child signal is shared by every iteration of a Map or branch of a Parallel, and each running Task (and
  // the integration under it) listens on its state's signal: many listeners at once are expected, not a leak.
  setMaxListeners(0, controller.signal);
  if (parent.aborted) controller.abort(parent.reason);
  else {
    const follow = () => controller.abort(parent.reason);
    // A Map or Parallel fans one signal out to every running iteration: dozens of listeners are expected.
    setMaxListeners(0, parent);
    parent.addEventListener('abort', follow, { once: true });
    controller.signal.addEventListener('abort', () => parent.removeEventListener('abort', follow), { once: true });
  }
  return controller;
}

/** The callbacks waiting on each signal, behind one listener of its own (whenAborted). */
const waiting = new WeakMap<AbortSignal, Set<() => void>>();

/**
 * Calls `callback` once when `signal` aborts, unless the returned function has been called first. EventTarget's
 * addEventListener and removeEventListener each walk the signal's whole listener list (a Map's signal has one per
 * running iteration) and allocate: every Task call waits on its state's signal twice, once per DynamoDB row.
 * Here a signal gets one listener, and a wait is a Set entry.
 */
export function whenAborted(signal: AbortSignal, callback: () => void): () => void {
  const waiters = waitersOf(signal);
  // An entry per wait: the same callback waiting twice is two waits, each removed on its own.
  const entry = () => callback();
  waiters.add(entry);
  return () => void waiters.delete(entry);
}

/** The signal's waiters; on first use, the one listener that calls them. */
function waitersOf(signal: AbortSignal): Set<() => void> {
  const known = waiting.get(signal);
  if (known) return known;
  const waiters = new Set<() => void>();
  waiting.set(signal, waiters);
  setMaxListeners(0, signal);
  signal.addEventListener(
    'abort',
    () => {
      // As EventTarget does: a waiter removed by an earlier one while the abort is delivered is not called.
      for (const waiter of [...waiters]) if (waiters.has(waiter)) waiter();
      waiters.clear();
    },
    { once: true },
  );
  return waiters;
}

/**
 * Settles with `promise`, or rejects with AbortedError as soon as `signal` fires, so a task that ignores
 * its signal cannot keep an aborted scope waiting.
 */
export function raceSignal<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) {
    promise.catch(() => undefined);
    return Promise.reject(new AbortedError(signal.reason));
  }
  return new Promise<T>((resolve, reject) => {
    const stop = whenAborted(signal, () => reject(new AbortedError(signal.reason)));
    promise.then(
      (value) => {
        stop();
        resolve(value);
      },
      (error: unknown) => {
        stop();
        reject(error);
      },
    );
  });
}
