// Redriving a Map Run (docs/aws-behaviour.md#redrive): RedriveExecution on the parent re-enters the Map state, which finds its
// unsuccessful Map Run again (same ARN) instead of starting a new one. Only the items whose children did not
// succeed run again; the children that did are read back from the Map Run's execution records.
// [UNCONFIRMED] counts after a redrive: itemCounts/executionCounts keep the succeeded items and children of
// earlier attempts, and drop their failed/timedOut/aborted ones, which run again (as new child executions, for
// STANDARD children too) and are counted anew; old unsuccessful children stay listed under the Map Run.
import type { MapRunRedrive, SucceededChild } from '../../../map-run';
import type { ExecutionRecord, MapRunCounts, MapRunRecord, StepFunctionsStore } from '../store/store';

export interface RedrivenMapRun {
  readonly redrive: MapRunRedrive;
  /** Items already done: the Map Run's progress starts from them. */
  readonly succeededItems: number;
  /** Children whose results earlier attempts already wrote. */
  readonly resultsWritten: number;
}

/** The latest unsuccessful Map Run of this Map state in a redriven parent, if any. */
export function findRedrivable(store: StepFunctionsStore, parentArn: string, stateName: string): MapRunRecord | undefined {
  const runs = store.listMapRuns(parentArn).filter((run) => run.stateName === stateName);
  const last = runs.at(-1);
  return last && last.status !== 'SUCCEEDED' && last.status !== 'RUNNING' ? last : undefined;
}

export function redriveMapRun(store: StepFunctionsStore, run: MapRunRecord, now: Date): RedrivenMapRun {
  const succeeded = new Map<number, SucceededChild>();
  let items = 0;
  for (const child of store.listExecutions(run.arn)) {
    if (child.status !== 'SUCCEEDED' || child.itemIndex === undefined || succeeded.has(child.itemIndex)) continue;
    succeeded.set(child.itemIndex, succeededChild(child, child.itemIndex));
    items += child.itemCount ?? 1;
  }
  const redriveCount = (run.redriveCount ?? 0) + 1;
  store.updateMapRun(run.arn, {
    status: 'RUNNING',
    stopDate: undefined,
    redriveCount,
    redriveDate: now,
    itemCounts: { ...zero(), succeeded: items, total: items, resultsWritten: run.itemCounts.resultsWritten },
    executionCounts: { ...zero(), succeeded: succeeded.size, total: succeeded.size, resultsWritten: run.executionCounts.resultsWritten },
  });
  return { redrive: { redriveCount, succeeded }, succeededItems: items, resultsWritten: run.itemCounts.resultsWritten };
}

function succeededChild(child: ExecutionRecord, firstItemIndex: number): SucceededChild {
  return {
    executionArn: child.arn,
    name: child.name,
    stateMachineArn: child.stateMachineArn,
    status: 'SUCCEEDED',
    output: child.output === undefined ? undefined : (JSON.parse(child.output) as unknown),
    startDate: child.startDate,
    stopDate: child.stopDate ?? child.startDate,
    firstItemIndex,
    ...(child.input !== undefined ? { input: child.input } : {}),
  };
}

export function zero(): MapRunCounts {
  return { pending: 0, running: 0, succeeded: 0, failed: 0, timedOut: 0, aborted: 0, total: 0, resultsWritten: 0, failuresNotRedrivable: 0, pendingRedrive: 0 };
}
