// An activity Task: the task is queued for the activity's workers; it starts when one takes it
// (GetActivityTask) and ends with the worker's SendTaskSuccess / SendTaskFailure. HeartbeatSeconds counts
// from the pickup; TimeoutSeconds (the Task's deadline) from the scheduling.
// https://docs.aws.amazon.com/step-functions/latest/dg/concepts-activities.html
import type { ScheduledActivity } from '../../integrations/callbacks';
import type { StateRun } from '../../runtime/state-run';
import { awaitCallback } from './callback-wait';
import type { TaskEvents, Timers } from './task-events';

export async function awaitActivity(activity: ScheduledActivity, run: StateRun, timers: Timers, events: TaskEvents, signal: AbortSignal): Promise<unknown> {
  const onAbort = () => activity.withdraw();
  signal.addEventListener('abort', onAbort, { once: true });
  let pickup;
  try {
    pickup = await activity.pickedUp;
  } finally {
    signal.removeEventListener('abort', onAbort);
  }
  try {
    events.started(pickup.workerName);
    return await awaitCallback(pickup.callback, timers.heartbeatSeconds, run.deps.clock, signal);
  } finally {
    pickup.callback.close();
  }
}
