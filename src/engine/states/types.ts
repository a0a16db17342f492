// The contract between the run loop and the per-type handlers (a template-method run loop): a handler does the
// state's own work on already-selected input and returns what it produced; the loop owns lifecycle events,
// the data flow, Retry/Catch and variables. Progress events specific to a type (TaskScheduled,
// MapIterationStarted, ParallelStateStarted, …) go through `run.scope.chain`.
import type { HistoryEventType } from '@aws-sdk/client-sfn';
import { STATE_TYPES, type StateNodeOf, type StateType } from '../definition/types';
import type { Overrides, StateResult } from '../runtime/data-flow';
import type { StateRun } from '../runtime/state-run';

export interface StateOutcome extends StateResult {
  /** Overrides the node's `Next` (Choice). */
  readonly next?: string;
  /** A matched Choice rule's Assign/Output, replacing the state's own. */
  readonly overrides?: Overrides;
}

export interface StateHandler<T extends StateType> {
  execute(node: StateNodeOf<T>, run: StateRun): Promise<StateOutcome>;
}

/**
 * `<Type>StateEntered` and `<Type>StateExited`, made once per state type: a template literal made a new string per
 * state run, and a kept EXPRESS history holds one per event.
 */
export const ENTERED_EVENT = eventTypes('StateEntered');
export const EXITED_EVENT = eventTypes('StateExited');

function eventTypes(suffix: string): Readonly<Record<StateType, HistoryEventType>> {
  return Object.fromEntries(STATE_TYPES.map((type) => [type, `${type}${suffix}`])) as Record<StateType, HistoryEventType>;
}

/** Events a state records when a failing sibling aborts it (recorded types; Pass/Choice/… finish instantly). */
export const ABORTED_EVENT: Partial<Record<StateType, 'TaskStateAborted' | 'WaitStateAborted' | 'MapStateAborted' | 'ParallelStateAborted'>> = {
  Task: 'TaskStateAborted',
  Wait: 'WaitStateAborted',
  Map: 'MapStateAborted',
  Parallel: 'ParallelStateAborted',
};

/** Recorded when the state finally fails (not when it is retried), before a catch or the scope's failure. */
export const FAILED_EVENT: Partial<Record<StateType, 'MapStateFailed' | 'ParallelStateFailed'>> = {
  Map: 'MapStateFailed',
  Parallel: 'ParallelStateFailed',
};
