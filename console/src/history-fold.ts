// Folds an execution's history, page by page, into what the graph shows per state: a status, the latest
// input/output/variables, the latest error and cause, and how often it retried. Only this summary and an
// id → state map are kept, so a 10,000-event history is never held in memory or in the DOM.
import type { HistoryEvent } from './api';
import { asText } from './text';

export type StateStatus = 'succeeded' | 'failed' | 'caught' | 'running' | 'not-run';

export interface StateInfo {
  readonly name: string;
  entered: number;
  exited: number;
  input?: string;
  output?: string;
  variables?: Readonly<Record<string, string>>;
  error?: string;
  cause?: string;
  retries: number;
  /** A failure was caught by a Catch (the state still exited). */
  caught: boolean;
  /** The latest outcome event of the current entry. */
  lastOutcome?: 'ok' | 'fail';
}

const SCHEDULED = /(Scheduled|Started)$/;
const FAILED = /(Failed|TimedOut|Aborted)$/;
const SUCCEEDED = /Succeeded$/;

export class HistoryFold {
  readonly states = new Map<string, StateInfo>();
  /** Id of the newest event folded in. */
  lastId = 0;
  private readonly stateOfEvent = new Map<number, string>();
  /** Parallel and Map states entered and not yet left, innermost last: their own events name no state. */
  private readonly open: Array<{ readonly name: string; readonly kind: string }> = [];

  /** Events in ascending id order; events already folded are skipped. */
  add(events: readonly HistoryEvent[]): void {
    for (const event of events) {
      if (event.id <= this.lastId) continue;
      this.lastId = event.id;
      this.fold(event);
    }
  }

  /** The state an event belongs to (its own, or the one of the event it follows). */
  stateOf(eventId: number): string | undefined {
    return this.stateOfEvent.get(eventId);
  }

  status(name: string, executionRunning: boolean): StateStatus {
    const info = this.states.get(name);
    if (!info || info.entered === 0) return 'not-run';
    if (info.entered > info.exited) return executionRunning ? 'running' : 'failed';
    return info.caught ? 'caught' : 'succeeded';
  }

  private fold(event: HistoryEvent): void {
    if (event.type === 'ExecutionRedriven') return this.redriven();
    if (event.type.startsWith('Execution')) return;
    if (event.type.endsWith('StateEntered')) return this.entered(event);
    if (event.type.endsWith('StateExited')) return this.exited(event);
    const name = this.ownerOf(event);
    if (name === undefined) return;
    this.stateOfEvent.set(event.id, name);
    const info = this.info(name);
    if (FAILED.test(event.type)) {
      const { error, cause } = failureOf(event);
      info.error = error;
      info.cause = cause;
      info.lastOutcome = 'fail';
    } else if (SUCCEEDED.test(event.type)) {
      info.lastOutcome = 'ok';
    } else if (SCHEDULED.test(event.type) && info.lastOutcome === 'fail' && !event.type.startsWith('Map')) {
      info.retries++;
      info.lastOutcome = undefined;
    }
  }

  /** A redrive closes the entries that failed; the states it re-runs enter (or exit) again from here. */
  private redriven(): void {
    this.open.length = 0;
    for (const info of this.states.values()) {
      info.entered = Math.min(info.entered, info.exited);
      info.lastOutcome = undefined;
    }
  }

  /** ParallelStateFailed, MapRunStarted, MapIterationFailed… belong to the innermost open Parallel / Map; others follow their previous event. */
  private ownerOf(event: HistoryEvent): string | undefined {
    const kind = /^(Parallel|Map)(State|Run|Iteration)/.exec(event.type)?.[1];
    if (kind !== undefined) {
      for (let i = this.open.length - 1; i >= 0; i--) if (this.open[i].kind === kind) return this.open[i].name;
    }
    return event.previousEventId === undefined ? undefined : this.stateOfEvent.get(event.previousEventId);
  }

  private close(name: string): void {
    const at = this.open.map((o) => o.name).lastIndexOf(name);
    if (at >= 0) this.open.splice(at, 1);
  }

  private entered(event: HistoryEvent): void {
    const details = event.stateEnteredEventDetails as { name: string; input?: string } | undefined;
    if (!details) return;
    this.leftByCatch(event, details.name);
    this.stateOfEvent.set(event.id, details.name);
    const info = this.info(details.name);
    info.entered++;
    info.input = details.input;
    const kind = /^(Parallel|Map)StateEntered$/.exec(event.type)?.[1];
    if (kind !== undefined) this.open.push({ name: details.name, kind });
    info.lastOutcome = undefined;
  }

  /**
   * A state entered right after another state's failure: that failure was caught, whether or not the
   * history recorded the failed state's exit.
   */
  private leftByCatch(event: HistoryEvent, name: string): void {
    const before = event.previousEventId === undefined ? undefined : this.stateOfEvent.get(event.previousEventId);
    const info = before === undefined || before === name ? undefined : this.states.get(before);
    if (!info || info.lastOutcome !== 'fail' || info.entered <= info.exited) return;
    info.exited++;
    info.caught = true;
    info.lastOutcome = undefined;
    this.close(info.name);
  }

  private exited(event: HistoryEvent): void {
    const details = event.stateExitedEventDetails as { name: string; output?: string; assignedVariables?: Record<string, string> } | undefined;
    if (!details) return;
    this.stateOfEvent.set(event.id, details.name);
    const info = this.info(details.name);
    info.exited++;
    this.close(details.name);
    info.output = details.output;
    if (details.assignedVariables) info.variables = details.assignedVariables;
    if (info.lastOutcome === 'fail') info.caught = true;
  }

  private info(name: string): StateInfo {
    let info = this.states.get(name);
    if (!info) this.states.set(name, (info = { name, entered: 0, exited: 0, retries: 0, caught: false }));
    return info;
  }
}

/** The error and cause of any `<x>EventDetails` that carries them. */
export function failureOf(event: HistoryEvent): { error?: string; cause?: string } {
  for (const [key, value] of Object.entries(event)) {
    if (!key.endsWith('EventDetails') || typeof value !== 'object' || value === null) continue;
    const { error, cause } = value as { error?: unknown; cause?: unknown };
    if (error !== undefined || cause !== undefined)
      return { error: error === undefined ? undefined : asText(error), cause: cause === undefined ? undefined : asText(cause) };
  }
  return {};
}
