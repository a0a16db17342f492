// The cause AWS records when a payload-template path (or a path inside an intrinsic) misses (docs/aws-behaviour.md#jsonpath-runtime-errors):
//   The JSONPath '$.no_such_jsonpath' specified for the field 'value.$' could not be found in the input '<json>'
// For `$$…` and `$var…` paths we still quote the state's input [UNCONFIRMED which document AWS prints there].
import { StatesError, StatesErrorName, stateErrorPrefix } from '../../errors/states-error';
import type { EvalScope } from '../types';

export function pathNotFound(scope: EvalScope, path: string, field: string, doc: unknown): StatesError {
  return new StatesError(
    StatesErrorName.Runtime,
    `${stateErrorPrefix(scope.stateName, scope.enteredEventId)}The JSONPath '${path}' specified for the field ` +
      `'${field}' could not be found in the input '${JSON.stringify(doc) ?? ''}'`,
  );
}
