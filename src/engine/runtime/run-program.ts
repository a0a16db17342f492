// Runs a `{StartAt, States}` program to its end: the machine itself, a Parallel branch or a Map iteration.
import type { Program } from '../definition/types';
import { StatesError, StatesErrorName } from '../errors/states-error';
import { throwIfAborted } from './abort';
import { runState } from './run-state';
import type { Scope } from './scope';

/** Used at the top level only: RedriveExecution resumes at the state that failed and needs its checkpoints. */
export interface ProgramHooks {
  /** Start at this state instead of StartAt. */
  readonly from?: string;
  /** Called before each state runs, with the input it receives. */
  readonly beforeState?: (stateName: string, input: unknown) => void;
}

export async function runProgram(program: Program, input: unknown, scope: Scope, hooks: ProgramHooks = {}): Promise<unknown> {
  let state = program.States[hooks.from ?? program.StartAt];
  if (state === undefined) throw new StatesError(StatesErrorName.Runtime, `Cannot resume at state '${hooks.from}': the definition has no such state.`);
  let value = input;
  for (;;) {
    throwIfAborted(scope.signal);
    hooks.beforeState?.(state.name, value);
    const step = await runState(state, value, scope);
    value = step.output;
    if (step.next === undefined) return value;
    state = program.States[step.next];
  }
}
