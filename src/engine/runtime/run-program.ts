// Runs a `{StartAt, States}` program to its end: the machine itself, a Parallel branch or a Map iteration.
import type { Program } from '../definition/types';
import { throwIfAborted } from './abort';
import { runState } from './run-state';
import type { Scope } from './scope';

export async function runProgram(program: Program, input: unknown, scope: Scope): Promise<unknown> {
  let state = program.States[program.StartAt];
  let value = input;
  for (;;) {
    throwIfAborted(scope.signal);
    const step = await runState(state, value, scope);
    value = step.output;
    if (step.next === undefined) return value;
    state = program.States[step.next];
  }
}
