// Activity tasks waiting for workers. A Task state on an activity ARN queues its input here; GetActivityTask
// takes the oldest one (or long-polls until one is queued, up to the poll limit, then answers with no task)
// and hands the worker a fresh task token whose callback the state awaits. Closing the service answers every
// pending poll at once, so shutdown never waits out a poll.
// https://docs.aws.amazon.com/step-functions/latest/apireference/API_GetActivityTask.html
import type { ActivityPickup, ScheduledActivity } from '../../../engine';
import { jsonText } from '../api/execution-input';
import type { TaskTokens } from './task-tokens';

/** AWS holds a GetActivityTask poll open for up to 60 seconds. */
const ACTIVITY_POLL_MS = 60_000;

interface QueuedTask {
  readonly input: unknown;
  readonly executionArn: string;
  readonly pickUp: (pickup: ActivityPickup) => void;
}

interface Poller {
  readonly workerName?: string;
  readonly answer: (task: ActivityTaskHandout | undefined) => void;
}

/** What GetActivityTask returns to a worker. */
export interface ActivityTaskHandout {
  readonly taskToken: string;
  readonly input: string;
}

export class ActivityTasks {
  private readonly queued = new Map<string, QueuedTask[]>();
  private readonly pollers = new Map<string, Poller[]>();
  private closed = false;

  constructor(
    private readonly tokens: TaskTokens,
    private readonly pollMs = ACTIVITY_POLL_MS,
  ) {}

  schedule(activityArn: string, input: unknown, executionArn: string): ScheduledActivity {
    let pickUp!: (pickup: ActivityPickup) => void;
    const pickedUp = new Promise<ActivityPickup>((resolve) => (pickUp = resolve));
    const task: QueuedTask = { input, executionArn, pickUp };
    const poller = this.pollers.get(activityArn)?.shift();
    if (poller) poller.answer(this.handOut(task, poller.workerName));
    else listOf(this.queued, activityArn).push(task);
    return { pickedUp, withdraw: () => remove(this.queued.get(activityArn), task) };
  }

  /** GetActivityTask: the oldest queued task, else the next one scheduled within the poll limit, else none. */
  poll(activityArn: string, workerName: string | undefined): Promise<ActivityTaskHandout | undefined> {
    const task = this.queued.get(activityArn)?.shift();
    if (task) return Promise.resolve(this.handOut(task, workerName));
    if (this.closed) return Promise.resolve(undefined);
    return new Promise((resolve) => {
      const poller: Poller = {
        workerName,
        answer: (handout) => {
          clearTimeout(timer);
          resolve(handout);
        },
      };
      const timer = setTimeout(() => {
        remove(this.pollers.get(activityArn), poller);
        resolve(undefined);
      }, this.pollMs);
      listOf(this.pollers, activityArn).push(poller);
    });
  }

  /** Answers every pending poll with no task (endpoint shutdown). */
  close(): void {
    this.closed = true;
    for (const pollers of this.pollers.values()) for (const poller of pollers.splice(0)) poller.answer(undefined);
  }

  private handOut(task: QueuedTask, workerName: string | undefined): ActivityTaskHandout {
    const taskToken = this.tokens.newToken(task.executionArn);
    // Listening before the worker has the token: its answer can never arrive first.
    task.pickUp({ workerName, callback: this.tokens.listen(taskToken) });
    return { taskToken, input: jsonText(task.input) };
  }
}

function listOf<T>(index: Map<string, T[]>, key: string): T[] {
  let list = index.get(key);
  if (!list) index.set(key, (list = []));
  return list;
}

function remove<T>(list: T[] | undefined, item: T): void {
  const at = list?.indexOf(item) ?? -1;
  if (at >= 0) list?.splice(at, 1);
}
