// The seam between the Map state and the Distributed Map runtime (Map Run resource, child executions,
// ItemReader/ItemBatcher/ResultWriter, failure tolerance), which lives outside the engine core and is
// injected as EngineDeps.distributedMap. The engine records MapStateStarted before calling it and
// MapStateSucceeded/Failed after; the port records the Map Run events through `events` (docs/aws-behaviour.md#distributed-map).
import type { MapState, StateMachineDefinition } from '../../definition/types';
import type { EvalScope } from '../../query/types';
import type { MapItemContext } from '../../runtime/context-object';
import type { ExecutionIdentity } from '../../runtime/types';

/** Parent-history events of a Map Run, each chained after the previous one. */
export interface MapRunEvents {
  started(mapRunArn: string): void;
  /** RedriveExecution continues an unsuccessful Map Run instead of starting one (docs/aws-behaviour.md#redrive). */
  redriven?(mapRunArn: string, redriveCount: number): void;
  succeeded(): void;
  failed(error?: string, cause?: string): void;
  aborted(): void;
}

export interface DistributedMapRequest {
  /** The parsed Map state: ItemReader, ItemBatcher, ResultWriter, Label, MaxConcurrency, ToleratedFailure*, ItemSelector. */
  readonly state: MapState;
  /** The Map's effective input (after InputPath): `$` for its ItemReader Parameters, ItemSelector, BatchInput. */
  readonly input: unknown;
  /** Items from ItemsPath / Items, when there is no ItemReader (an ItemReader takes precedence, docs/aws-behaviour.md#items-and-itemselector). */
  readonly items?: readonly unknown[];
  /** The Map state's evaluation scope: `$states`, context object and the parent's variables. */
  readonly scope: EvalScope;
  /** The scope for one item's ItemSelector: adds `Map.Item.Index/Value/Source` to the context object. */
  itemScope(item: MapItemContext): EvalScope;
  readonly execution: ExecutionIdentity;
  /** Aborted on StopExecution, the execution timeout, or a failing sibling of the Map state. */
  readonly signal: AbortSignal;
  /** The ItemProcessor as its own state machine; `type` is the ProcessorConfig ExecutionType. */
  readonly childDefinition: StateMachineDefinition;
  readonly events: MapRunEvents;
}

export interface DistributedMapPort {
  /** Resolves with the Map state's result; failures throw StatesError (after `events.failed`). */
  run(request: DistributedMapRequest): Promise<unknown>;
}
