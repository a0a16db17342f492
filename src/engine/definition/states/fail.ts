// Fail (docs/aws-behaviour.md#fail-state): Error/Cause literals, JSONPath ErrorPath/CausePath (paths, `$$`, `$var` or intrinsic
// calls), or JSONata strings. A path that misses is recorded as "The JSONPath '<p>' specified for the field
// 'ErrorPath' could not be found in the input '<json>'".
import { notFoundInInput } from '../path-selectors';
import type { FailState } from '../types';
import type { StateParser } from './state-parser';

export const parseFail: StateParser<'Fail'> = (raw, base, reader): FailState => ({
  ...base,
  Type: 'Fail',
  Error: reader.string(raw, 'Error', { wrap: notFoundInInput, intrinsics: true }),
  Cause: reader.string(raw, 'Cause', { wrap: notFoundInInput, intrinsics: true }),
});
