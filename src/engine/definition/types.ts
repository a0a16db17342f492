// The parsed state machine: a discriminated union on `Type`, ASL field names kept verbatim, every
// JSONPath/JSONata expression compiled once at parse time. Runtime code never
// re-checks shape; it narrows on `Type` and on `QueryLanguage`.
import type { ResolvedResource } from '../integrations/types';
import type { ChoicePredicate, EvalScope, JsonataTemplate, PayloadTemplate, ReferencePath } from '../query/types';
import type { StateMachineType } from '../runtime/types';
import type { ItemBatcher, ItemReader, ResultWriter } from './map-types';

export type { CsvDelimiter, InputType, ItemBatcher, ItemReader, ReaderConfig, ResultWriter } from './map-types';

/** Order matters: AWS lists the valid values in this order in its diagnostic (docs/aws-behaviour.md#query-languages-and-data-flow). */
export const STATE_TYPES = ['Task', 'Wait', 'Pass', 'Succeed', 'Fail', 'Choice', 'Parallel', 'Map'] as const;
export type StateType = (typeof STATE_TYPES)[number];
export type QueryLanguage = 'JSONPath' | 'JSONata';

/** Anything that reads a value from a document: a ReferencePath or an intrinsic call (Fail ErrorPath). */
export interface PathSelector {
  readonly variableReferences: readonly string[];
  select(doc: unknown, scope: EvalScope): unknown;
}

/** A field given as a literal, a JSONPath `*Path` reference, or a JSONata template. */
export type DynamicValue<T> =
  | { readonly kind: 'literal'; readonly value: T }
  | { readonly kind: 'path'; readonly field: string; readonly path: string; readonly selector: PathSelector }
  | { readonly kind: 'jsonata'; readonly field: string; readonly template: JsonataTemplate };

/** A JSON template evaluated against a document: Parameters/ItemSelector (JSONPath) or Arguments (JSONata). */
export type Payload =
  { readonly QueryLanguage: 'JSONPath'; readonly template: PayloadTemplate } | { readonly QueryLanguage: 'JSONata'; readonly template: JsonataTemplate };

export interface JsonPathIO {
  readonly QueryLanguage: 'JSONPath';
  /** null: the state sees `{}` as its input. */
  readonly InputPath?: ReferencePath | null;
  readonly Parameters?: PayloadTemplate;
  readonly ResultSelector?: PayloadTemplate;
  /** null: the result is discarded and the input passes through. */
  readonly ResultPath?: string | null;
  /** null: the state outputs `{}`. */
  readonly OutputPath?: ReferencePath | null;
  readonly Assign?: PayloadTemplate;
}

export interface JsonataIO {
  readonly QueryLanguage: 'JSONata';
  readonly Arguments?: JsonataTemplate;
  readonly Output?: JsonataTemplate;
  readonly Assign?: JsonataTemplate;
}

export type StateIO = JsonPathIO | JsonataIO;

export interface Retrier {
  readonly ErrorEquals: readonly string[];
  readonly IntervalSeconds: number;
  readonly MaxAttempts: number;
  readonly BackoffRate: number;
  readonly MaxDelaySeconds?: number;
  readonly JitterStrategy: 'FULL' | 'NONE';
}

export type CatcherIO =
  | { readonly QueryLanguage: 'JSONPath'; readonly ResultPath?: string | null; readonly Assign?: PayloadTemplate }
  | { readonly QueryLanguage: 'JSONata'; readonly Output?: JsonataTemplate; readonly Assign?: JsonataTemplate };

export interface Catcher {
  readonly ErrorEquals: readonly string[];
  readonly Next: string;
  readonly io: CatcherIO;
}

interface StateCommon<T extends StateType> {
  readonly Type: T;
  readonly name: string;
  /** JSON pointer of the state, e.g. "/States/Pass" or "/States/Map/ItemProcessor/States/Inner". */
  readonly location: string;
  readonly Comment?: string;
  readonly io: StateIO;
}

/** Exactly one of Next / End (validated); `Next` undefined means the state ends its scope. */
interface Transition {
  readonly Next?: string;
}

interface ErrorHandling {
  readonly Retry: readonly Retrier[];
  readonly Catch: readonly Catcher[];
}

export interface PassState extends StateCommon<'Pass'>, Transition {
  /** Wrapped so that `"Result": null` stays distinguishable from no Result. */
  readonly Result?: { readonly value: unknown };
}

export interface TaskState extends StateCommon<'Task'>, Transition, ErrorHandling {
  readonly Resource: string;
  readonly resource: ResolvedResource;
  readonly TimeoutSeconds?: DynamicValue<number>;
  readonly HeartbeatSeconds?: DynamicValue<number>;
  readonly Credentials?: Payload;
}

export type ChoiceCondition =
  { readonly QueryLanguage: 'JSONPath'; readonly predicate: ChoicePredicate } | { readonly QueryLanguage: 'JSONata'; readonly Condition: JsonataTemplate };

export interface ChoiceRule {
  readonly Next: string;
  readonly condition: ChoiceCondition;
  readonly Assign?: Payload;
  readonly Output?: JsonataTemplate;
}

export interface ChoiceState extends StateCommon<'Choice'> {
  readonly Choices: readonly ChoiceRule[];
  readonly Default?: string;
}

export interface WaitState extends StateCommon<'Wait'>, Transition {
  readonly Seconds?: DynamicValue<number>;
  readonly Timestamp?: DynamicValue<string>;
}

export type SucceedState = StateCommon<'Succeed'>;

export interface FailState extends StateCommon<'Fail'> {
  readonly Error?: DynamicValue<string>;
  readonly Cause?: DynamicValue<string>;
}

export interface ParallelState extends StateCommon<'Parallel'>, Transition, ErrorHandling {
  readonly Branches: readonly Program[];
}

export interface ItemProcessor extends Program {
  readonly Mode: 'INLINE' | 'DISTRIBUTED';
  readonly ExecutionType?: StateMachineType;
}

export interface MapState extends StateCommon<'Map'>, Transition, ErrorHandling {
  readonly ItemProcessor: ItemProcessor;
  /** JSONPath ItemsPath; absent means "$". */
  readonly ItemsPath?: ReferencePath;
  /** JSONata Items (literal array or template); absent means the state input. */
  readonly Items?: JsonataTemplate;
  /** ItemSelector, or the legacy Parameters. */
  readonly ItemSelector?: Payload;
  readonly MaxConcurrency?: DynamicValue<number>;
  readonly ToleratedFailureCount?: DynamicValue<number>;
  readonly ToleratedFailurePercentage?: DynamicValue<number>;
  readonly Label?: string;
  readonly ItemReader?: ItemReader;
  readonly ItemBatcher?: ItemBatcher;
  readonly ResultWriter?: ResultWriter;
  /** DISTRIBUTED only: the ItemProcessor compiled as its own state machine (type = ExecutionType). */
  readonly childDefinition?: StateMachineDefinition;
}

export type StateNode = TaskState | WaitState | PassState | SucceedState | FailState | ChoiceState | ParallelState | MapState;

export type StateNodeOf<T extends StateType> = Extract<StateNode, { Type: T }>;

/** A `{StartAt, States}` block: the whole machine, a Parallel branch or a Map ItemProcessor. */
export interface Program {
  readonly StartAt: string;
  readonly States: Readonly<Record<string, StateNode>>;
  readonly location: string;
}

export interface StateMachineDefinition {
  /** The definition text exactly as given (DescribeStateMachine returns it verbatim). */
  readonly source: string;
  readonly queryLanguage: QueryLanguage;
  readonly type: StateMachineType;
  readonly timeoutSeconds?: number;
  readonly Comment?: string;
  /** State name → variables it references (DescribeStateMachine `variableReferences`). */
  readonly variableReferences: Readonly<Record<string, readonly string[]>>;
  readonly program: Program;
}
