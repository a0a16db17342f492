// A deterministic way to observe MaxConcurrency: the Step Functions store every Map Run child passes through
// (putExecution when it starts, updateExecution when it ends). Sampling DescribeMapRun or ListExecutions
// while the run goes would miss short peaks; this sees every start and stop in order.
import { InMemoryStore } from '../../../src/services/stepfunctions';
import type { ExecutionChanges, ExecutionRecord } from '../../../src/services/stepfunctions/store/store';

export class ConcurrencyProbeStore extends InMemoryStore {
  private readonly running = new Map<string, Set<string>>();
  private readonly peaks = new Map<string, number>();

  override putExecution(record: ExecutionRecord): void {
    super.putExecution(record);
    if (record.mapRunArn === undefined || record.status !== 'RUNNING') return;
    const running = this.running.get(record.mapRunArn) ?? new Set<string>();
    running.add(record.arn);
    this.running.set(record.mapRunArn, running);
    this.peaks.set(record.mapRunArn, Math.max(this.peaks.get(record.mapRunArn) ?? 0, running.size));
  }

  override updateExecution(arn: string, changes: ExecutionChanges): ExecutionRecord {
    const record = super.updateExecution(arn, changes);
    if (record.mapRunArn !== undefined && changes.status !== undefined && changes.status !== 'RUNNING') {
      this.running.get(record.mapRunArn)?.delete(arn);
    }
    return record;
  }

  /** The most children of this Map Run that were running at the same time. */
  peakConcurrency(mapRunArn: string): number {
    return this.peaks.get(mapRunArn) ?? 0;
  }
}
