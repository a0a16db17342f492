// Adapters turning compiled JSONPath pieces into PathSelectors with the miss message each field records.
import { StatesError, StatesErrorName, stateErrorPrefix } from '../errors/states-error';
import type { CompiledIntrinsic, CompiledReferencePath } from '../query/jsonpath';
import type { EvalScope } from '../query/types';
import type { PathSelector } from './types';

/** A `*Path` that may also be an intrinsic call (Fail ErrorPath/CausePath: `States.Format(...)`). */
export function intrinsicSelector(intrinsic: CompiledIntrinsic): PathSelector {
  return { variableReferences: intrinsic.variableReferences, select: (doc, scope) => intrinsic.evaluate(doc, scope) };
}

/**
 * Recorded for ErrorPath/CausePath (docs/aws-behaviour.md#jsonpath-runtime-errors): "The JSONPath '$.ErrorX' specified for the field 'ErrorPath'
 * could not be found in the input '<json>'".
 */
export function notFoundInInput(ref: CompiledReferencePath, field: string): PathSelector {
  return {
    variableReferences: ref.variableReferences,
    select(doc: unknown, scope: EvalScope): unknown {
      const result = ref.resolve(doc, scope);
      if (result.found) return result.value;
      throw new StatesError(
        StatesErrorName.Runtime,
        `${stateErrorPrefix(scope.stateName, scope.enteredEventId)}The JSONPath '${ref.path}' specified for the field ` +
          `'${field}' could not be found in the input '${JSON.stringify(doc) ?? ''}'`,
      );
    },
  };
}

/** A path whose miss is reported by `onMissing` (Wait SecondsPath/TimestampPath have their own wording). */
export function withMissing(ref: CompiledReferencePath, onMissing: (scope: EvalScope) => StatesError): PathSelector {
  return {
    variableReferences: ref.variableReferences,
    select(doc: unknown, scope: EvalScope): unknown {
      const result = ref.resolve(doc, scope);
      if (result.found) return result.value;
      throw onMissing(scope);
    },
  };
}
