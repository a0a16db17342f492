// What a running program (the whole machine, a Parallel branch or a Map iteration) shares: the execution,
// its own event chain, its variable scope and its abort signal.
import type { Program } from '../definition/types';
import type { EventChain, EventLog } from '../history/event-log';
import type { ExecutionContext } from './context-object';
import type { RedriveProgress } from './redrive-progress';
import type { EngineDeps, ExecutionIdentity } from './types';
import type { VariableScope } from './variables';

export interface ExecutionRuntime {
  readonly deps: EngineDeps;
  readonly identity: ExecutionIdentity;
  readonly context: ExecutionContext;
  readonly log: EventLog;
  /** Runs a nested program (branch, iteration) in `scope`; injected so states need not import the loop. */
  runProgram(program: Program, input: unknown, scope: Scope): Promise<unknown>;
}

export interface Scope {
  readonly exec: ExecutionRuntime;
  readonly chain: EventChain;
  readonly variables: VariableScope;
  readonly signal: AbortSignal;
  /** Top level of a checkpointed execution only (nested scopes never copy it): Parallel / Inline Map redrive. */
  readonly redrive?: RedriveProgress;
}

/** A branch or iteration: its own chain starting after `startEventId`, child variables, its own signal. */
export function nestedScope(parent: Scope, startEventId: number, signal: AbortSignal): Scope {
  return {
    exec: parent.exec,
    chain: parent.chain.fork(startEventId),
    variables: parent.variables.child(),
    signal,
  };
}
