// Evaluates a DISTRIBUTED Map state's fields (ItemReader Parameters/Arguments and ReaderConfig, ItemSelector,
// ItemBatcher, ResultWriter, MaxConcurrency, ToleratedFailure*, Label) against its input into the plain values the
// Distributed Map runtime needs (docs/aws-behaviour.md#distributed-map); TestState inspects the same values.
// Runs before MapRunStarted, so every error here is the Map state's own States.Runtime failure with AWS's state
// prefix, like MaxConcurrencyPath for an INLINE Map.
import type { DynamicValue, MapState, Payload, ReaderConfig } from '../../definition/types';
import { QueryEvaluationFailure, StatesError, stateErrorPrefix, toStatesError } from '../../errors/states-error';
import type { JsonataValueKind } from '../../query/jsonata';
import type { EvalScope } from '../../query/types';
import { STATE_DATA } from '../../runtime/context-object';
import { evaluatePayload, resolveDynamic } from '../../runtime/payload';
import type { StateRun } from '../../runtime/state-run';
import type { DistributedMapFields, ItemReaderSpec, ResultWriterRequest } from './distributed-port';
import { maxInputBytesPerBatchFromPath, maxItemsPerBatchFromPath, resolveBatcherConfig, type ItemBatcherConfig } from './item-batcher';
import { integerFromPath, maxConcurrencyFromPath } from './path-values';
import { resolveTolerance, toleratedFailureCountFromPath, toleratedFailurePercentageFromPath, type Tolerance } from './tolerated-failure';

type FromPath = (value: unknown, path: string) => number;

/** What the fields are evaluated against: the Map's effective input (`$`) and its scope. */
interface FieldContext {
  readonly state: MapState;
  readonly input: unknown;
  readonly scope: EvalScope;
  readonly run: StateRun;
  readonly items?: readonly unknown[];
}

/** `items`: from ItemsPath / Items when the Map has no ItemReader. */
export async function resolveDistributedFields(state: MapState, run: StateRun, items: readonly unknown[] | undefined): Promise<DistributedMapFields> {
  const context: FieldContext = { state, input: run.effective, scope: run.evalScope(), run, items };
  try {
    return await resolveFields(context);
  } catch (thrown) {
    const error = toStatesError(thrown);
    const prefix = stateErrorPrefix(run.stateName, run.enteredEventId);
    if (error.cause?.startsWith(prefix)) throw error;
    const cause = `${prefix}${error.cause ?? ''}`;
    throw error instanceof QueryEvaluationFailure ? new QueryEvaluationFailure(cause, error.location) : new StatesError(error.error, cause);
  }
}

async function resolveFields(context: FieldContext): Promise<DistributedMapFields> {
  const { state } = context;
  const number = (field: DynamicValue<number> | undefined, kind: JsonataValueKind, fromPath: FromPath) =>
    field ? numberField(context, field, kind, fromPath) : Promise.resolve(undefined);
  const spec = state.ItemReader ? await readerSpec(context) : undefined;
  return {
    label: state.Label,
    executionType: state.ItemProcessor.ExecutionType ?? 'STANDARD',
    maxConcurrency: (await number(state.MaxConcurrency, 'integer', maxConcurrencyFromPath)) ?? 0,
    tolerance: await tolerance(context),
    source: spec ? { kind: 'reader', spec } : { kind: 'array', items: context.items ?? [] },
    selectItem: state.ItemSelector ? selector(context, state.ItemSelector, itemSource(spec)) : undefined,
    batcher: state.ItemBatcher ? await batcher(context) : undefined,
    writer: await writer(context),
  };
}

async function numberField(context: FieldContext, field: DynamicValue<number>, kind: JsonataValueKind, fromPath: FromPath): Promise<number> {
  const { value, path } = await resolveDynamic(field, context.input, context.scope, kind);
  return path === undefined ? (value as number) : fromPath(value, path);
}

async function tolerance(context: FieldContext): Promise<Tolerance> {
  const { ToleratedFailureCount: count, ToleratedFailurePercentage: percentage } = context.state;
  const raw = async (field: DynamicValue<number> | undefined, kind: JsonataValueKind, fromPath: FromPath) => {
    if (!field) return undefined;
    const { value, path } = await resolveDynamic(field, context.input, context.scope, kind);
    return path === undefined ? value : fromPath(value, path);
  };
  return resolveTolerance({
    count: await raw(count, 'integer', toleratedFailureCountFromPath),
    percentage: await raw(percentage, 'number', toleratedFailurePercentageFromPath),
  });
}

async function readerSpec(context: FieldContext): Promise<ItemReaderSpec> {
  const reader = context.state.ItemReader!;
  const params = asObject(reader.Parameters ? await evaluatePayload(reader.Parameters, context.input, context.scope) : {});
  const config = reader.ReaderConfig;
  const maxItems = config.MaxItems ? await numberField(context, config.MaxItems, 'integer', (v, p) => integerFromPath('MaxItemsPath', v, p)) : 0;
  return {
    resource: reader.action,
    bucket: params.Bucket as string,
    key: params.Key as string | undefined,
    prefix: params.Prefix as string | undefined,
    versionId: params.VersionId as string | undefined,
    inputType: config.InputType as ItemReaderSpec['inputType'],
    csvHeaderLocation: config.CSVHeaderLocation,
    csvHeaders: config.CSVHeaders,
    csvDelimiter: config.CSVDelimiter,
    maxItems,
    unsupported: unsupportedFields(config),
  };
}

/** Accepted at create time as on AWS, but reading them as if absent would give other items than AWS does. */
function unsupportedFields(config: ReaderConfig): string[] {
  return [
    config.ItemsPointer !== undefined && `ItemsPointer '${config.ItemsPointer}'`,
    config.Transformation === 'LOAD_AND_FLATTEN' && 'Transformation LOAD_AND_FLATTEN',
    config.ManifestType !== undefined && `ManifestType ${config.ManifestType}`,
  ].filter((field): field is string => field !== false);
}

/** `Map.Item.Source` [documented, UNCONFIRMED by recordings]: the bucket alone for a listing, else the object read. */
function itemSource(spec: ItemReaderSpec | undefined): string {
  if (!spec) return STATE_DATA;
  return spec.resource === 'listObjectsV2' ? `S3://${spec.bucket}` : `S3://${spec.bucket}/${spec.key}`;
}

/**
 * [UNCONFIRMED] AWS documents no cause for an ItemSelector that fails on one item of a Distributed Map; the sandbox
 * keeps the error name and appends which item it was, so one bad CSV row among a million can be found.
 */
function selector(context: FieldContext, itemSelector: Payload, Source: string): (value: unknown, index: number) => Promise<unknown> {
  return async (Value, Index) => {
    try {
      return await evaluatePayload(itemSelector, context.input, context.run.evalScope({}, { Index, Value, Source }));
    } catch (err) {
      if (!(err instanceof StatesError)) throw err;
      const cause = `${err.cause ?? err.error} (ItemSelector, item index ${Index})`;
      throw err instanceof QueryEvaluationFailure ? new QueryEvaluationFailure(cause, err.location) : new StatesError(err.error, cause);
    }
  };
}

async function batcher(context: FieldContext): Promise<ItemBatcherConfig> {
  const config = context.state.ItemBatcher!;
  const resolve = (field: DynamicValue<number> | undefined, fromPath: FromPath) =>
    field ? numberField(context, field, 'integer', fromPath) : Promise.resolve(undefined);
  return resolveBatcherConfig({
    maxItemsPerBatch: await resolve(config.MaxItemsPerBatch, maxItemsPerBatchFromPath),
    maxInputBytesPerBatch: await resolve(config.MaxInputBytesPerBatch, maxInputBytesPerBatchFromPath),
    batchInput: config.BatchInput ? await evaluatePayload(config.BatchInput, context.input, context.scope) : undefined,
  });
}

async function writer(context: FieldContext): Promise<ResultWriterRequest | undefined> {
  const config = context.state.ResultWriter;
  if (!config) return undefined;
  const params = config.Parameters ? asObject(await evaluatePayload(config.Parameters, context.input, context.scope)) : undefined;
  return {
    s3: params ? { bucket: params.Bucket as string, prefix: params.Prefix as string | undefined } : undefined,
    outputType: config.WriterConfig?.OutputType ?? 'JSON',
    transformation: config.WriterConfig?.Transformation ?? 'NONE',
  };
}

function asObject(value: unknown): Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}
