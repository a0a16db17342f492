// The sandbox keeps the histories of the latest EXPRESS executions, which AWS does not (an Express
// execution is visible only through CloudWatch Logs: https://docs.aws.amazon.com/step-functions/latest/dg/choosing-workflow-type.html).
// Bounded: the oldest kept execution is dropped when a new one starts past the capacity. In memory only;
// the console reads them through the private API in api/sandbox-operations/ (docs/console.md).
import type { HistoryEvent } from '@aws-sdk/client-sfn';
import type { ExecutionStatus, HistoryRecorder } from '../../../engine';

export interface ExpressStart {
  readonly arn: string;
  readonly name: string;
  readonly stateMachineArn: string;
  readonly startDate: Date;
  /** The JSON text of the input. */
  readonly input: string;
  readonly mapRunArn?: string;
}

export interface ExpressEnd {
  readonly status: Exclude<ExecutionStatus, 'RUNNING'>;
  readonly stopDate: Date;
  readonly output?: string;
  readonly error?: string;
  readonly cause?: string;
}

export interface KeptExpressExecution extends ExpressStart, Partial<Omit<ExpressEnd, 'status'>> {
  readonly status: ExecutionStatus;
  readonly events: readonly HistoryEvent[];
}

interface Kept extends ExpressStart {
  end?: ExpressEnd;
  /** Recorded without their timestamp until read: see `times`. */
  readonly events: HistoryEvent[];
  /**
   * Each event's timestamp in epoch milliseconds. A Date object per event, held for as long as the history is
   * kept, was ≈ 12 % of a kept history's heap (docs/performance.md, "Round 8"); a number in this array is 8 bytes.
   */
  readonly times: number[];
  /** Events whose details the engine handed over unbuilt (HistoryRecorder.defers), built on the first read. */
  readonly unbuilt: Map<HistoryEvent, () => object>;
}

export class ExpressHistories {
  /** Insertion order is start order: the first entry is the oldest. */
  private readonly kept = new Map<string, Kept>();

  /** capacity 0 keeps nothing (SANDBOX_EXPRESS_HISTORIES=0). */
  constructor(readonly capacity: number) {}

  /**
   * Starts keeping an execution; returns where its events go, or undefined when nothing is kept. Most kept
   * histories are dropped unread (a Map Run starts thousands of children), so the recorder defers details.
   */
  begin(start: ExpressStart): HistoryRecorder | undefined {
    if (this.capacity === 0) return undefined;
    const kept: Kept = { ...start, events: [], times: [], unbuilt: new Map() };
    this.kept.set(start.arn, kept);
    for (const oldest of this.kept.keys()) {
      if (this.kept.size <= this.capacity) break;
      this.kept.delete(oldest);
    }
    return {
      defers: true,
      record: (event, details) => {
        kept.times.push(event.timestamp?.getTime() ?? Date.now());
        event.timestamp = undefined;
        kept.events.push(event);
        if (details) kept.unbuilt.set(event, details);
      },
    };
  }

  end(arn: string, end: ExpressEnd): void {
    const kept = this.kept.get(arn);
    if (kept) kept.end = end;
  }

  get(arn: string): KeptExpressExecution | undefined {
    const kept = this.kept.get(arn);
    return kept && view(kept);
  }

  /** The kept executions of a state machine (or of a Map Run, by its ARN), oldest first. */
  list(ownerArn: string): KeptExpressExecution[] {
    const found: KeptExpressExecution[] = [];
    for (const kept of this.kept.values()) if (kept.stateMachineArn === ownerArn || kept.mapRunArn === ownerArn) found.push(view(kept));
    return found;
  }
}

function view(kept: Kept): KeptExpressExecution {
  for (const [event, details] of kept.unbuilt) Object.assign(event, details());
  kept.unbuilt.clear();
  kept.events.forEach((event, i) => (event.timestamp ??= new Date(kept.times[i])));
  const { end, unbuilt, times, ...start } = kept;
  return { ...start, ...end, status: end?.status ?? 'RUNNING' };
}
