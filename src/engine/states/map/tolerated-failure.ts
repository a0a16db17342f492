// Distributed Map failure tolerance (docs/aws-behaviour.md#failure-tolerance): ToleratedFailureCount / ToleratedFailurePercentage and
// their Path variants, validated with AWS's exact States.Runtime causes (docs/aws-behaviour.md#jsonpath-runtime-errors), and the threshold
// the Map Run checks as children finish.
import { StatesError, StatesErrorName } from '../../errors/states-error';
import { floatFromPath, integerFromPath, runtimeError } from './path-values';

export interface ToleranceInput {
  readonly count?: unknown;
  readonly percentage?: unknown;
}

/** Validated tolerance; a field left undefined was not set in the definition. */
export interface Tolerance {
  readonly count?: number;
  readonly percentage?: number;
}

export const TOLERATED_COUNT_NEGATIVE = 'ToleratedFailureCount cannot be negative.';
export const TOLERATED_PERCENTAGE_RANGE = 'ToleratedFailurePercentage must be between 0 and 100.';

/** Validates literal (or JSONata-evaluated) values; undefined means "not set". */
export function resolveTolerance(input: ToleranceInput): Tolerance {
  return {
    count: input.count === undefined ? undefined : checkCount(input.count),
    percentage: input.percentage === undefined ? undefined : checkPercentage(input.percentage),
  };
}

/** ToleratedFailureCountPath: `… refers to value "NoNumber" which is not a valid integer: $.path`, then the sign check. */
export function toleratedFailureCountFromPath(value: unknown, path: string): number {
  return checkCount(integerFromPath('ToleratedFailureCountPath', value, path));
}

/** ToleratedFailurePercentagePath: `… which is not a valid float: $.path`, then the 0–100 check. */
export function toleratedFailurePercentageFromPath(value: unknown, path: string): number {
  return checkPercentage(floatFromPath('ToleratedFailurePercentagePath', value, path));
}

function checkCount(value: unknown): number {
  if (typeof value !== 'number' || !Number.isInteger(value)) {
    throw runtimeError(`ToleratedFailureCount must be an integer, got ${JSON.stringify(value) ?? 'undefined'}.`);
  }
  if (value < 0) throw runtimeError(TOLERATED_COUNT_NEGATIVE);
  return value;
}

function checkPercentage(value: unknown): number {
  // Recorded: -1, -1.1 and 100.1 rejected; 0, 1, 1.1 and 100 accepted.
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0 || value > 100) {
    throw runtimeError(TOLERATED_PERCENTAGE_RANGE);
  }
  return value;
}

export function exceededThresholdError(): StatesError {
  return new StatesError(StatesErrorName.ExceedToleratedFailureThreshold, 'The specified tolerated failure threshold was exceeded');
}

/**
 * Decides when failed items fail the Map Run. Failed items are failed + timed-out (+ aborted by the user) items.
 * - Neither field set: both default to 0 (docs/aws-behaviour.md#failure-tolerance), so the first failed item fails the run.
 * - One field set: only that one applies. Otherwise a lone ToleratedFailurePercentage of 50 would be defeated by the
 *   implicit count of 0, which would make the field pointless; so the implicit default cannot apply then.
 * - Both set: exceeding either fails the run.
 * [UNCONFIRMED] strictness: the run fails when failed > count or failed/total*100 > percentage; reaching a
 * threshold exactly is tolerated (the docs say "exceeds").
 */
export class FailureThreshold {
  private readonly count: number | undefined;
  private readonly percentage: number | undefined;

  constructor(tolerance: Tolerance = {}) {
    const neither = tolerance.count === undefined && tolerance.percentage === undefined;
    this.count = neither ? 0 : tolerance.count;
    this.percentage = tolerance.percentage;
  }

  exceeded(failedItems: number, totalItems: number): boolean {
    if (failedItems <= 0) return false;
    if (this.count !== undefined && failedItems > this.count) return true;
    if (this.percentage === undefined) return false;
    // Compared as failed*100 > percentage*total so integer inputs stay exact (no 11/1000*100 rounding).
    return failedItems * 100 > this.percentage * Math.max(totalItems, failedItems);
  }

  /** The error the Map Run fails with once exceeded() is true. */
  error(): StatesError {
    return exceededThresholdError();
  }
}
