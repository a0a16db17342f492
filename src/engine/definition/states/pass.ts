// Pass (docs/aws-behaviour.md#pass-state): passes its input through, or a literal `Result` (JSONPath) / `Output` (JSONata).
import type { PassState } from '../types';
import type { StateParser } from './state-parser';

export const parsePass: StateParser<'Pass'> = (raw, base): PassState => ({
  ...base,
  Type: 'Pass',
  Result: raw.Result === undefined ? undefined : { value: raw.Result },
});
