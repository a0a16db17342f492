// The port through which a Task waits for a callback: `.waitForTaskToken` tasks wait for SendTaskSuccess /
// SendTaskFailure with their task token, and SendTaskHeartbeat keeps HeartbeatSeconds from expiring.
// Activity tasks are queued here for workers (GetActivityTask), who answer the same way.
// https://docs.aws.amazon.com/step-functions/latest/dg/concepts-activities.html
// The Step Functions service implements it (its API receives the callbacks); the engine only waits.
// https://docs.aws.amazon.com/step-functions/latest/dg/connect-to-resource.html#connect-wait-token

/** How a callback ended: SendTaskSuccess's output, or SendTaskFailure's error and cause. */
export type CallbackOutcome =
  { readonly status: 'SUCCEEDED'; readonly output: unknown } | { readonly status: 'FAILED'; readonly error?: string; readonly cause?: string };

export interface PendingCallback {
  /** Settles once the token's task is answered. */
  readonly outcome: Promise<CallbackOutcome>;
  /** Called on every SendTaskHeartbeat for the token. */
  onHeartbeat(listener: () => void): void;
  /** The task is over (answered, failed, timed out or aborted): later callbacks with the token are refused. */
  close(): void;
}

/** A worker took the activity task (GetActivityTask): who, and the callback its answer settles. */
export interface ActivityPickup {
  readonly workerName?: string;
  readonly callback: PendingCallback;
}

export interface ScheduledActivity {
  /** Resolves when a worker takes the task. */
  readonly pickedUp: Promise<ActivityPickup>;
  /** Takes back a task no worker has taken yet (the state timed out or was aborted). */
  withdraw(): void;
}

export interface CallbackPort {
  /** Queues an activity task for the activity's workers; undefined when the activity does not exist. */
  scheduleActivity(activityArn: string, input: unknown, executionArn: string): ScheduledActivity | undefined;
  /** A new task token for one attempt of a callback Task of this execution. */
  newToken(executionArn: string): string;
  /** Starts listening for the token's callback; call it before the token leaves the engine. */
  listen(token: string): PendingCallback;
}
