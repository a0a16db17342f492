// Shared by Parallel branches and Inline Map iterations (one concurrency/abort implementation for both):
// starts runs in index order, at most `maxConcurrency` at a time (0 = unlimited), keeps results in index
// order, and on the first failure aborts the others with a SiblingAbort pointing at the failure's last
// event, waits for them to settle, then rethrows that failure's error unchanged (docs/aws-behaviour.md#parallel-state).
import { AbortedError, SCOPE_FINISHED, SiblingAbort, childController } from '../runtime/abort';

/** Thrown by a run to report its error and the id of its last event (where aborted siblings point). */
export class IterationFailure {
  constructor(
    readonly error: unknown,
    readonly eventId: number,
  ) {}
}

export interface IterationGroup<T> {
  readonly count: number;
  readonly maxConcurrency: number;
  readonly signal: AbortSignal;
  run(index: number, signal: AbortSignal): Promise<T>;
  /** Redrive (docs/aws-behaviour.md#redrive): results of runs that succeeded before; they are not run again and take no slot. */
  readonly completed?: Readonly<Record<number, T>>;
  /** Told of each run that succeeds (a top-level state's checkpoint keeps it for a later redrive). */
  readonly succeeded?: (index: number, result: T) => void;
}

export async function iterate<T>(group: IterationGroup<T>): Promise<T[]> {
  const { count, signal, completed } = group;
  const results = new Array<T>(count);
  const controller = childController(signal);
  let next = 0;
  let failure: IterationFailure | undefined;
  const worker = async (): Promise<void> => {
    while (next < count && !controller.signal.aborted) {
      const index = next++;
      if (completed && Object.hasOwn(completed, index)) {
        results[index] = completed[index];
        continue;
      }
      try {
        results[index] = await group.run(index, controller.signal);
        group.succeeded?.(index, results[index]);
      } catch (thrown) {
        if (thrown instanceof IterationFailure && !failure) {
          failure = thrown;
          controller.abort(new SiblingAbort(thrown.eventId));
        } else if (!(thrown instanceof IterationFailure) && !(thrown instanceof AbortedError)) {
          throw thrown;
        }
      }
    }
  };
  const workers = group.maxConcurrency > 0 ? Math.min(group.maxConcurrency, count) : count;
  try {
    await Promise.all(Array.from({ length: workers }, worker));
  } finally {
    if (!controller.signal.aborted) controller.abort(SCOPE_FINISHED);
  }
  if (failure) throw failure.error;
  if (signal.aborted) throw new AbortedError(signal.reason);
  return results;
}
