// Intrinsic for unique ID generation [DOC intrinsic-functions "States.UUID"]: a version 4 UUID.
import { fixed, type IntrinsicFunction } from './intrinsic-function';

export const uniqueIdFunctions: Record<string, IntrinsicFunction> = {
  'States.UUID': { ...fixed(0), call: (_args, env) => env.uuid() },
};
