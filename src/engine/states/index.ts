// The state handlers, one per state type, checked exhaustive with `satisfies`: a new state type fails to compile until it has one.
import type { StateType } from '../definition/types';
import { choiceHandler } from './choice';
import { failHandler } from './fail';
import { mapHandler } from './map';
import { parallelHandler } from './parallel';
import { passHandler } from './pass';
import { succeedHandler } from './succeed';
import { taskHandler } from './task';
import type { StateHandler } from './types';
import { waitHandler } from './wait';

export const stateHandlers = {
  Task: taskHandler,
  Wait: waitHandler,
  Pass: passHandler,
  Succeed: succeedHandler,
  Fail: failHandler,
  Choice: choiceHandler,
  Parallel: parallelHandler,
  Map: mapHandler,
} satisfies { [T in StateType]: StateHandler<T> };
