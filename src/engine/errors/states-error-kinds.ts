// Execution errors with a twist on matching or reporting. All are StatesErrors: Retry/Catch and the history
// treat them uniformly, reading only `error`, `cause`, `catchable` and the helpers in error-matching.ts.
import { StatesError, StatesErrorName } from './states-error';

/**
 * An error that ends the execution regardless of Retry/Catch: the oversized *state output* of docs/aws-behaviour.md#error-names-and-matching
 * (recorded PassStateEntered → ExecutionFailed, no exit event).
 */
export class TerminalStatesError extends StatesError {
  override get catchable(): boolean {
    return false;
  }
}

/**
 * A heartbeat expiry. AWS records it as States.Timeout (docs/aws-behaviour.md#task-state), and the docs name States.HeartbeatTimeout,
 * so a retrier/catcher on either name matches it [UNCONFIRMED that AWS matches HeartbeatTimeout].
 */
export class HeartbeatTimeoutError extends StatesError {
  constructor() {
    super(StatesErrorName.Timeout);
  }
}

/** A Fail state's error: either field may be absent, and the history then omits it (docs/aws-behaviour.md#fail-state). */
export class FailStateError extends StatesError {
  constructor(
    readonly declaredError: string | undefined,
    cause: string | undefined,
  ) {
    super(declaredError ?? '', cause);
  }
}

/**
 * A SendTaskFailure's error (a callback or activity task): either field may be absent. The history omits an
 * absent one, and the error output a Catcher passes on shows it as null (recorded: `{"Error": null, "Cause": null}`).
 */
export class CallbackFailureError extends FailStateError {}

/** The error name as the history and the error output show it; undefined for a Fail state without Error. */
export function reportedErrorName(error: StatesError): string | undefined {
  return error instanceof FailStateError ? error.declaredError : error.error;
}

/** The `{Error, Cause}` object a Catcher passes on (docs/aws-behaviour.md#retry-and-catch); absent members are omitted. */
export function errorOutput(error: StatesError): { Error?: string | null; Cause?: string | null } {
  if (error instanceof CallbackFailureError) return { Error: error.declaredError ?? null, Cause: error.cause ?? null };
  const output: { Error?: string; Cause?: string } = {};
  const name = reportedErrorName(error);
  if (name !== undefined) output.Error = name;
  if (error.cause !== undefined) output.Cause = error.cause;
  return output;
}
