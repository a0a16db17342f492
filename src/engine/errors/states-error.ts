// Execution errors (the "StatesError" world): what a state raises at run time. Retry and Catch match
// on `name`; the history records `name` and `cause`. They never cross the HTTP layer.

/** Names Step Functions itself raises (docs/aws-behaviour.md#error-names-and-matching). */
export const StatesErrorName = {
  ALL: 'States.ALL',
  TaskFailed: 'States.TaskFailed',
  Timeout: 'States.Timeout',
  HeartbeatTimeout: 'States.HeartbeatTimeout',
  Runtime: 'States.Runtime',
  QueryEvaluationError: 'States.QueryEvaluationError',
  DataLimitExceeded: 'States.DataLimitExceeded',
  ItemReaderFailed: 'States.ItemReaderFailed',
  ResultWriterFailed: 'States.ResultWriterFailed',
  ExceedToleratedFailureThreshold: 'States.ExceedToleratedFailureThreshold',
  BranchFailed: 'States.BranchFailed',
  NoChoiceMatched: 'States.NoChoiceMatched',
  IntrinsicFailure: 'States.IntrinsicFailure',
  Permissions: 'States.Permissions',
} as const;

export class StatesError extends Error {
  constructor(
    /** The ASL error name, e.g. "States.Timeout" or "DynamoDB.ConditionalCheckFailedException". */
    readonly error: string,
    /** Cause text as the history shows it; undefined when AWS records no cause. */
    override readonly cause?: string,
  ) {
    super(cause ? `${error}: ${cause}` : error);
    this.name = error;
  }

  /** States.Runtime is never caught or retried, even by an explicit ErrorEquals (docs/aws-behaviour.md#jsonpath-runtime-errors, #error-names-and-matching). */
  get catchable(): boolean {
    return this.error !== StatesErrorName.Runtime;
  }
}

/**
 * A States.QueryEvaluationError that AWS also records as an EvaluationFailed event before the state fails:
 * JSONata field failures (with the field path as `location`, e.g. "Output/result") and the JSONata Map and
 * Wait input checks (AWS records a `location` for the Wait `Timestamp` but none for a non-array Map input).
 */
export class QueryEvaluationFailure extends StatesError {
  constructor(
    cause: string,
    /** The field path reported as EvaluationFailed.location; undefined when AWS records none. */
    readonly location?: string,
  ) {
    super(StatesErrorName.QueryEvaluationError, cause);
  }
}

/** Turns anything thrown inside a state into a StatesError; unknown exceptions become States.Runtime. */
export function toStatesError(thrown: unknown): StatesError {
  if (thrown instanceof StatesError) return thrown;
  const message = thrown instanceof Error ? thrown.message : String(thrown);
  return new StatesError(StatesErrorName.Runtime, message);
}

/** The prefix AWS puts before every States.Runtime / States.QueryEvaluationError cause. */
export function stateErrorPrefix(stateName: string, enteredEventId: number): string {
  return `An error occurred while executing the state '${stateName}' (entered at the event id #${enteredEventId}). `;
}
