// The StepFunctionsStore of an endpoint with a data dir (`--data-dir` / SANDBOX_DATA_DIR): state machines,
// executions, histories and Map Runs under `<dataDir>/stepfunctions/log.jsonl` (disk-log.ts). Reads are served
// by an InMemoryStore; every change is appended to the log before it is applied (write-ahead). On open the log
// is replayed, executions interrupted by a crash are marked (interrupted.ts) and the log is compacted to one
// record per resource plus the history events. Map Run counts change with every child, so they are written
// lazily (at most every COUNTS_FLUSH_MS, and on close); a crash rebuilds them from the child records.
import type { HistoryEvent } from '@aws-sdk/client-sfn';
import { applyChanges, DiskLog, type LogRecord } from './disk-log';
import { InMemoryStore } from './in-memory-store';
import { markInterrupted, type LoadedState } from './interrupted';
import {
  applyExecutionChanges,
  type ExecutionChanges,
  type ExecutionRecord,
  type MapRunChanges,
  type MapRunRecord,
  type ResourceKind,
  type ResourceRecords,
  type StateMachineRecord,
  type StepFunctionsStore,
} from './store';

const COUNTS_FLUSH_MS = 250;
const COUNT_FIELDS = new Set(['itemCounts', 'executionCounts']);

export function openDiskStore(dir: string, now: () => Date = () => new Date()): DiskStore {
  const state = load(dir);
  markInterrupted(state, now());
  const log = DiskLog.open(dir);
  log.rewrite(compacted(state));
  const memory = new InMemoryStore();
  for (const sm of state.stateMachines.values()) memory.putStateMachine(sm);
  for (const run of state.mapRuns.values()) memory.putMapRun(run);
  for (const execution of state.executions.values()) memory.putExecution(execution);
  for (const [arn, events] of state.histories) for (const event of events) memory.appendHistory(arn, event);
  for (const [kind, table] of state.resources) for (const record of table.values()) memory.putResource(kind, record);
  return new DiskStore(memory, log);
}

export class DiskStore implements StepFunctionsStore {
  private readonly dirtyCounts = new Set<string>();
  private timer: NodeJS.Timeout | undefined;
  private closed = false;

  constructor(
    private readonly memory: InMemoryStore,
    private readonly log: DiskLog,
  ) {}

  getStateMachine = (arn: string) => this.memory.getStateMachine(arn);
  listStateMachines = () => this.memory.listStateMachines();
  getExecution = (arn: string) => this.memory.getExecution(arn);
  listExecutions = (ownerArn: string) => this.memory.listExecutions(ownerArn);
  getHistory = (arn: string) => this.memory.getHistory(arn);
  getMapRun = (arn: string) => this.memory.getMapRun(arn);
  listMapRuns = (executionArn: string) => this.memory.listMapRuns(executionArn);
  findMapRunByStateMachine = (arn: string) => this.memory.findMapRunByStateMachine(arn);

  getResource<K extends ResourceKind>(kind: K, arn: string): ResourceRecords[K] | undefined {
    return this.memory.getResource(kind, arn);
  }

  listResources<K extends ResourceKind>(kind: K): readonly ResourceRecords[K][] {
    return this.memory.listResources(kind);
  }

  /** Control-plane records (activities, versions, aliases) acknowledge an API call: fsynced. */
  putResource<K extends ResourceKind>(kind: K, record: ResourceRecords[K]): void {
    this.write({ k: 'rs', t: kind, v: record }, true);
    this.memory.putResource(kind, record);
  }

  deleteResource(kind: ResourceKind, arn: string): void {
    this.write({ k: 'rsd', t: kind, a: arn }, true);
    this.memory.deleteResource(kind, arn);
  }

  putStateMachine(record: StateMachineRecord): void {
    this.write({ k: 'sm', v: record }, true);
    this.memory.putStateMachine(record);
  }

  deleteStateMachine(arn: string): void {
    this.write({ k: 'smd', a: arn }, true);
    this.memory.deleteStateMachine(arn);
  }

  /** StartExecution is acknowledged once this returns: top-level executions are fsynced. */
  putExecution(record: ExecutionRecord): void {
    this.write({ k: 'ex', v: record }, record.mapRunArn === undefined);
    this.memory.putExecution(record);
  }

  updateExecution(arn: string, changes: ExecutionChanges): ExecutionRecord {
    this.write({ k: 'exu', a: arn, v: changes }, changes.redriveCount !== undefined);
    return this.memory.updateExecution(arn, changes);
  }

  appendHistory(executionArn: string, event: HistoryEvent): void {
    this.write({ k: 'ev', a: executionArn, v: event });
    this.memory.appendHistory(executionArn, event);
  }

  putMapRun(record: MapRunRecord): void {
    this.write({ k: 'mr', v: record });
    this.memory.putMapRun(record);
  }

  updateMapRun(arn: string, changes: MapRunChanges): MapRunRecord {
    if (Object.keys(changes).every((key) => COUNT_FIELDS.has(key))) {
      this.dirtyCounts.add(arn);
      this.timer ??= setTimeout(() => void this.flush(), COUNTS_FLUSH_MS).unref();
      return this.memory.updateMapRun(arn, changes);
    }
    const updated = this.memory.getMapRun(arn);
    const counts = this.dirtyCounts.delete(arn) && updated ? { itemCounts: updated.itemCounts, executionCounts: updated.executionCounts } : {};
    this.write({ k: 'mru', a: arn, v: { ...counts, ...changes } });
    return this.memory.updateMapRun(arn, changes);
  }

  flush(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    for (const arn of this.dirtyCounts) {
      const run = this.memory.getMapRun(arn);
      if (run) this.write({ k: 'mru', a: arn, v: { itemCounts: run.itemCounts, executionCounts: run.executionCounts } });
    }
    this.dirtyCounts.clear();
    return Promise.resolve();
  }

  async close(): Promise<void> {
    if (this.closed) return;
    await this.flush();
    this.closed = true;
    this.log.close();
  }

  private write(record: LogRecord, durable = false): void {
    if (this.closed) throw new Error('The Step Functions disk store is closed');
    this.log.append(record, durable);
  }
}

function load(dir: string): LoadedState {
  const state: LoadedState = { stateMachines: new Map(), executions: new Map(), histories: new Map(), mapRuns: new Map(), resources: new Map() };
  for (const record of DiskLog.read(dir)) apply(state, record);
  return state;
}

function apply(state: LoadedState, record: LogRecord): void {
  switch (record.k) {
    case 'sm':
      return void state.stateMachines.set(record.v.arn, record.v);
    case 'smd':
      return void state.stateMachines.delete(record.a);
    case 'ex':
      return void state.executions.set(record.v.arn, record.v);
    case 'exu':
      return void changeExecution(state.executions.get(record.a), record.v);
    case 'ev': {
      const events = state.histories.get(record.a);
      return void (events ? events.push(record.v) : state.histories.set(record.a, [record.v]));
    }
    case 'mr':
      return void state.mapRuns.set(record.v.arn, record.v);
    case 'mru':
      return void change(state.mapRuns.get(record.a), record.v);
    case 'rs':
      return void resourceTable(state, record.t).set(record.v.arn, record.v);
    case 'rsd':
      return void resourceTable(state, record.t).delete(record.a);
  }
}

function resourceTable(state: LoadedState, kind: ResourceKind): Map<string, ResourceRecords[ResourceKind]> {
  let table = state.resources.get(kind);
  if (!table) state.resources.set(kind, (table = new Map<string, ResourceRecords[ResourceKind]>()));
  return table;
}

/** A change to a record the log does not hold (a torn earlier write) is dropped: there is nothing to change. */
function change(target: object | undefined, changes: object): void {
  if (target) applyChanges(target, changes);
}

function changeExecution(target: ExecutionRecord | undefined, changes: ExecutionChanges): void {
  if (target) applyExecutionChanges(target, changes, applyChanges);
}

function* compacted(state: LoadedState): Generator<LogRecord> {
  for (const v of state.stateMachines.values()) yield { k: 'sm', v };
  for (const v of state.mapRuns.values()) yield { k: 'mr', v };
  for (const v of state.executions.values()) yield { k: 'ex', v };
  for (const [t, table] of state.resources) for (const v of table.values()) yield { k: 'rs', t, v };
  for (const [a, events] of state.histories) for (const v of events) yield { k: 'ev', a, v };
}
