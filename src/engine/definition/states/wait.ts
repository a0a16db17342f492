// Wait (docs/aws-behaviour.md#wait-state): exactly one of Seconds / Timestamp (+ SecondsPath / TimestampPath in JSONPath).
// A literal Timestamp that is not RFC 3339 is refused at creation: "String does not match RFC3339 timestamp".
import { StatesError, StatesErrorName, stateErrorPrefix } from '../../errors/states-error';
import { validateTimestamp } from '../../query/jsonpath';
import type { SelectorFactory } from '../field-reader';
import { withMissing } from '../path-selectors';
import type { WaitState } from '../types';
import type { StateParser } from './state-parser';

const FIELDS = ['Seconds', 'SecondsPath', 'Timestamp', 'TimestampPath'];
const MAX_SECONDS = 99999999;

/** Recorded: "The SecondsPath parameter does not reference an input value: $.input.waitSeconds". */
const missing =
  (field: string): SelectorFactory =>
  (ref) =>
    withMissing(
      ref,
      (scope) =>
        new StatesError(
          StatesErrorName.Runtime,
          `${stateErrorPrefix(scope.stateName, scope.enteredEventId)}The ${field} parameter does not reference an input value: ${ref.path}`,
        ),
    );

export const parseWait: StateParser<'Wait'> = (raw, base, reader): WaitState => {
  const present = FIELDS.filter((f) => raw[f] !== undefined);
  if (present.length !== 1) {
    // AWS's wording is not recorded [UNCONFIRMED].
    const allowed = reader.language === 'JSONata' ? "'Seconds' or 'Timestamp'" : "'Seconds', 'SecondsPath', 'Timestamp' or 'TimestampPath'";
    reader.ctx.error(`A Wait state must have exactly one of ${allowed}`, base.location);
  }
  return {
    ...base,
    Type: 'Wait',
    Seconds: reader.number(raw, 'Seconds', { integer: true, min: 0, max: MAX_SECONDS }, missing('SecondsPath')),
    Timestamp: reader.string(raw, 'Timestamp', {
      wrap: missing('TimestampPath'),
      checkLiteral: (value) => (validateTimestamp(value) ? undefined : 'String does not match RFC3339 timestamp'),
    }),
  };
};
