// The port between the Distributed Map runtime (src/map-run) and the Step Functions service, which owns Map Run
// resources (DescribeMapRun, ListMapRuns, UpdateMapRun) and child executions (their ARNs, listing, history).
// The runtime holds a MapRunHandle while the Map Run runs; the service's stored row behind it is its own type.
import type { ExecutionIdentity, StateMachineType, Tolerance } from '../engine';

export interface MapRunInit {
  readonly parent: ExecutionIdentity;
  /** The Map state's name: a redriven parent (parent.redriveCount > 0) finds its unsuccessful Map Run by it. */
  readonly stateName: string;
  /** True when the Map returns the child outputs itself (no S3 ResultWriter): a redrive needs the earlier ones. */
  readonly keepsOutputs: boolean;
  /** The Map state's Label; the Map Run ARN uses a generated UUID in its place when absent (docs/aws-behaviour.md#distributed-map). */
  readonly label?: string;
  readonly executionType: StateMachineType;
  readonly maxConcurrency: number;
  /** As the definition set them: an absent field is not a zero (DescribeMapRun reports 0 / 0.0 for it). */
  readonly tolerance: Tolerance;
}

export interface ChildRun {
  readonly executionArn: string;
  readonly name: string;
  readonly stateMachineArn: string;
  readonly status: 'SUCCEEDED' | 'FAILED' | 'TIMED_OUT' | 'ABORTED';
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
  /** Index of its first item: a redrive skips the items whose child succeeded. */
  readonly firstItemIndex: number;
  readonly signal: AbortSignal;
}

/** A child of an earlier attempt that succeeded (redrive): its items are not run again. */
export interface SucceededChild extends ChildRun {
  readonly firstItemIndex: number;
  /** JSON text; kept only when the Map Run keeps outputs. */
  readonly input?: string;
}

/** Set when the Map Run is redriven rather than started (docs/aws-behaviour.md#redrive). */
export interface MapRunRedrive {
  readonly redriveCount: number;
  /** Earlier children that succeeded, by first item index (outputs only when the Map Run keeps outputs). */
  readonly succeeded: ReadonlyMap<number, SucceededChild>;
}

/** The live handle of one running Map Run, as the service hands it to the runtime. */
export interface MapRunHandle {
  readonly mapRunArn: string;
  readonly redrive?: MapRunRedrive;
  /** Current values: UpdateMapRun may change them while the Map Run runs. */
  maxConcurrency(): number;
  tolerance(): Tolerance;
  setTotalItems(total: number): void;
  /** Starts one child execution and resolves when it ends; the Map Run keeps its item/execution counts. */
  startChild(request: StartChildRequest): Promise<ChildRun>;
  /** Items that will never start (threshold exceeded): counted as pending/aborted as AWS reports them. */
  itemsNotStarted(count: number): void;
  /** Where an S3 ResultWriter writes manifest.json (Bucket and Key), once it is set up; the service keeps it for the console. */
  resultsAt?(manifest: { readonly Bucket: string; readonly Key: string }): void;
  /** `resultsWritten`: items whose results the ResultWriter wrote (0 without one). */
  finish(status: 'SUCCEEDED' | 'FAILED' | 'ABORTED', resultsWritten: number): void;
}

export interface MapRunHost {
  createMapRun(init: MapRunInit): MapRunHandle;
}
