// What a redriven Map Run (docs/aws-behaviour.md#redrive) does differently: the items whose child succeeded in an
// earlier attempt are not run again, and the Map output still holds their results. (The ResultWriter numbers the
// redrive's result files after the earlier attempts' itself: result-writer/redrive-files.ts.)
import type { MapRunRedrive } from './map-run-host';
import type { ChildResult } from './result-writer';

/** The units still to run: a unit whose first item's child succeeded before is skipped. */
export async function* skipSucceeded<U extends { readonly indices: readonly number[] }>(units: AsyncIterable<U>, redrive?: MapRunRedrive): AsyncGenerator<U> {
  for await (const unit of units) if (!redrive?.succeeded.has(unit.indices[0])) yield unit;
}

/** Earlier successes as results (the Map output of a Map Run without S3 ResultWriter). */
export function previousResults(redrive?: MapRunRedrive): ChildResult[] {
  return [...(redrive?.succeeded.values() ?? [])].map((child) => ({
    index: child.firstItemIndex,
    executionArn: child.executionArn,
    name: child.name,
    stateMachineArn: child.stateMachineArn,
    input: child.input ?? 'null',
    output: JSON.stringify(child.output ?? null),
    status: 'SUCCEEDED',
    startDate: child.startDate,
    stopDate: child.stopDate,
  }));
}
