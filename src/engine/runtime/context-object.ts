// The context object (`$$` in JSONPath, `$states.context` in JSONata), docs/aws-behaviour.md#context-object. RedriveCount is absent
// for StartSyncExecution (recorded quirk); State.RetryCount only for states that can retry; `Map.Item`
// only while a Map evaluates its ItemSelector; `Task.Token` only in `.waitForTaskToken` tasks.
import type { ExecutionIdentity } from './types';

export interface ExecutionContext {
  readonly Execution: Readonly<Record<string, unknown>>;
  readonly StateMachine: Readonly<Record<string, unknown>>;
}

export function executionContext(identity: ExecutionIdentity, input: unknown): ExecutionContext {
  const execution: Record<string, unknown> = {
    Id: identity.executionArn,
    Input: input,
    StartTime: identity.startTime.toISOString(),
    Name: identity.executionName,
    RoleArn: identity.roleArn,
  };
  if (!identity.sync) execution.RedriveCount = identity.redriveCount;
  return { Execution: execution, StateMachine: { Id: identity.stateMachineArn, Name: identity.stateMachineName } };
}

export interface StateContext {
  readonly Name: string;
  readonly EnteredTime: string;
  readonly RetryCount?: number;
}

/**
 * `Map.Item` while a Map evaluates ItemSelector. `Source` is documented by AWS but absent from the recordings
 * [UNCONFIRMED]: `STATE_DATA` for items from the state input, `S3://bucket/key` (or `S3://bucket` for
 * listObjectsV2) for an ItemReader.
 */
export interface MapItemContext {
  readonly Index: number;
  readonly Value: unknown;
  readonly Source: string;
}

/** Items taken from the state input rather than an ItemReader. */
export const STATE_DATA = 'STATE_DATA';

export interface ContextExtras {
  readonly mapItem?: MapItemContext;
  /** `Task.Token`, only for `.waitForTaskToken` tasks (documented). */
  readonly taskToken?: string;
}

export function contextObject(execution: ExecutionContext, state: StateContext, extras: ContextExtras = {}): Record<string, unknown> {
  const context: Record<string, unknown> = { ...execution, State: state };
  if (extras.taskToken !== undefined) context.Task = { Token: extras.taskToken };
  if (extras.mapItem) context.Map = { Item: extras.mapItem };
  return context;
}
