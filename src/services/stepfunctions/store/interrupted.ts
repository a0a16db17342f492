// Executions that were RUNNING when the endpoint process died (kill -9, a crash) and are found so in the data
// dir at the next start. AWS has no such case; the closest is a failure of the execution itself, so they become
// FAILED with the error below and an ExecutionFailed event (previousEventId: the last recorded event), which makes
// them REDRIVABLE: RedriveExecution continues them at the state that was running. Their Map Runs become FAILED
// with counts rebuilt from the child records (children that were running count as failed).
import type { HistoryEvent } from '@aws-sdk/client-sfn';
import type { ExecutionRecord, MapRunCounts, MapRunRecord, ResourceKind, ResourceRecords, StateMachineRecord } from './store';
import { zero } from '../map-runs/redrive-map-run';

const INTERRUPTED_ERROR = 'Sandbox.EndpointRestarted';
const INTERRUPTED_CAUSE =
  'The sandbox endpoint stopped while this execution was running (it was not shut down cleanly). RedriveExecution continues it from the state that was running.';

export interface LoadedState {
  readonly stateMachines: Map<string, StateMachineRecord>;
  readonly executions: Map<string, ExecutionRecord>;
  readonly histories: Map<string, HistoryEvent[]>;
  readonly mapRuns: Map<string, MapRunRecord>;
  readonly resources: Map<ResourceKind, Map<string, ResourceRecords[ResourceKind]>>;
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

export function markInterrupted(state: LoadedState, now: Date): void {
  for (const execution of state.executions.values()) {
    if (execution.status !== 'RUNNING') continue;
    Object.assign(execution as Mutable<ExecutionRecord>, { status: 'FAILED', stopDate: now, error: INTERRUPTED_ERROR, cause: INTERRUPTED_CAUSE });
    const events = state.histories.get(execution.arn);
    const last = events?.at(-1);
    if (events && last) {
      events.push({
        timestamp: now,
        type: 'ExecutionFailed',
        id: (last.id ?? events.length) + 1,
        previousEventId: last.id ?? 0,
        executionFailedEventDetails: { error: INTERRUPTED_ERROR, cause: INTERRUPTED_CAUSE },
      });
    }
  }
  const children = childrenByMapRun(state.executions);
  for (const run of state.mapRuns.values()) {
    if (run.status !== 'RUNNING') continue;
    Object.assign(run as Mutable<MapRunRecord>, { status: 'FAILED', stopDate: now, ...recount(run, children.get(run.arn) ?? []) });
  }
}

function childrenByMapRun(executions: Map<string, ExecutionRecord>): Map<string, ExecutionRecord[]> {
  const index = new Map<string, ExecutionRecord[]>();
  for (const execution of executions.values()) {
    if (execution.mapRunArn === undefined) continue;
    const list = index.get(execution.mapRunArn);
    if (list) list.push(execution);
    else index.set(execution.mapRunArn, [execution]);
  }
  return index;
}

const BUCKET = { SUCCEEDED: 'succeeded', FAILED: 'failed', TIMED_OUT: 'timedOut', ABORTED: 'aborted', RUNNING: 'failed' } as const;

/** Counts as the child records say: the persisted counts may lag (they are written lazily). */
function recount(run: MapRunRecord, children: readonly ExecutionRecord[]): Pick<MapRunRecord, 'itemCounts' | 'executionCounts'> {
  const items: MapRunCounts = zero();
  const executions: MapRunCounts = zero();
  for (const child of children) {
    items[BUCKET[child.status]] += child.itemCount ?? 1;
    executions[BUCKET[child.status]] += 1;
  }
  const done = items.succeeded + items.failed + items.timedOut + items.aborted;
  items.pending = Math.max(0, run.itemCounts.total - done);
  items.total = done + items.pending;
  items.resultsWritten = run.itemCounts.resultsWritten;
  executions.total = executions.succeeded + executions.failed + executions.timedOut + executions.aborted;
  executions.resultsWritten = run.executionCounts.resultsWritten;
  return { itemCounts: items, executionCounts: executions };
}
