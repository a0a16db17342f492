// What the Step Functions service keeps: state machines, executions (+ STANDARD histories) and Map Runs.
// Behind an interface so a disk-backed store can replace the in-memory one. Records are compact: a
// 1M-row Distributed Map makes ~100k child executions, and EXPRESS children keep only list fields.
import type {
  EncryptionConfiguration,
  RoutingConfigurationListItem,
  HistoryEvent,
  LoggingConfiguration,
  MapRunExecutionCounts,
  Tag,
  TracingConfiguration,
} from '@aws-sdk/client-sfn';
import type { ExecutionStatus, StateMachineType } from '../../../engine';

/** One version of a state machine's definition and settings; executions point at the one they ran. */
export interface StateMachineRevision {
  /** Absent until the first UpdateStateMachine that changes something (docs/aws-behaviour.md#api-operations). */
  readonly revisionId?: string;
  readonly definition: string;
  readonly roleArn: string;
  readonly loggingConfiguration: LoggingConfiguration;
  readonly tracingConfiguration: TracingConfiguration;
  readonly encryptionConfiguration: EncryptionConfiguration;
  /** Creation date of the state machine, or the update that made this revision. */
  readonly updateDate: Date;
}

export interface StateMachineRecord {
  readonly arn: string;
  readonly name: string;
  readonly type: StateMachineType;
  readonly creationDate: Date;
  readonly tags: readonly Tag[];
  readonly revision: StateMachineRevision;
  readonly status: 'ACTIVE' | 'DELETING';
  /** The highest version number published so far: numbers are never reused, even after a deletion. */
  readonly lastVersion?: number;
}

export interface ActivityRecord {
  readonly arn: string;
  readonly name: string;
  readonly creationDate: Date;
  readonly tags: readonly Tag[];
  readonly encryptionConfiguration: EncryptionConfiguration;
}

/** A published, immutable version `<sm arn>:<n>` of a state machine. */
export interface StateMachineVersionRecord {
  readonly arn: string;
  readonly stateMachineArn: string;
  readonly version: number;
  readonly revision: StateMachineRevision;
  readonly description?: string;
  readonly creationDate: Date;
}

/** An alias `<sm arn>:<name>` routing executions to one or two versions by weight. */
export interface StateMachineAliasRecord {
  readonly arn: string;
  readonly stateMachineArn: string;
  readonly name: string;
  readonly description?: string;
  readonly routingConfiguration: readonly RoutingConfigurationListItem[];
  readonly creationDate: Date;
  readonly updateDate?: Date;
}

/** The small resources kept by ARN, one table per kind. */
export interface ResourceRecords {
  readonly activity: ActivityRecord;
  readonly version: StateMachineVersionRecord;
  readonly alias: StateMachineAliasRecord;
}

export type ResourceKind = keyof ResourceRecords;

export interface ExecutionRecord {
  readonly arn: string;
  readonly name: string;
  readonly stateMachineArn: string;
  readonly type: StateMachineType;
  readonly startDate: Date;
  readonly traceHeader?: string;
  readonly mapRunArn?: string;
  /** Items a Map Run child processes (ListExecutions `itemCount`). */
  readonly itemCount?: number;
  /** Absent for EXPRESS Map Run children: nothing can describe them. */
  readonly input?: string;
  readonly revision?: StateMachineRevision;
  readonly status: ExecutionStatus;
  readonly stopDate?: Date;
  readonly output?: string;
  readonly error?: string;
  readonly cause?: string;
  /** Index of the first item a Map Run child carries: a Map Run redrive skips the items that succeeded. */
  readonly itemIndex?: number;
  /** Started through a version or an alias ARN (DescribeExecution shows both). */
  readonly stateMachineVersionArn?: string;
  readonly stateMachineAliasArn?: string;
  /** RedriveExecution (docs/aws-behaviour.md#redrive): how often, when last, and the client tokens of the latest redrives. */
  readonly redriveCount?: number;
  readonly redriveDate?: Date;
  readonly redriveTokens?: readonly { readonly token: string; readonly date: Date }[];
  /** The latest top-level state entered (STANDARD): where a redrive resumes. */
  readonly resumePoint?: StoredResumePoint;
  /** The MockConfigFile test case it was started with (`…:stateMachine:Name#Case`); a redrive runs it again. */
  readonly testCase?: string;
}

/** A redrive checkpoint with its values as JSON text, so every store keeps it the same way. */
export interface StoredResumePoint {
  readonly stateName: string;
  readonly input: string;
  readonly variables: string;
  /** Parallel / Inline Map: index → output JSON of each branch / iteration that succeeded (absent before 2026-11). */
  readonly completed?: Readonly<Record<string, string>>;
}

export type ExecutionChanges = Partial<
  Pick<ExecutionRecord, 'status' | 'stopDate' | 'output' | 'error' | 'cause' | 'redriveCount' | 'redriveDate' | 'redriveTokens' | 'resumePoint'>
> & {
  /** Adds one entry to `resumePoint.completed`: a delta, so a big Map does not rewrite the point per iteration. */
  readonly completedIteration?: { readonly index: number; readonly output: string };
};

/**
 * Applies changes to a stored execution (`assign` sets the plain fields; the disk log's replay clears nulls).
 * The store owns the resume point's `completed` map, so adding to it mutates it in place.
 */
export function applyExecutionChanges(
  record: ExecutionRecord,
  changes: ExecutionChanges,
  assign: (target: object, fields: object) => unknown = Object.assign,
): ExecutionRecord {
  const { completedIteration, ...fields } = changes;
  assign(record, fields);
  const point = record.resumePoint as { completed?: Record<string, string> } | undefined;
  if (completedIteration && point) (point.completed ??= {})[completedIteration.index] = completedIteration.output;
  return record;
}

export type MapRunStatus = 'RUNNING' | 'SUCCEEDED' | 'FAILED' | 'ABORTED';
export type MapRunCounts = { -readonly [K in keyof MapRunExecutionCounts]-?: number };

export interface MapRunSettings {
  readonly maxConcurrency: number;
  /** Absent when the definition sets no threshold (DescribeMapRun shows 0 then, docs/aws-behaviour.md#map-run-api). */
  readonly toleratedFailurePercentage?: number;
  readonly toleratedFailureCount?: number;
}

export interface MapRunRecord extends MapRunSettings {
  readonly arn: string;
  /** The parent execution. */
  readonly executionArn: string;
  /** The child "state machine" `…:stateMachine:<sm>/<label>`. */
  readonly stateMachineArn: string;
  readonly label: string;
  readonly executionType: StateMachineType;
  /** The ItemProcessor JSON (from the child definition's `source`), shown by DescribeStateMachine on the child ARN. */
  readonly definition: string;
  readonly roleArn: string;
  readonly startDate: Date;
  readonly status: MapRunStatus;
  readonly stopDate?: Date;
  readonly itemCounts: MapRunCounts;
  readonly executionCounts: MapRunCounts;
  /** The Map state that runs it: a redriven parent finds its Map Run again by this name. */
  readonly stateName?: string;
  /** Succeeded children keep their output (list-only EXPRESS children too) when the Map returns them itself. */
  readonly keepsOutputs?: boolean;
  readonly redriveCount?: number;
  readonly redriveDate?: Date;
  /** Where its S3 ResultWriter writes manifest.json (the console reads the FAILED files through it). */
  readonly resultWriter?: { readonly Bucket: string; readonly Key: string };
}

export type MapRunChanges = Partial<
  Pick<
    MapRunRecord,
    'status' | 'stopDate' | 'definition' | keyof MapRunSettings | 'itemCounts' | 'executionCounts' | 'redriveCount' | 'redriveDate' | 'resultWriter'
  >
>;

export interface StepFunctionsStore {
  getStateMachine(arn: string): StateMachineRecord | undefined;
  /** Creates or replaces. */
  putStateMachine(record: StateMachineRecord): void;
  deleteStateMachine(arn: string): void;
  /** Every state machine, sorted by name (the order ListStateMachines pages in). */
  listStateMachines(): readonly StateMachineRecord[];

  getExecution(arn: string): ExecutionRecord | undefined;
  /** Adds a new execution, listed under its Map Run when it has one, else under its state machine. */
  putExecution(record: ExecutionRecord): void;
  updateExecution(arn: string, changes: ExecutionChanges): ExecutionRecord;
  /** Executions of a state machine or Map Run (by its ARN), oldest first; append-only. */
  listExecutions(ownerArn: string): readonly ExecutionRecord[];
  appendHistory(executionArn: string, event: HistoryEvent): void;
  getHistory(executionArn: string): readonly HistoryEvent[];

  getMapRun(arn: string): MapRunRecord | undefined;
  putMapRun(record: MapRunRecord): void;
  updateMapRun(arn: string, changes: MapRunChanges): MapRunRecord;
  /** Map Runs of a parent execution, oldest first. */
  listMapRuns(executionArn: string): readonly MapRunRecord[];
  /** The latest Map Run whose child state machine has this ARN (DescribeStateMachine on `<sm>/<label>`). */
  findMapRunByStateMachine(stateMachineArn: string): MapRunRecord | undefined;
  getResource<K extends ResourceKind>(kind: K, arn: string): ResourceRecords[K] | undefined;
  /** Creates or replaces. */
  putResource<K extends ResourceKind>(kind: K, record: ResourceRecords[K]): void;
  deleteResource(kind: ResourceKind, arn: string): void;
  /** Every resource of a kind, in creation order. */
  listResources<K extends ResourceKind>(kind: K): readonly ResourceRecords[K][];
  /** Writes through whatever is buffered (a disk store); resolves when it is durable. */
  flush?(): Promise<void>;
  /** Flushes and releases files; the store is unusable afterwards. */
  close?(): Promise<void>;
}
