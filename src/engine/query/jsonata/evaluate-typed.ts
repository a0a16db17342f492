// Typed JSONata fields (Items, MaxConcurrency, TimeoutSeconds, ToleratedFailure*, Fail Error/Cause, Wait
// Timestamp, Choice Condition). Only the Items message is recorded (docs/aws-behaviour.md#jsonata-evaluation-errors):
//   The JSONata expression '<expr>' specified for the field 'Items' returned an unexpected result type.
//   Expected 'array', but was '<type>' for value: <compact json>
// Other kinds reuse that shape with their own expected label [UNCONFIRMED wording].
import { QueryEvaluationFailure, stateErrorPrefix, type StatesError } from '../../errors/states-error';
import type { EvalScope, JsonataTemplate } from '../types';
import { jsonTypeName, unexpectedResultType } from './query-evaluation-error';
import { CompiledJsonataTemplate } from './template';

export type JsonataValueKind = 'array' | 'integer' | 'number' | 'string' | 'boolean';

export interface JsonataKindTypes {
  array: unknown[];
  integer: number;
  number: number;
  string: string;
  boolean: boolean;
}

const EXPECTED_LABEL: Record<JsonataValueKind, string> = {
  array: 'array',
  // MaxConcurrency, TimeoutSeconds, HeartbeatSeconds, ToleratedFailureCount, MaxItems: whole numbers >= 0.
  integer: 'non-negative integer',
  number: 'number',
  string: 'string',
  boolean: 'boolean',
};

const MATCHES: Record<JsonataValueKind, (value: unknown) => boolean> = {
  array: Array.isArray,
  integer: (v) => typeof v === 'number' && Number.isInteger(v) && v >= 0,
  number: (v) => typeof v === 'number' && Number.isFinite(v),
  string: (v) => typeof v === 'string',
  boolean: (v) => typeof v === 'boolean',
};

function literalMismatch(scope: EvalScope, field: string, kind: JsonataValueKind, value: unknown): StatesError {
  const cause =
    `${stateErrorPrefix(scope.stateName, scope.enteredEventId)}The value specified for the field ` +
    `'${field}' has an unexpected type. Expected '${EXPECTED_LABEL[kind]}', but was '${jsonTypeName(value)}' ` +
    `for value: ${JSON.stringify(value)}`;
  return new QueryEvaluationFailure(cause, field);
}

/**
 * Evaluates `template` and checks the result is of `kind`; a mismatch raises States.QueryEvaluationError
 * quoting the expression when the field is a single `{% %}` string.
 */
export async function evaluateTyped<K extends JsonataValueKind>(
  template: JsonataTemplate,
  scope: EvalScope,
  field: string,
  kind: K,
): Promise<JsonataKindTypes[K]> {
  const value = await template.evaluate(scope);
  if (MATCHES[kind](value)) return value as JsonataKindTypes[K];
  const expression = template instanceof CompiledJsonataTemplate ? template.wholeExpression : undefined;
  if (expression) throw unexpectedResultType(scope, { text: expression.text, field }, EXPECTED_LABEL[kind], value);
  throw literalMismatch(scope, field, kind, value);
}
