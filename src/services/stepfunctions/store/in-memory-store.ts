// The in-memory StepFunctionsStore. Lists are append-only arrays so page tokens can be indexes.
import type { HistoryEvent } from '@aws-sdk/client-sfn';
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

export class InMemoryStore implements StepFunctionsStore {
  private readonly stateMachines = new Map<string, StateMachineRecord>();
  private sortedStateMachines: StateMachineRecord[] | undefined;
  private readonly executions = new Map<string, ExecutionRecord>();
  private readonly executionsByOwner = new Map<string, ExecutionRecord[]>();
  private readonly histories = new Map<string, HistoryEvent[]>();
  private readonly mapRuns = new Map<string, MapRunRecord>();
  private readonly mapRunsByExecution = new Map<string, MapRunRecord[]>();
  private readonly mapRunByStateMachine = new Map<string, string>();
  private readonly resources: { [K in ResourceKind]: Map<string, ResourceRecords[K]> } = { activity: new Map(), version: new Map(), alias: new Map() };

  getStateMachine(arn: string): StateMachineRecord | undefined {
    return this.stateMachines.get(arn);
  }

  putStateMachine(record: StateMachineRecord): void {
    this.stateMachines.set(record.arn, record);
    this.sortedStateMachines = undefined;
  }

  deleteStateMachine(arn: string): void {
    this.stateMachines.delete(arn);
    this.sortedStateMachines = undefined;
  }

  listStateMachines(): readonly StateMachineRecord[] {
    this.sortedStateMachines ??= [...this.stateMachines.values()].sort((a, b) => compare(a.name, b.name));
    return this.sortedStateMachines;
  }

  getExecution(arn: string): ExecutionRecord | undefined {
    return this.executions.get(arn);
  }

  putExecution(record: ExecutionRecord): void {
    this.executions.set(record.arn, record);
    pushTo(this.executionsByOwner, record.mapRunArn ?? record.stateMachineArn, record);
  }

  updateExecution(arn: string, changes: ExecutionChanges): ExecutionRecord {
    return applyExecutionChanges(mustGet(this.executions, arn), changes);
  }

  listExecutions(ownerArn: string): readonly ExecutionRecord[] {
    return this.executionsByOwner.get(ownerArn) ?? [];
  }

  appendHistory(executionArn: string, event: HistoryEvent): void {
    pushTo(this.histories, executionArn, event);
  }

  getHistory(executionArn: string): readonly HistoryEvent[] {
    return this.histories.get(executionArn) ?? [];
  }

  getMapRun(arn: string): MapRunRecord | undefined {
    return this.mapRuns.get(arn);
  }

  putMapRun(record: MapRunRecord): void {
    this.mapRuns.set(record.arn, record);
    pushTo(this.mapRunsByExecution, record.executionArn, record);
    this.mapRunByStateMachine.set(record.stateMachineArn, record.arn);
  }

  updateMapRun(arn: string, changes: MapRunChanges): MapRunRecord {
    return Object.assign(mustGet(this.mapRuns, arn), changes);
  }

  listMapRuns(executionArn: string): readonly MapRunRecord[] {
    return this.mapRunsByExecution.get(executionArn) ?? [];
  }

  findMapRunByStateMachine(stateMachineArn: string): MapRunRecord | undefined {
    const arn = this.mapRunByStateMachine.get(stateMachineArn);
    return arn === undefined ? undefined : this.mapRuns.get(arn);
  }

  getResource<K extends ResourceKind>(kind: K, arn: string): ResourceRecords[K] | undefined {
    return this.table(kind).get(arn);
  }

  putResource<K extends ResourceKind>(kind: K, record: ResourceRecords[K]): void {
    this.table(kind).set(record.arn, record);
  }

  deleteResource(kind: ResourceKind, arn: string): void {
    this.table(kind).delete(arn);
  }

  listResources<K extends ResourceKind>(kind: K): readonly ResourceRecords[K][] {
    return [...this.table(kind).values()];
  }

  private table<K extends ResourceKind>(kind: K): Map<string, ResourceRecords[K]> {
    return this.resources[kind];
  }
}

function pushTo<T>(index: Map<string, T[]>, key: string, value: T): void {
  const list = index.get(key);
  if (list) list.push(value);
  else index.set(key, [value]);
}

function mustGet<T>(map: Map<string, T>, key: string): T {
  const value = map.get(key);
  if (value === undefined) throw new Error(`Step Functions store has no record '${key}'`);
  return value;
}

/** Code-unit order, like Java's String.compareTo (recorded ListStateMachines order: sm-0, sm-10, sm-11, sm-1). */
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
