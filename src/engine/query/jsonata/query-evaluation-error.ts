// The States.QueryEvaluationError causes AWS records for JSONata fields (docs/aws-behaviour.md#jsonata-evaluation-errors), each prefixed with
// "An error occurred while executing the state '<S>' (entered at the event id #<n>). " and carrying the field
// path (e.g. "Output/result") as EvaluationFailed.location.
import { QueryEvaluationFailure, stateErrorPrefix, type StatesError } from '../../errors/states-error';
import type { EvalScope } from '../types';

export interface ExpressionSite {
  /** The expression text between `{%` and `%}`, trimmed. */
  readonly text: string;
  /** The field path, e.g. "Output/result". */
  readonly field: string;
}

function fail(scope: EvalScope, site: ExpressionSite, suffix: string): StatesError {
  const cause =
    `${stateErrorPrefix(scope.stateName, scope.enteredEventId)}` + `The JSONata expression '${site.text}' specified for the field '${site.field}' ${suffix}`;
  return new QueryEvaluationFailure(cause, site.field);
}

export function returnedNothing(scope: EvalScope, site: ExpressionSite): StatesError {
  return fail(scope, site, 'returned nothing (undefined).');
}

export function unsupportedResultType(scope: EvalScope, site: ExpressionSite): StatesError {
  return fail(scope, site, 'returned an unsupported result type.');
}

/** JSONata's error objects carry `code` and a message whose {{token}}/{{value}} are already filled. */
export function threwDuringEvaluation(scope: EvalScope, site: ExpressionSite, thrown: unknown): StatesError {
  const { code, message } = (thrown ?? {}) as { code?: unknown; message?: unknown };
  const text = typeof message === 'string' ? message : String(thrown);
  const detail = typeof code === 'string' ? `${code}: ${text}` : text;
  return fail(scope, site, `threw an error during evaluation. ${detail}`);
}

/** The JSON type name AWS prints in "Expected 'array', but was '<type>'". */
export function jsonTypeName(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value === 'object' ? 'object' : typeof value;
}

export function unexpectedResultType(scope: EvalScope, site: ExpressionSite, expected: string, value: unknown): StatesError {
  return fail(scope, site, `returned an unexpected result type. Expected '${expected}', but was '${jsonTypeName(value)}' for value: ${JSON.stringify(value)}`);
}
