// The engine's public contract, as the Step Functions service layer sees it. No HTTP, no storage:
// the caller owns ARNs, persistence and listing; the engine runs one execution and reports events.
import type { HistoryEvent } from '@aws-sdk/client-sfn';
import type { Clock } from './clock';
import type { EventDetails } from '../history/event-log';
import type { TaskRunner } from '../integrations/types';
import type { DistributedMapPort } from '../states/map/distributed-port';
import type { CallbackPort } from '../integrations/callbacks';

export type StateMachineType = 'STANDARD' | 'EXPRESS';
export type ExecutionStatus = 'RUNNING' | 'SUCCEEDED' | 'FAILED' | 'TIMED_OUT' | 'ABORTED';

/** Identity of an execution as the context object ($$ / $states.context) exposes it (docs/aws-behaviour.md#context-object). */
export interface ExecutionIdentity {
  readonly executionArn: string;
  readonly executionName: string;
  readonly stateMachineArn: string;
  readonly stateMachineName: string;
  readonly roleArn: string;
  readonly startTime: Date;
  readonly type: StateMachineType;
  readonly redriveCount: number;
  /** Set for the children of a Distributed Map. */
  readonly mapRunArn?: string;
  /** StartSyncExecution contexts carry no RedriveCount (recorded quirk, docs/aws-behaviour.md#context-object). */
  readonly sync?: boolean;
  /** Started through a version or alias ARN: ExecutionStarted names them (API_ExecutionStartedEventDetails). */
  readonly stateMachineVersionArn?: string;
  readonly stateMachineAliasArn?: string;
}

/** Receives each history event as soon as the engine appends it (ids and previousEventId assigned). */
export interface HistoryRecorder {
  /**
   * `details`, given only to a recorder that `defers`, builds the event's `<x>EventDetails` when somebody
   * reads the event; the engine never changes a value after recording it (each state builds new objects),
   * so building later gives the same text as building now.
   */
  record(event: HistoryEvent, details?: () => EventDetails): void;
  /**
   * True when these events are kept but rarely read (the latest EXPRESS executions, for the console): details
   * the engine builds with a function (inputs, outputs, parameters as JSON text) are handed over unbuilt.
   */
  readonly defers?: boolean;
  /**
   * True when nobody can ever read these events (an EXPRESS execution keeps no history): the engine still
   * numbers and records every event, but without its `<x>EventDetails`, so it never serializes inputs,
   * outputs and parameters only to have them dropped.
   */
  readonly discards?: boolean;
}

export interface ExecutionOutcome {
  readonly status: Exclude<ExecutionStatus, 'RUNNING'>;
  /** Parsed JSON output, present when SUCCEEDED. */
  readonly output?: unknown;
  readonly error?: string;
  readonly cause?: string;
}

/** Why an execution is being stopped from outside (StopExecution): becomes ExecutionAborted details. */
export interface StopReason {
  readonly error?: string;
  readonly cause?: string;
}

export interface EngineDeps {
  readonly clock: Clock;
  readonly region: string;
  readonly accountId: string;
  readonly uuid: () => string;
  readonly random: () => number;
  readonly tasks: TaskRunner;
  /** Runs DISTRIBUTED Map states; without it they fail with States.Runtime. */
  readonly distributedMap?: DistributedMapPort;
  /** Task tokens and their callbacks (`.waitForTaskToken`, activities); without it such Tasks fail with States.Runtime. */
  readonly callbacks?: CallbackPort;
}
