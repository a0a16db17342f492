// Succeed (docs/aws-behaviour.md#succeed-state): ends its scope successfully; only the data-flow fields apply.
import type { SucceedState } from '../types';
import type { StateParser } from './state-parser';

export const parseSucceed: StateParser<'Succeed'> = (_raw, base): SucceedState => ({ ...base, Type: 'Succeed' });
