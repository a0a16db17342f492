// Append-only execution history (docs/aws-behaviour.md#history-events, #previouseventid). The log only numbers events and hands them to the
// recorder; it keeps no copies, so a million-row Map Run costs one counter per child execution.
// `previousEventId` is NOT id-1: it points at the causally preceding event in the same scope, which an
// EventChain tracks (one chain per execution, Parallel branch and Map iteration).
import type { HistoryEvent, HistoryEventType } from '@aws-sdk/client-sfn';
import type { Clock } from '../runtime/clock';
import type { HistoryRecorder } from '../runtime/types';

/** The `<x>EventDetails` member(s) of a HistoryEvent. */
export type EventDetails = Omit<HistoryEvent, 'timestamp' | 'type' | 'id' | 'previousEventId'>;

/** Details, or a function building them: only called when the recorder keeps details (not `discards`), and by the recorder itself when it `defers`. */
export type DetailsSource = EventDetails | (() => EventDetails);

export class EventLog {
  private lastId: number;
  private closed = false;
  private readonly discards: boolean;
  private readonly defers: boolean;

  constructor(
    private readonly recorder: HistoryRecorder,
    private readonly clock: Clock,
    /** Id of the last event already in the history: a redriven execution keeps counting (docs/aws-behaviour.md#redrive). */
    startId = 0,
  ) {
    this.lastId = startId;
    this.discards = recorder.discards === true;
    this.defers = recorder.defers === true;
  }

  /** Number of events appended so far. */
  get size(): number {
    return this.lastId;
  }

  /** Appends an event; after close() (the execution's terminal event) nothing more is recorded and 0 is returned. */
  append(type: HistoryEventType, previousEventId: number, details?: DetailsSource): number {
    if (this.closed) return 0;
    const id = ++this.lastId;
    const event: HistoryEvent = { timestamp: this.clock.now(), type, id, previousEventId };
    if (details === undefined || this.discards) this.recorder.record(event);
    else if (typeof details !== 'function') this.recorder.record(Object.assign(event, details));
    else if (this.defers) this.recorder.record(event, details);
    else this.recorder.record(Object.assign(event, details()));
    return id;
  }

  /** Records the terminal event (ExecutionSucceeded/Failed/Aborted/TimedOut) and closes the log. */
  close(type: HistoryEventType, previousEventId: number, details?: DetailsSource): void {
    this.append(type, previousEventId, details);
    this.closed = true;
  }
}

/** One causal sequence of events: each emit points at the previous one. */
export class EventChain {
  constructor(
    readonly log: EventLog,
    /** Id of the latest event of this chain (0 before the first). */
    public last: number,
  ) {}

  emit(type: HistoryEventType, details?: DetailsSource, previousEventId = this.last): number {
    this.last = this.log.append(type, previousEventId, details);
    return this.last;
  }

  /**
   * Emits an event that later events of the chain do not point at. AWS records MapStateSucceeded and
   * ParallelStateSucceeded this way: the following *StateExited points past them [REC test_map_state].
   */
  emitAside(type: HistoryEventType, details?: DetailsSource, previousEventId = this.last): number {
    return this.log.append(type, previousEventId, details);
  }

  /** A new chain (branch or iteration) starting after `from`. */
  fork(from: number): EventChain {
    return new EventChain(this.log, from);
  }
}
