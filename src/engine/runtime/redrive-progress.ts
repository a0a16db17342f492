// RedriveExecution of a top-level Parallel / Inline Map (docs/aws-behaviour.md#redrive: only the failed or
// aborted iterations / branches run again). Only the top-level scope of a checkpointed (STANDARD) execution has
// one; nested states have none, so they pay nothing and a nested Parallel / Map inside a re-run branch runs
// whole again [UNCONFIRMED: AWS documents the rule for the failed state only, not for its nested states].
import type { Checkpoint, ExecutionRequest } from './engine';

/** What one attempt of a Parallel / Inline Map needs: the runs to skip and where to report successes. */
export interface IterationAttempt {
  /** Index → output of the branches / iterations that succeeded before the redrive. */
  readonly completed?: Readonly<Record<number, unknown>>;
  readonly succeeded: (index: number, output: unknown) => void;
}

export class RedriveProgress {
  /** Carried from the resume point into the first checkpoint of the redriven run. */
  private carried: Readonly<Record<number, unknown>> | undefined;
  /** The skips of the state now running, until its first attempt takes them. */
  private pending: Readonly<Record<number, unknown>> | undefined;
  private readonly succeeded: (index: number, output: unknown) => void;

  constructor(private readonly request: ExecutionRequest) {
    this.carried = request.resume?.completed;
    this.succeeded = request.iterationSucceeded ?? (() => {});
  }

  /** A top-level state is about to run: checkpoint it, with the outputs it keeps from before the redrive. */
  beforeState(checkpoint: Omit<Checkpoint, 'completed'>): void {
    const completed = this.carried;
    this.carried = undefined;
    this.pending = completed;
    this.request.checkpoint?.(completed ? { ...checkpoint, completed } : checkpoint);
  }

  /**
   * Called by a Parallel / Inline Map at the start of each attempt. Only the first attempt after the redrive
   * skips; a Retry re-runs every branch as a Retry always does [UNCONFIRMED]. Outputs reported by any attempt
   * are kept (the latest per index) for the next redrive.
   */
  attempt(): IterationAttempt {
    const completed = this.pending;
    this.pending = undefined;
    return { completed, succeeded: this.succeeded };
  }
}
