// What one child execution contributes to the Map's results (docs/aws-behaviour.md#resultwriter): the execution-metadata record of the
// NONE transformation, or its output alone (COMPACT), or its output's elements (FLATTEN).
import { StatesError, StatesErrorName, type ResultWriterRequest } from '../../engine';
import type { ChildRun } from '../map-run-host';

/** A child's end status, or PENDING for items the Map Run never started (threshold exceeded). */
export type ChildStatus = ChildRun['status'] | 'PENDING';
export type OutputType = ResultWriterRequest['outputType'];
export type Transformation = ResultWriterRequest['transformation'];
export type ResultFileStatus = 'SUCCEEDED' | 'FAILED' | 'PENDING';

export interface ChildResult {
  /** Item index (first item of the batch when batching); results are ordered by it. */
  readonly index: number;
  /** Execution identity; absent for PENDING children, which never started. */
  readonly executionArn?: string;
  readonly name?: string;
  readonly stateMachineArn?: string;
  /** The child's input, a JSON string. */
  readonly input: string;
  /** The child's output, a JSON string (SUCCEEDED only). */
  readonly output?: string;
  readonly error?: string;
  readonly cause?: string;
  readonly status: ChildStatus;
  readonly startDate?: Date;
  readonly stopDate?: Date;
  readonly redriveCount?: number;
  /** Overrides the default redrive status written for this child (see executionRecord). */
  readonly redriveStatus?: string;
  readonly redriveStatusReason?: string;
}

export function resultFileStatus(status: ChildStatus): ResultFileStatus {
  if (status === 'SUCCEEDED' || status === 'PENDING') return status;
  return 'FAILED'; // FAILED, TIMED_OUT and ABORTED children all go to FAILED_n.json
}

/**
 * The NONE form: the DescribeExecution-like record of the docs' example (keys in its alphabetical order).
 * [UNCONFIRMED] redrive fields: succeeded children say NOT_REDRIVABLE / "Execution is SUCCEEDED and cannot be
 * redriven" (docs example); unsuccessful ones say REDRIVABLE_BY_MAP_RUN (the API's status for a Map Run child),
 * with no reason. PENDING children never started, so they carry only their input and status.
 */
export function executionRecord(child: ChildResult): Record<string, unknown> {
  if (child.status === 'PENDING') return { Input: child.input, InputDetails: { Included: true }, Status: 'PENDING' };
  const succeeded = child.status === 'SUCCEEDED';
  return dropUndefined({
    Cause: succeeded ? undefined : child.cause,
    Error: succeeded ? undefined : child.error,
    ExecutionArn: child.executionArn,
    Input: child.input,
    InputDetails: { Included: true },
    Name: child.name,
    Output: succeeded ? (child.output ?? 'null') : undefined,
    OutputDetails: succeeded ? { Included: true } : undefined,
    RedriveCount: child.redriveCount ?? 0,
    RedriveStatus: child.redriveStatus ?? (succeeded ? 'NOT_REDRIVABLE' : 'REDRIVABLE_BY_MAP_RUN'),
    RedriveStatusReason: child.redriveStatusReason ?? (succeeded ? 'Execution is SUCCEEDED and cannot be redriven' : undefined),
    StartDate: child.startDate?.toISOString(),
    StateMachineArn: child.stateMachineArn,
    Status: child.status,
    StopDate: child.stopDate?.toISOString(),
  });
}

/**
 * The entries a child contributes under a transformation. Unsuccessful and pending children are always in the
 * NONE form ("Failed children are always written in NONE form"); FLATTEN spreads an array output one level.
 */
export function resultEntries(child: ChildResult, transformation: Transformation): unknown[] {
  if (child.status !== 'SUCCEEDED' || transformation === 'NONE') return [executionRecord(child)];
  const output = parseOutput(child);
  return transformation === 'FLATTEN' && Array.isArray(output) ? output : [output];
}

export function parseOutput(child: ChildResult): unknown {
  if (child.output === undefined) return null;
  try {
    return JSON.parse(child.output);
  } catch {
    throw new StatesError(
      StatesErrorName.Runtime,
      `The output of child execution ${child.name ?? child.executionArn ?? `#${child.index}`} (item ${child.index}) is not valid JSON.`,
    );
  }
}

function dropUndefined(record: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(record).filter(([, v]) => v !== undefined));
}
