// Builders for the `<x>EventDetails` members (docs/aws-behaviour.md#history-events). Inputs and outputs travel as JSON strings,
// each with `{truncated:false}` beside it; absent error/cause fields are omitted, never sent as null.
import type { EventDetails } from './event-log';

const NOT_TRUNCATED = { truncated: false } as const;

export function toJson(value: unknown): string {
  return JSON.stringify(value) ?? 'null';
}

/** `{error?, cause?}` with absent members left out (ExecutionFailed {"error":"Exception"} has no cause key). */
export function errorFields(error?: string, cause?: string): { error?: string; cause?: string } {
  const fields: { error?: string; cause?: string } = {};
  if (error !== undefined) fields.error = error;
  if (cause !== undefined) fields.cause = cause;
  return fields;
}

export function executionStarted(
  input: unknown,
  roleArn: string,
  through: { stateMachineVersionArn?: string; stateMachineAliasArn?: string } = {},
): EventDetails {
  return {
    executionStartedEventDetails: {
      input: toJson(input),
      inputDetails: NOT_TRUNCATED,
      roleArn,
      // https://docs.aws.amazon.com/step-functions/latest/apireference/API_ExecutionStartedEventDetails.html
      ...(through.stateMachineAliasArn !== undefined && { stateMachineAliasArn: through.stateMachineAliasArn }),
      ...(through.stateMachineVersionArn !== undefined && { stateMachineVersionArn: through.stateMachineVersionArn }),
    },
  };
}

export function executionSucceeded(output: unknown): EventDetails {
  return { executionSucceededEventDetails: { output: toJson(output), outputDetails: NOT_TRUNCATED } };
}

export function stateEntered(name: string, input: unknown): EventDetails {
  return { stateEnteredEventDetails: { name, input: toJson(input), inputDetails: NOT_TRUNCATED } };
}

/**
 * `outputJson` is the already serialized output (the size check serialized it). `assignedVariables` maps
 * names to JSON text and appears only when the state assigned something.
 */
export function stateExited(name: string, outputJson: string, assigned?: Readonly<Record<string, unknown>>): EventDetails {
  const details: NonNullable<EventDetails['stateExitedEventDetails']> = {
    name,
    output: outputJson,
    outputDetails: NOT_TRUNCATED,
  };
  if (assigned && Object.keys(assigned).length > 0) {
    details.assignedVariables = Object.fromEntries(Object.entries(assigned).map(([k, v]) => [k, toJson(v)]));
    details.assignedVariablesDetails = NOT_TRUNCATED;
  }
  return { stateExitedEventDetails: details };
}

export function evaluationFailed(state: string, error: string, cause?: string, location?: string): EventDetails {
  const details: NonNullable<EventDetails['evaluationFailedEventDetails']> = { state, ...errorFields(error, cause) };
  if (location !== undefined) details.location = location;
  return { evaluationFailedEventDetails: details };
}

export function mapIteration(key: MapIterationKey, name: string, index: number): EventDetails {
  return { [key]: { name, index } };
}

export type MapIterationKey =
  'mapIterationStartedEventDetails' | 'mapIterationSucceededEventDetails' | 'mapIterationFailedEventDetails' | 'mapIterationAbortedEventDetails';

export function outputDetails(output: unknown): { output: string; outputDetails: typeof NOT_TRUNCATED } {
  return { output: toJson(output), outputDetails: NOT_TRUNCATED };
}

export function inputDetails(input: unknown): { input: string; inputDetails: typeof NOT_TRUNCATED } {
  return { input: toJson(input), inputDetails: NOT_TRUNCATED };
}
