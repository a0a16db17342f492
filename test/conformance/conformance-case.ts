// The data-driven ASL case format (jsonata-js test-suite style). One JSON file per case
// under asl/<group>/; run-conformance.test.ts runs them all. Expected values come from AWS's recorded
// behaviour (the `spec` field cites the docs/aws-behaviour.md section).
import type { StateMachineType } from '../../src/engine/runtime/types';

/** One scripted task call: a result, a thrown error, or never settling (until aborted). */
export type ScriptedCall = { readonly result: unknown } | { readonly error: string; readonly cause?: string } | { readonly hang: true };

interface ExecutionExpectation {
  readonly status: 'SUCCEEDED' | 'FAILED' | 'TIMED_OUT' | 'ABORTED';
  readonly output?: unknown;
  readonly error?: string;
  readonly cause?: string;
  /** `[id, previousEventId, type]` of every event, in order. */
  readonly events?: readonly [number, number, string][];
  /** Partial match of events by 0-based position (details only need the listed keys). */
  readonly eventDetails?: Readonly<Record<string, Record<string, unknown>>>;
  /** Milliseconds requested from the clock, in order (Wait, retry back-off, timeouts). */
  readonly sleeps?: readonly number[];
  /** Task calls: resource ARN and evaluated arguments, in order. */
  readonly calls?: readonly { readonly arn: string; readonly args: unknown }[];
}

export interface ConformanceCase {
  readonly description: string;
  readonly spec?: string;
  readonly definition: unknown;
  readonly type?: StateMachineType;
  readonly input?: unknown;
  readonly tasks?: Readonly<Record<string, readonly ScriptedCall[]>>;
  /** For execution cases. */
  readonly expect?: ExecutionExpectation;
  /** For validation cases: the exact diagnostics ValidateStateMachineDefinition returns. */
  readonly diagnostics?: readonly { readonly code: string; readonly message: string; readonly location?: string }[];
}
