// The engine side of the TestState API (https://docs.aws.amazon.com/step-functions/latest/apireference/API_TestState.html):
// parsed request values in, status / output / error / next state and the inspection data out. JSON text,
// HTTP and the API's error shapes stay in the service layer.
import type { StateMachineDefinition, StateNode } from '../definition/types';

export type TestStatus = 'SUCCEEDED' | 'FAILED' | 'RETRIABLE' | 'CAUGHT_ERROR';

export type TestMock = { readonly kind: 'result'; readonly result: unknown } | { readonly kind: 'error'; readonly error?: string; readonly cause?: string };

export interface TestStateConfiguration {
  /** How many times the state has already been retried (`$$.State.RetryCount`, and the back-off reported). */
  readonly retrierRetryCount?: number;
  /** Map / Parallel with a mocked error: the inner state that raised it. */
  readonly errorCausedByState?: string;
  /** Map with a mocked result: how many iterations failed, checked against the tolerated failure threshold. */
  readonly mapIterationFailureCount?: number;
  /** Map with an ItemReader: the items the reader would have returned. */
  readonly mapItemReaderData?: unknown;
}

export interface TestStateRequest {
  readonly definition: StateMachineDefinition;
  readonly node: StateNode;
  readonly input: unknown;
  /** Workflow variables in scope when the state is entered. */
  readonly variables: Readonly<Record<string, unknown>>;
  readonly roleArn?: string;
  readonly mock?: TestMock;
  /** A context object given by the caller; it replaces the one the engine would build. */
  readonly context?: Record<string, unknown>;
  readonly configuration: TestStateConfiguration;
}

export interface ErrorDetails {
  catchIndex?: number;
  retryIndex?: number;
  retryBackoffIntervalSeconds?: number;
}

/** Values as the state saw them at each stage; the service serialises them to JSON text. */
export interface Inspection {
  input?: unknown;
  afterInputPath?: unknown;
  afterParameters?: unknown;
  afterArguments?: unknown;
  result?: unknown;
  afterResultSelector?: unknown;
  afterResultPath?: unknown;
  variables?: Record<string, unknown>;
  afterItemsPath?: unknown;
  afterItemSelector?: unknown;
  afterItemBatcher?: unknown;
  toleratedFailureCount?: number;
  toleratedFailurePercentage?: number;
  maxConcurrency?: number;
  errorDetails?: ErrorDetails;
}

export interface TestStateResult {
  readonly status: TestStatus;
  readonly output?: unknown;
  readonly hasOutput: boolean;
  readonly error?: string;
  readonly cause?: string;
  readonly nextState?: string;
  readonly inspection: Inspection;
}

/** A request the state cannot be tested with; `code` is the API error AWS answers with. */
export class TestStateRequestError extends Error {
  constructor(
    readonly code: 'ValidationException' | 'InvalidDefinition',
    message: string,
  ) {
    super(message);
    this.name = 'TestStateRequestError';
  }
}
