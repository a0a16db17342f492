// Every intrinsic Step Functions offers to JSONPath states, by name.
import { arrayFunctions } from './array';
import { encodingFunctions } from './encoding';
import { genericFunctions } from './generic';
import { hashFunctions } from './hash';
import type { IntrinsicFunction } from './intrinsic-function';
import { jsonFunctions } from './json';
import { mathFunctions } from './math';
import { stringFunctions } from './string';
import { uniqueIdFunctions } from './unique-id';

export const intrinsicFunctions: Readonly<Record<string, IntrinsicFunction>> = {
  ...genericFunctions,
  ...arrayFunctions,
  ...encodingFunctions,
  ...hashFunctions,
  ...jsonFunctions,
  ...mathFunctions,
  ...stringFunctions,
  ...uniqueIdFunctions,
};
