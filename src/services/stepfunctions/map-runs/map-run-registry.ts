// Map Runs (docs/aws-behaviour.md#distributed-map, #map-run-api): the service side of the Distributed Map runtime's
// MapRunHost port (src/map-run/map-run-host.ts). The runtime creates one Map Run per Map state
// run, starts a child execution per item/batch through it and finishes it; DescribeMapRun, ListMapRuns,
// ListExecutions(mapRunArn) and UpdateMapRun read and change the same records.
import type { ExecutionOutcome } from '../../../engine';
import type { ChildRun, MapRunHandle, MapRunHost, MapRunInit, StartChildRequest } from '../../../map-run';
import { parseStatesArn, stateMachineNameOf, type ArnFactory } from '../api/arns';
import type { ParsedStateMachine } from '../runs/engine-port';
import { jsonText, type ExecutionInput } from '../api/execution-input';
import type { ExecutionRunner } from '../runs/execution-runner';
import type { MapRunCounts, MapRunRecord, MapRunSettings, StepFunctionsStore } from '../store/store';
import type { TestCaseRegistry } from '../runs/test-cases';
import { optional } from '../api/wire';
import { findRedrivable, redriveMapRun, zero } from './redrive-map-run';

type Bucket = 'succeeded' | 'failed' | 'timedOut' | 'aborted';
const BUCKET: Record<ExecutionOutcome['status'], Bucket> = { SUCCEEDED: 'succeeded', FAILED: 'failed', TIMED_OUT: 'timedOut', ABORTED: 'aborted' };

/** Item bookkeeping the counts are derived from. */
interface Progress {
  totalItems?: number;
  startedItems: number;
  notStartedItems: number;
  /** Results written by earlier attempts (a redriven Map Run). */
  resultsWrittenBefore: number;
}

/** Starts one child execution: the runner's `start`, handed over as a function so the registry can exist before the runner. */
export type StartExecution<D extends ParsedStateMachine> = ExecutionRunner<D>['start'];

export class MapRunRegistry<D extends ParsedStateMachine> implements MapRunHost {
  private readonly progress = new Map<string, Progress>();
  private idleWaiters: Array<() => void> = [];

  constructor(
    private readonly store: StepFunctionsStore,
    private readonly startExecution: StartExecution<D>,
    private readonly arns: ArnFactory,
    private readonly now: () => Date,
    private readonly uuid: () => string,
    private readonly testCases?: TestCaseRegistry,
  ) {}

  createMapRun(init: MapRunInit): MapRunHandle {
    const smName = stateMachineNameOf(parseStatesArn(init.parent.executionArn, ['execution', 'express']));
    const earlier = init.parent.redriveCount > 0 ? findRedrivable(this.store, init.parent.executionArn, init.stateName) : undefined;
    if (earlier) {
      const redriven = redriveMapRun(this.store, earlier, this.now());
      this.progress.set(earlier.arn, { startedItems: redriven.succeededItems, notStartedItems: 0, resultsWrittenBefore: redriven.resultsWritten });
      return { ...this.handle(earlier.arn, `${smName}/${earlier.label}`), redrive: redriven.redrive };
    }
    const label = init.label ?? this.uuid();
    const record: MapRunRecord = {
      arn: this.arns.mapRun(smName, label, this.uuid()),
      executionArn: init.parent.executionArn,
      stateMachineArn: this.arns.stateMachine(`${smName}/${label}`),
      label,
      executionType: init.executionType,
      definition: '',
      roleArn: init.parent.roleArn,
      startDate: this.now(),
      status: 'RUNNING',
      maxConcurrency: init.maxConcurrency,
      ...optional('toleratedFailurePercentage', init.tolerance.percentage),
      ...optional('toleratedFailureCount', init.tolerance.count),
      itemCounts: zero(),
      executionCounts: zero(),
      stateName: init.stateName,
      keepsOutputs: init.keepsOutputs,
    };
    this.store.putMapRun(record);
    this.progress.set(record.arn, { startedItems: 0, notStartedItems: 0, resultsWrittenBefore: 0 });
    return this.handle(record.arn, `${smName}/${label}`);
  }

  /** UpdateMapRun: the running Map Run reads its settings through its handle on every decision. */
  update(mapRunArn: string, changes: Partial<MapRunSettings>): void {
    this.store.updateMapRun(mapRunArn, changes);
  }

  private handle(arn: string, childSmName: string): MapRunHandle {
    const record = () => this.store.getMapRun(arn) as MapRunRecord;
    return {
      mapRunArn: arn,
      maxConcurrency: () => record().maxConcurrency,
      tolerance: () => ({ ...optional('count', record().toleratedFailureCount), ...optional('percentage', record().toleratedFailurePercentage) }),
      setTotalItems: (total) => this.recount(arn, (p) => (p.totalItems = total)),
      startChild: (request) => this.startChild(record(), childSmName, request),
      itemsNotStarted: (count) => this.recount(arn, (p) => (p.notStartedItems += count)),
      resultsAt: (manifest) => this.store.updateMapRun(arn, { resultWriter: { Bucket: manifest.Bucket, Key: manifest.Key } }),
      finish: (status, resultsWrittenNow) => {
        const { itemCounts, executionCounts } = record();
        const resultsWritten = resultsWrittenNow + (this.progress.get(arn)?.resultsWrittenBefore ?? 0);
        // [UNCONFIRMED] executions' resultsWritten: the succeeded children whose results were kept.
        this.store.updateMapRun(arn, {
          status,
          stopDate: this.now(),
          itemCounts: { ...itemCounts, resultsWritten },
          executionCounts: { ...executionCounts, resultsWritten: resultsWritten > 0 ? executionCounts.succeeded : 0 },
        });
        this.progress.delete(arn);
        if (this.progress.size === 0) for (const resolve of this.idleWaiters.splice(0)) resolve();
      },
    };
  }

  /**
   * Endpoint shutdown, once the executions are stopped: each open Map Run finishes itself as ABORTED after its
   * parent's abort (discarding its partial results first), so its status is written before the store closes.
   * One that has not finished within `graceMs` is closed as ABORTED here.
   */
  async close(graceMs: number): Promise<void> {
    if (this.progress.size > 0) {
      let timer: NodeJS.Timeout | undefined;
      const idle = new Promise<void>((resolve) => this.idleWaiters.push(resolve));
      await Promise.race([idle, new Promise<void>((resolve) => (timer = setTimeout(resolve, graceMs)))]);
      clearTimeout(timer);
    }
    for (const arn of [...this.progress.keys()]) this.handle(arn, '').finish('ABORTED', 0);
  }

  private async startChild(run: MapRunRecord, childSmName: string, request: StartChildRequest): Promise<ChildRun> {
    // The handle carries the engine's compiled ItemProcessor as `unknown`; it is this engine's D.
    const definition = request.definition as D & { readonly source?: unknown };
    if (run.definition === '' && typeof definition.source === 'string') this.store.updateMapRun(run.arn, { definition: definition.source });
    const name = this.uuid();
    const standard = run.executionType === 'STANDARD';
    const executionArn = standard ? this.arns.execution(childSmName, name) : this.arns.express(childSmName, name, this.uuid());
    this.childStarted(run.arn, request.itemCount);
    this.testCases?.inherit(executionArn, run.executionArn);
    const started = this.startExecution({
      arn: executionArn,
      name,
      stateMachine: { arn: run.stateMachineArn, name: childSmName, type: run.executionType, roleArn: run.roleArn },
      definition,
      input: lazyInput(request.input),
      mapRun: { mapRunArn: run.arn, itemCount: request.itemCount, itemIndex: request.firstItemIndex, keepOutput: run.keepsOutputs, signal: request.signal },
    });
    const { outcome, startDate, stopDate } = await started.done;
    this.childEnded(run.arn, request.itemCount, BUCKET[outcome.status]);
    return { executionArn, name, stateMachineArn: run.stateMachineArn, ...outcome, startDate, stopDate };
  }

  private childStarted(arn: string, items: number): void {
    const progress = this.progress.get(arn);
    if (progress) progress.startedItems += items;
    this.count(arn, items, (c, n) => (c.running += n));
  }

  private childEnded(arn: string, items: number, bucket: Bucket): void {
    this.count(arn, items, (c, n) => {
      c.running -= n;
      c[bucket] += n;
    });
  }

  /** Updates item progress and the `pending` count derived from it. */
  private recount(arn: string, change: (progress: Progress) => void): void {
    const progress = this.progress.get(arn);
    if (!progress) return;
    change(progress);
    const run = this.store.getMapRun(arn) as MapRunRecord;
    this.store.updateMapRun(arn, { itemCounts: withTotal({ ...run.itemCounts, pending: pendingItems(progress) }) });
  }

  /** Applies a change to the item counts (by `items`) and the execution counts (by one child). */
  private count(arn: string, items: number, change: (counts: MapRunCounts, n: number) => void): void {
    const run = this.store.getMapRun(arn) as MapRunRecord;
    const itemCounts = { ...run.itemCounts };
    const executionCounts = { ...run.executionCounts };
    change(itemCounts, items);
    change(executionCounts, 1);
    const progress = this.progress.get(arn);
    if (progress) itemCounts.pending = pendingItems(progress);
    this.store.updateMapRun(arn, { itemCounts: withTotal(itemCounts), executionCounts: withTotal(executionCounts) });
  }
}

/**
 * A child's input as ExecutionInput, its JSON text built only if read: EXPRESS children whose outputs the
 * Map does not return keep no input (nothing can describe them), so their batch is never serialized here.
 */
function lazyInput(value: unknown): ExecutionInput {
  let text: string | undefined;
  return {
    value,
    get text() {
      return (text ??= jsonText(value));
    },
  };
}

/** Items known but not started: from the total when the runtime knows it, else those it gave up on. */
function pendingItems({ totalItems, startedItems, notStartedItems }: Progress): number {
  return totalItems === undefined ? notStartedItems : Math.max(totalItems - startedItems, notStartedItems);
}

function withTotal(c: MapRunCounts): MapRunCounts {
  return { ...c, total: c.pending + c.running + c.succeeded + c.failed + c.timedOut + c.aborted };
}
