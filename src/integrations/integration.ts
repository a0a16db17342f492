// What each integration file provides to the task runner: it claims the Resource ARNs it serves
// and runs the task. Failures are thrown as StatesError (src/engine/errors/states-error.ts).
import type { AwsClients } from '../config/clients';
import type { Clock, ResolvedResource, TaskInvocation } from '../engine';
import type { ParsedResourceArn } from './resource-arn';
import type { LambdaHandlerMap } from './lambda-handlers';

export interface IntegrationContext {
  /** The engine's clients: in-process for the services the sandbox hosts, the configured endpoints for the rest. */
  readonly clients: AwsClients;
  readonly region: string;
  readonly accountId: string;
  readonly clock: Clock;
  readonly lambdaHandlers: LambdaHandlerMap;
}

export interface Integration {
  /** The history view of `arn` when this integration serves it, otherwise undefined. */
  resolve(arn: ParsedResourceArn, raw: string): ResolvedResource | undefined;
  invoke(invocation: TaskInvocation): Promise<unknown>;
}

export type IntegrationFactory = (context: IntegrationContext) => Integration;
