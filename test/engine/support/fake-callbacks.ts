// A CallbackPort for engine tests: numbered tokens, and a test answers or heartbeats a token directly. Activity
// tasks of the `activities` given are queued; take() plays the worker.
import type { ActivityPickup, CallbackOutcome, CallbackPort, PendingCallback, ScheduledActivity } from '../../../src/engine/integrations/callbacks';

export class FakeCallbacks implements CallbackPort {
  private issued = 0;
  private readonly open = new Map<string, { settle: (outcome: CallbackOutcome) => void; heartbeats: (() => void)[] }>();
  readonly closed: string[] = [];
  private readonly queued: { arn: string; input: unknown; executionArn: string; pickUp: (pickup: ActivityPickup) => void }[] = [];

  constructor(private readonly activities: readonly string[] = []) {}

  scheduleActivity(activityArn: string, input: unknown, executionArn: string): ScheduledActivity | undefined {
    if (!this.activities.includes(activityArn)) return undefined;
    let pickUp!: (pickup: ActivityPickup) => void;
    const pickedUp = new Promise<ActivityPickup>((resolve) => (pickUp = resolve));
    const task = { arn: activityArn, input, executionArn, pickUp };
    this.queued.push(task);
    return { pickedUp, withdraw: () => void this.queued.splice(this.queued.indexOf(task), 1) };
  }

  /** A worker takes the oldest queued task: its token and input. */
  take(workerName?: string): { token: string; input: unknown } | undefined {
    const task = this.queued.shift();
    if (!task) return undefined;
    const token = this.newToken(task.executionArn);
    task.pickUp({ workerName, callback: this.listen(token) });
    return { token, input: task.input };
  }

  get queuedCount(): number {
    return this.queued.length;
  }

  newToken(executionArn: string): string {
    return `token-${++this.issued}@${executionArn}`;
  }

  listen(token: string): PendingCallback {
    let settle!: (outcome: CallbackOutcome) => void;
    const outcome = new Promise<CallbackOutcome>((resolve) => (settle = resolve));
    const entry = { settle, heartbeats: [] as (() => void)[] };
    this.open.set(token, entry);
    return {
      outcome,
      onHeartbeat: (listener) => void entry.heartbeats.push(listener),
      close: () => {
        this.open.delete(token);
        this.closed.push(token);
      },
    };
  }

  answer(token: string, outcome: CallbackOutcome): void {
    const entry = this.open.get(token);
    if (!entry) throw new Error(`no task waits for ${token}`);
    entry.settle(outcome);
  }

  heartbeat(token: string): void {
    for (const listener of this.open.get(token)?.heartbeats ?? []) listener();
  }
}
