// The seam between the Map state and the Distributed Map runtime (src/map-run: Map Run resource, child
// executions, ItemReader/ItemBatcher/ResultWriter I/O, failure tolerance), injected as EngineDeps.distributedMap.
// The engine evaluates every ASL field first and hands over plain data; the runtime never sees the parsed state
// or an evaluation scope. The engine records MapStateStarted before calling it and MapStateSucceeded/Failed
// after; the port records the Map Run events through `events` (docs/aws-behaviour.md#distributed-map).
import type { CsvDelimiter, InputType } from '../../definition/map-types';
import type { StateMachineDefinition } from '../../definition/types';
import type { ExecutionIdentity, StateMachineType } from '../../runtime/types';
import type { ItemBatcherConfig } from './item-batcher';
import type { Tolerance } from './tolerated-failure';

/** Parent-history events of a Map Run, each chained after the previous one. */
export interface MapRunEvents {
  started(mapRunArn: string): void;
  /** RedriveExecution continues an unsuccessful Map Run instead of starting one (docs/aws-behaviour.md#redrive). */
  redriven(mapRunArn: string, redriveCount: number): void;
  succeeded(): void;
  failed(error: string, cause?: string): void;
  aborted(): void;
}

/**
 * The evaluated ItemReader (docs/aws-behaviour.md#item-readers): Parameters/Arguments and ReaderConfig after every
 * Path and JSONata expression was resolved. The runtime validates it lazily, on the first read, so problems
 * surface as MapRunFailed States.ItemReaderFailed as on AWS.
 */
export interface ItemReaderSpec {
  readonly resource: 'getObject' | 'listObjectsV2';
  readonly bucket: string;
  readonly key?: string;
  readonly prefix?: string;
  readonly versionId?: string;
  /** Defaults to JSON for getObject (the only type before ReaderConfig.InputType existed). */
  readonly inputType?: Extract<InputType, 'CSV' | 'JSON' | 'JSONL'>;
  /** [UNCONFIRMED] whether AWS requires it; defaults to FIRST_ROW, as CDK emits. */
  readonly csvHeaderLocation?: 'FIRST_ROW' | 'GIVEN';
  readonly csvHeaders?: readonly string[];
  readonly csvDelimiter?: CsvDelimiter;
  /** First N items; 0 = all. */
  readonly maxItems: number;
  /** ReaderConfig fields AWS accepts but the sandbox does not implement, as set: they fail the read, never ignored. */
  readonly unsupported?: readonly string[];
}

/** The evaluated ResultWriter (docs/aws-behaviour.md#resultwriter); `s3` is absent without Parameters/Arguments. */
export interface ResultWriterRequest {
  readonly s3?: { readonly bucket: string; readonly prefix?: string };
  readonly outputType: 'JSON' | 'JSONL';
  readonly transformation: 'NONE' | 'COMPACT' | 'FLATTEN';
}

export type ItemSource = { readonly kind: 'reader'; readonly spec: ItemReaderSpec } | { readonly kind: 'array'; readonly items: readonly unknown[] };

/** Every field of a DISTRIBUTED Map, evaluated against the Map's input (TestState inspects the same values). */
export interface DistributedMapFields {
  readonly label?: string;
  readonly executionType: StateMachineType;
  /** 0 = AWS's default (docs/aws-behaviour.md#map-state). */
  readonly maxConcurrency: number;
  readonly tolerance: Tolerance;
  /** The ItemReader's spec, or the items from ItemsPath / Items (an ItemReader takes precedence, docs/aws-behaviour.md#items-and-itemselector). */
  readonly source: ItemSource;
  /** ItemSelector for one item (Map.Item.Index/Value/Source in the context object); absent = the item itself. */
  readonly selectItem?: (value: unknown, index: number) => Promise<unknown>;
  readonly batcher?: ItemBatcherConfig;
  readonly writer?: ResultWriterRequest;
}

export interface DistributedMapRequest extends DistributedMapFields {
  /** The Map state's name (a redriven parent finds its Map Run by it). */
  readonly stateName: string;
  readonly execution: ExecutionIdentity;
  /** The ItemProcessor as its own state machine, passed through to the child executions. */
  readonly childDefinition: StateMachineDefinition;
  /** Aborted on StopExecution, the execution timeout, or a failing sibling of the Map state. */
  readonly signal: AbortSignal;
  readonly events: MapRunEvents;
}

export interface DistributedMapPort {
  /** Resolves with the Map state's result; failures throw StatesError (after `events.failed`). */
  run(request: DistributedMapRequest): Promise<unknown>;
}
