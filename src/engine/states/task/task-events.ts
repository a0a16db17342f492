// The progress events of a Task (docs/aws-behaviour.md#service-integrations): Task* for service integrations, LambdaFunction* for legacy Lambda
// ARN resources. Each appends to the state's chain; the loop records the Entered/Exited around them.
import type { EventChain } from '../../history/event-log';
import { errorFields, inputDetails, outputDetails, toJson } from '../../history/event-details';
import type { ResolvedResource } from '../../integrations/types';
import type { StatesError } from '../../errors/states-error';
import { reportedErrorName } from '../../errors/states-error-kinds';
import { activityEvents } from './activity-events';

export interface Timers {
  readonly timeoutSeconds?: number;
  readonly heartbeatSeconds?: number;
}

export interface TaskEvents {
  scheduled(args: unknown, timers: Timers, roleArn?: string): void;
  /** `workerName`: the activity worker that took the task (activities only). */
  started(workerName?: string): void;
  submitted(output: unknown): void;
  succeeded(output: unknown): void;
  failed(error: StatesError): void;
  timedOut(error: StatesError): void;
}

function serviceEvents(resource: ResolvedResource, chain: EventChain, region: string): TaskEvents {
  const id = { resourceType: resource.resourceType, resource: resource.resource };
  return {
    scheduled(args, timers, roleArn) {
      chain.emit('TaskScheduled', () => ({
        taskScheduledEventDetails: {
          ...id,
          region,
          parameters: toJson(args),
          ...(timers.timeoutSeconds !== undefined && { timeoutInSeconds: timers.timeoutSeconds }),
          ...(timers.heartbeatSeconds !== undefined && { heartbeatInSeconds: timers.heartbeatSeconds }),
          ...(roleArn !== undefined && { taskCredentials: { roleArn } }),
        },
      }));
    },
    started: () => chain.emit('TaskStarted', { taskStartedEventDetails: id }),
    submitted: (output) => chain.emit('TaskSubmitted', () => ({ taskSubmittedEventDetails: { ...id, ...outputDetails(output) } })),
    succeeded: (output) => chain.emit('TaskSucceeded', () => ({ taskSucceededEventDetails: { ...id, ...outputDetails(output) } })),
    failed: (error) => chain.emit('TaskFailed', { taskFailedEventDetails: { ...id, ...errorFields(reportedErrorName(error), error.cause) } }),
    timedOut: (error) => chain.emit('TaskTimedOut', { taskTimedOutEventDetails: { ...id, ...errorFields(error.error, error.cause) } }),
  };
}

function lambdaEvents(resource: ResolvedResource, chain: EventChain): TaskEvents {
  return {
    scheduled(args, timers, roleArn) {
      chain.emit('LambdaFunctionScheduled', () => ({
        lambdaFunctionScheduledEventDetails: {
          resource: resource.arn,
          ...inputDetails(args),
          ...(timers.timeoutSeconds !== undefined && { timeoutInSeconds: timers.timeoutSeconds }),
          ...(roleArn !== undefined && { taskCredentials: { roleArn } }),
        },
      }));
    },
    started: () => chain.emit('LambdaFunctionStarted'),
    // Legacy Lambda invocations are request/response only: nothing is ever submitted.
    submitted: () => undefined,
    succeeded: (output) => chain.emit('LambdaFunctionSucceeded', () => ({ lambdaFunctionSucceededEventDetails: outputDetails(output) })),
    failed: (error) => chain.emit('LambdaFunctionFailed', { lambdaFunctionFailedEventDetails: errorFields(error.error, error.cause) }),
    timedOut: (error) => chain.emit('LambdaFunctionTimedOut', { lambdaFunctionTimedOutEventDetails: errorFields(error.error, error.cause) }),
  };
}

export function taskEvents(resource: ResolvedResource, chain: EventChain, region: string): TaskEvents {
  if (resource.pattern === 'ACTIVITY') return activityEvents(resource, chain);
  return resource.legacyLambda ? lambdaEvents(resource, chain) : serviceEvents(resource, chain, region);
}
