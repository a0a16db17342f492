// The port between the Distributed Map runtime (engine) and the Step Functions service, which owns Map Run
// resources (DescribeMapRun, ListMapRuns, UpdateMapRun) and child executions (their ARNs, listing, history).
import type { ExecutionIdentity, StateMachineType } from '../runtime/types';

export interface MapRunInit {
  readonly parent: ExecutionIdentity;
  /** The Map state's Label; the Map Run ARN uses a generated UUID in its place when absent (spec §4.5). */
  readonly label?: string;
  readonly executionType: StateMachineType;
  readonly maxConcurrency: number;
  /** As the definition set them: an absent field is not a zero (DescribeMapRun reports 0 / 0.0 for it). */
  readonly tolerance: { readonly count?: number; readonly percentage?: number };
}

export type ChildStatus = 'SUCCEEDED' | 'FAILED' | 'TIMED_OUT' | 'ABORTED';

export interface ChildRun {
  readonly executionArn: string;
  readonly name: string;
  readonly stateMachineArn: string;
  readonly status: ChildStatus;
  readonly output?: unknown;
  readonly error?: string;
  readonly cause?: string;
  readonly startDate: Date;
  readonly stopDate: Date;
}

export interface StartChildRequest {
  /** The compiled ItemProcessor, as the engine hands it over (opaque to the runtime). */
  readonly definition: unknown;
  readonly input: unknown;
  /** Items this child carries (a batch), for the Map Run's itemCounts. */
  readonly itemCount: number;
  readonly signal: AbortSignal;
}

export interface MapRunRecord {
  readonly mapRunArn: string;
  /** Current values: UpdateMapRun may change them while the Map Run runs. */
  maxConcurrency(): number;
  tolerance(): { readonly count?: number; readonly percentage?: number };
  setTotalItems(total: number): void;
  /** Starts one child execution and resolves when it ends; the record keeps its item/execution counts. */
  startChild(request: StartChildRequest): Promise<ChildRun>;
  /** Items that will never start (threshold exceeded): counted as pending/aborted as AWS reports them. */
  itemsNotStarted(count: number): void;
  finish(status: 'SUCCEEDED' | 'FAILED' | 'ABORTED', resultsWritten: number): void;
}

export interface MapRunHost {
  createMapRun(init: MapRunInit): MapRunRecord;
}
