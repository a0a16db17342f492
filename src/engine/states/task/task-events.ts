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

/** Service integrations: one per Task attempt, so a class (shared methods), not an object of fresh closures. */
class ServiceTaskEvents implements TaskEvents {
  private readonly id: { readonly resourceType: string; readonly resource: string };

  constructor(
    resource: ResolvedResource,
    private readonly chain: EventChain,
    private readonly region: string,
  ) {
    this.id = { resourceType: resource.resourceType, resource: resource.resource };
  }

  scheduled(args: unknown, timers: Timers, roleArn?: string): void {
    const { id, region } = this;
    this.chain.emit('TaskScheduled', () => ({
      taskScheduledEventDetails: {
        ...id,
        region,
        parameters: toJson(args),
        ...(timers.timeoutSeconds !== undefined && { timeoutInSeconds: timers.timeoutSeconds }),
        ...(timers.heartbeatSeconds !== undefined && { heartbeatInSeconds: timers.heartbeatSeconds }),
        ...(roleArn !== undefined && { taskCredentials: { roleArn } }),
      },
    }));
  }

  started(): void {
    this.chain.emit('TaskStarted', { taskStartedEventDetails: this.id });
  }

  submitted(output: unknown): void {
    const { id } = this;
    this.chain.emit('TaskSubmitted', () => ({ taskSubmittedEventDetails: { ...id, ...outputDetails(output) } }));
  }

  succeeded(output: unknown): void {
    const { id } = this;
    this.chain.emit('TaskSucceeded', () => ({ taskSucceededEventDetails: { ...id, ...outputDetails(output) } }));
  }

  failed(error: StatesError): void {
    this.chain.emit('TaskFailed', { taskFailedEventDetails: { ...this.id, ...errorFields(reportedErrorName(error), error.cause) } });
  }

  timedOut(error: StatesError): void {
    this.chain.emit('TaskTimedOut', { taskTimedOutEventDetails: { ...this.id, ...errorFields(error.error, error.cause) } });
  }
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
  return resource.legacyLambda ? lambdaEvents(resource, chain) : new ServiceTaskEvents(resource, chain, region);
}
