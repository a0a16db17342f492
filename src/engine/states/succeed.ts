// Succeed (docs/aws-behaviour.md#succeed-state): ends its scope with its (filtered) input as output.
import type { StateHandler } from './types';

export const succeedHandler: StateHandler<'Succeed'> = {
  async execute() {
    return { hasResult: false };
  },
};
