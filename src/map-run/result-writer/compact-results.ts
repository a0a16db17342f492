// The Map state's output when no S3 ResultWriter exports the results (docs/aws-behaviour.md#resultwriter): the child results in item
// order, shaped by WriterConfig.Transformation when a WriterConfig-only ResultWriter is present (COMPACT, the
// plain array of outputs, otherwise). The runtime still applies the 256 KiB output quota to what this returns.
import { resultEntries, type ChildResult, type Transformation } from './result-entry';

/**
 * [UNCONFIRMED] tolerated failures in COMPACT/FLATTEN output: an unsuccessful child contributes `{Error, Cause}`
 * (the shape a caught error has everywhere else in ASL); under NONE it contributes its execution record.
 * PENDING children never started and produced nothing; they only exist when the Map Run failed, which leaves the
 * Map state without an output, so they are left out here.
 */
export function compactResults(results: Iterable<ChildResult>, transformation: Transformation = 'COMPACT'): unknown[] {
  const ordered = [...results].filter((r) => r.status !== 'PENDING').sort((a, b) => a.index - b.index);
  const out: unknown[] = [];
  for (const child of ordered) {
    if (child.status !== 'SUCCEEDED' && transformation !== 'NONE') out.push(failureObject(child));
    else for (const entry of resultEntries(child, transformation)) out.push(entry);
  }
  return out;
}

function failureObject(child: ChildResult): Record<string, string> {
  const failure: Record<string, string> = {};
  if (child.error !== undefined) failure.Error = child.error;
  if (child.cause !== undefined) failure.Cause = child.cause;
  return failure;
}
