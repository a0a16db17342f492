// The progress events of an activity Task (recorded): ActivityScheduled (the state's effective input as
// `input`, its timers) → ActivityStarted (when a worker takes it; `workerName` only if the worker sent one)
// → ActivitySucceeded | ActivityFailed | ActivityTimedOut. No TaskSubmitted: nothing is submitted.
import type { EventChain } from '../../history/event-log';
import { errorFields, inputDetails, outputDetails } from '../../history/event-details';
import type { ResolvedResource } from '../../integrations/types';
import { reportedErrorName } from '../../errors/states-error-kinds';
import type { TaskEvents } from './task-events';

export function activityEvents(resource: ResolvedResource, chain: EventChain): TaskEvents {
  return {
    scheduled(args, timers) {
      chain.emit('ActivityScheduled', () => ({
        activityScheduledEventDetails: {
          resource: resource.arn,
          ...inputDetails(args),
          ...(timers.timeoutSeconds !== undefined && { timeoutInSeconds: timers.timeoutSeconds }),
          ...(timers.heartbeatSeconds !== undefined && { heartbeatInSeconds: timers.heartbeatSeconds }),
        },
      }));
    },
    started: (workerName) => chain.emit('ActivityStarted', { activityStartedEventDetails: workerName === undefined ? {} : { workerName } }),
    submitted: () => undefined,
    succeeded: (output) => chain.emit('ActivitySucceeded', () => ({ activitySucceededEventDetails: outputDetails(output) })),
    failed: (error) => chain.emit('ActivityFailed', { activityFailedEventDetails: errorFields(reportedErrorName(error), error.cause) }),
    timedOut: (error) => chain.emit('ActivityTimedOut', { activityTimedOutEventDetails: errorFields(error.error, error.cause) }),
  };
}
