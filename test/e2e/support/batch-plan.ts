// What a run of statemachines/parent.asl.json must do with a given CSV, derived from the generator's own
// record of the rows it broke: batches of 10 items in file order, a batch fails when one of its rows
// cannot be written, and (with MaxConcurrency 1) the Map Run stops at the first failure that exceeds the
// threshold, leaving the later batches PENDING. The threshold rule is the project's documented choice
// (src/engine/states/map/tolerated-failure.ts): reaching it exactly is tolerated.
import type { GeneratedCsv, MalformedKind, OrderRow } from '../../../src/pipeline/orders-csv';

const BATCH_SIZE = 10;

export interface Tolerance {
  readonly toleratedFailureCount?: number;
  readonly toleratedFailurePercentage?: number;
}

export interface BatchPlan {
  /** 1-based csvRow numbers of the items each batch carries. */
  readonly batches: readonly (readonly number[])[];
  /** csvRow numbers whose PutItem DynamoDB rejects. */
  readonly badRows: ReadonlySet<number>;
}

export interface PlannedOutcome {
  readonly exceeded: boolean;
  readonly succeededItems: number;
  readonly failedItems: number;
  readonly pendingItems: number;
  readonly succeededBatches: number;
  readonly failedBatches: number;
  readonly pendingBatches: number;
  /** Rows of batches that started, bad rows excluded: what the table must hold. */
  readonly writtenRows: readonly number[];
  readonly failedRows: readonly number[];
  readonly pendingRows: readonly number[];
}

/** The csvRow of each defect of these kinds (valid while the file has no blank lines: line n is row n - 1). */
export function defectRows(csv: GeneratedCsv, kinds: readonly MalformedKind[]): number[] {
  return csv.defects.filter((d) => kinds.includes(d.kind)).map((d) => d.line - 1);
}

export function planBatches(itemCount: number, badRows: Iterable<number>): BatchPlan {
  const batches: number[][] = [];
  for (let row = 1; row <= itemCount; row += BATCH_SIZE) batches.push(range(row, Math.min(row + BATCH_SIZE - 1, itemCount)));
  return { batches, badRows: new Set(badRows) };
}

function exceeds(failed: number, total: number, tolerance: Tolerance): boolean {
  const { toleratedFailureCount: count, toleratedFailurePercentage: percentage } = tolerance;
  if (count === undefined && percentage === undefined) return failed > 0;
  return (count !== undefined && failed > count) || (percentage !== undefined && failed * 100 > percentage * total);
}

/** The outcome when children run one at a time (MaxConcurrency 1), so the stopping point is exact. */
export function planOutcome(plan: BatchPlan, tolerance: Tolerance): PlannedOutcome {
  const total = plan.batches.reduce((n, b) => n + b.length, 0);
  const written: number[] = [];
  const failedRows: number[] = [];
  const pendingRows: number[] = [];
  let succeededBatches = 0;
  let failedBatches = 0;
  let exceeded = false;
  for (const batch of plan.batches) {
    if (exceeded) {
      pendingRows.push(...batch);
      continue;
    }
    written.push(...batch.filter((row) => !plan.badRows.has(row)));
    if (!batch.some((row) => plan.badRows.has(row))) {
      succeededBatches++;
      continue;
    }
    failedBatches++;
    failedRows.push(...batch);
    exceeded = exceeds(failedRows.length, total, tolerance);
  }
  return {
    exceeded,
    succeededItems: total - failedRows.length - pendingRows.length,
    failedItems: failedRows.length,
    pendingItems: pendingRows.length,
    succeededBatches,
    failedBatches,
    pendingBatches: plan.batches.length - succeededBatches - failedBatches,
    writtenRows: written,
    failedRows,
    pendingRows,
  };
}

/** The data rows of the file by csvRow, the broken ones rebuilt as the reader sees them. */
export function rowsByCsvRow(csv: GeneratedCsv): Map<number, OrderRow> {
  const out = new Map<number, OrderRow>();
  const lines = csv.text
    .replace(/^\uFEFF/, '')
    .split('\n')
    .slice(1)
    .filter((l) => l !== '');
  lines.forEach((line, i) => {
    const [orderNumber, orderDate, orderStatus, lineItems, totalPrice] = line.split(',');
    out.set(i + 1, { orderNumber, orderDate, orderStatus, lineItems, totalPrice });
  });
  return out;
}

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}
