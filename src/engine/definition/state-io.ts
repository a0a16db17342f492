// The query-language data-flow fields common to the state types (docs/aws-behaviour.md#query-languages-and-data-flow): JSONPath InputPath →
// Parameters → ResultSelector → ResultPath → OutputPath, or JSONata Arguments → Output; Assign in both.
// Which of them a given state type may carry is enforced by allowed-fields.ts before this runs.
import { isJsonObject } from '../query/common/json-object';
import type { FieldReader } from './field-reader';
import { at, type Json } from './parse-context';
import type { StateIO } from './types';

// Variable names follow JSONata identifier rules; AWS documents the 80-character cap and the reserved
// `states`, not the exact character set [UNCONFIRMED].
const VARIABLE_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

function checkAssignNames(reader: FieldReader, raw: Json): void {
  const assign = raw.Assign;
  if (assign === undefined) return;
  const location = at(reader.location, 'Assign');
  if (!isJsonObject(assign)) {
    reader.ctx.error('Expected value of type Object', location);
    return;
  }
  for (const key of Object.keys(assign)) {
    const name = reader.language === 'JSONPath' && key.endsWith('.$') ? key.slice(0, -2) : key;
    if (name === 'states') reader.ctx.error(`The variable name '${name}' is reserved`, at(location, key));
    else if (!VARIABLE_NAME.test(name) || name.length > 80) {
      reader.ctx.error(`The variable name '${name}' is not valid`, at(location, key));
    }
  }
}

export function parseStateIO(reader: FieldReader, raw: Json): StateIO {
  checkAssignNames(reader, raw);
  if (reader.language === 'JSONata') {
    return {
      QueryLanguage: 'JSONata',
      Arguments: reader.jsonata(raw, 'Arguments'),
      Output: reader.jsonata(raw, 'Output'),
      Assign: reader.jsonata(raw, 'Assign'),
    };
  }
  return {
    QueryLanguage: 'JSONPath',
    InputPath: reader.path(raw, 'InputPath', true),
    // Map's legacy `Parameters` is its ItemSelector, not a payload for the state.
    Parameters: raw.Type === 'Map' ? undefined : reader.payloadTemplate(raw, 'Parameters'),
    ResultSelector: reader.payloadTemplate(raw, 'ResultSelector'),
    ResultPath: reader.resultPath(raw),
    OutputPath: reader.path(raw, 'OutputPath', true),
    Assign: reader.payloadTemplate(raw, 'Assign'),
  };
}
