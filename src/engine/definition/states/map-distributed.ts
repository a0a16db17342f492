// Distributed Map data fields (docs/aws-behaviour.md#item-readers, #item-batching, #resultwriter): ItemReader, ItemBatcher, ResultWriter. Parsed into
// typed nodes here; the Distributed Map runtime (deps.distributedMap) consumes them.
import { checkObjectFields } from '../allowed-fields';
import type { FieldReader } from '../field-reader';
import { at, type Json } from '../parse-context';
import type { ItemBatcher, ItemReader, ReaderConfig, ResultWriter } from '../types';
import { notRecognized } from './task';

const READER_ACTIONS = { 'arn:aws:states:::s3:getObject': 'getObject', 'arn:aws:states:::s3:listObjectsV2': 'listObjectsV2' } as const;
const WRITER_RESOURCE = 'arn:aws:states:::s3:putObject';
const PAYLOAD_KEYS = { JSONPath: 'Parameters', JSONata: 'Arguments' } as const;
const MAX_ITEMS = 100_000_000;
const MAX_BATCH_BYTES = 262_144;

function block(reader: FieldReader, raw: Json, key: string): [Json, FieldReader] | undefined {
  const value = reader.ctx.object(raw, key, reader.location);
  return value && [value, reader.nested(at(reader.location, key))];
}

function readerConfig(reader: FieldReader, raw: Json, action: ItemReader['action']): ReaderConfig {
  const { ctx } = reader;
  const found = block(reader, raw, 'ReaderConfig');
  if (!found) {
    if (action === 'getObject') ctx.requiredField(raw, 'ReaderConfig', reader.location);
    return {};
  }
  const [config, nested] = found;
  const loc = nested.location;
  checkObjectFields(
    ctx,
    config,
    [
      'InputType',
      'CSVHeaderLocation',
      'CSVHeaders',
      'CSVDelimiter',
      'MaxItems',
      'ItemsPointer',
      'Transformation',
      'ManifestType',
      ...(reader.language === 'JSONPath' ? ['MaxItemsPath'] : []),
    ],
    loc,
  );
  if (action === 'getObject') ctx.requiredField(config, 'InputType', loc);
  const headers = ctx.array(config, 'CSVHeaders', loc);
  if (headers?.some((h) => typeof h !== 'string')) ctx.error('CSVHeaders must be an array of strings', at(loc, 'CSVHeaders'));
  const headerLocation = ctx.oneOf(config, 'CSVHeaderLocation', loc, ['FIRST_ROW', 'GIVEN'] as const);
  if (headerLocation === 'GIVEN' && headers === undefined) ctx.requiredField(config, 'CSVHeaders', loc);
  return {
    InputType: ctx.oneOf(config, 'InputType', loc, ['CSV', 'JSON', 'JSONL', 'PARQUET', 'MANIFEST'] as const),
    CSVHeaderLocation: headerLocation,
    CSVHeaders: headers as string[] | undefined,
    CSVDelimiter: ctx.oneOf(config, 'CSVDelimiter', loc, ['COMMA', 'PIPE', 'SEMICOLON', 'SPACE', 'TAB'] as const),
    MaxItems: nested.number(config, 'MaxItems', { integer: true, min: 0, max: MAX_ITEMS }),
    ItemsPointer: ctx.string(config, 'ItemsPointer', loc),
    Transformation: ctx.oneOf(config, 'Transformation', loc, ['NONE', 'LOAD_AND_FLATTEN'] as const),
    ManifestType: ctx.oneOf(config, 'ManifestType', loc, ['ATHENA_DATA', 'S3_INVENTORY'] as const),
  };
}

export function parseItemReader(reader: FieldReader, raw: Json): ItemReader | undefined {
  const found = block(reader, raw, 'ItemReader');
  if (!found) return undefined;
  const [value, nested] = found;
  const { ctx } = reader;
  checkObjectFields(ctx, value, ['Resource', PAYLOAD_KEYS[reader.language], 'ReaderConfig'], nested.location);
  if (!ctx.requiredField(value, 'Resource', nested.location)) return undefined;
  const resource = ctx.string(value, 'Resource', nested.location) ?? '';
  const action = (READER_ACTIONS as Record<string, ItemReader['action']>)[resource];
  if (!action) ctx.error(notRecognized(resource), at(nested.location, 'Resource'));
  const Parameters = nested.payload(value, 'Parameters', 'Arguments');
  const ReaderConfig = readerConfig(nested, value, action ?? 'getObject');
  return action ? { Resource: resource, action, Parameters, ReaderConfig } : undefined;
}

export function parseItemBatcher(reader: FieldReader, raw: Json): ItemBatcher | undefined {
  const found = block(reader, raw, 'ItemBatcher');
  if (!found) return undefined;
  const [value, nested] = found;
  const allowed =
    reader.language === 'JSONPath'
      ? ['MaxItemsPerBatch', 'MaxItemsPerBatchPath', 'MaxInputBytesPerBatch', 'MaxInputBytesPerBatchPath', 'BatchInput']
      : ['MaxItemsPerBatch', 'MaxInputBytesPerBatch', 'BatchInput'];
  checkObjectFields(reader.ctx, value, allowed, nested.location);
  const MaxItemsPerBatch = nested.number(value, 'MaxItemsPerBatch', { integer: true, min: 1 });
  const MaxInputBytesPerBatch = nested.number(value, 'MaxInputBytesPerBatch', { integer: true, min: 1, max: MAX_BATCH_BYTES });
  if (!['MaxItemsPerBatch', 'MaxItemsPerBatchPath', 'MaxInputBytesPerBatch', 'MaxInputBytesPerBatchPath'].some((k) => value[k] !== undefined)) {
    // At least one maximum is required [DOC input-output-itembatcher; wording UNCONFIRMED].
    reader.ctx.error("ItemBatcher requires 'MaxItemsPerBatch' or 'MaxInputBytesPerBatch'", nested.location);
  }
  return { MaxItemsPerBatch, MaxInputBytesPerBatch, BatchInput: nested.payload(value, 'BatchInput', 'BatchInput') };
}

function writerConfig(reader: FieldReader, value: Json): ResultWriter['WriterConfig'] {
  const found = block(reader, value, 'WriterConfig');
  if (!found) return undefined;
  const [config, nested] = found;
  const { ctx } = reader;
  checkObjectFields(ctx, config, ['OutputType', 'Transformation'], nested.location);
  ctx.required(config, ['OutputType', 'Transformation'], nested.location);
  return {
    OutputType: ctx.oneOf(config, 'OutputType', nested.location, ['JSON', 'JSONL'] as const) ?? 'JSON',
    Transformation: ctx.oneOf(config, 'Transformation', nested.location, ['NONE', 'COMPACT', 'FLATTEN'] as const) ?? 'NONE',
  };
}

/** Valid shapes [DOC input-output-resultwriter]: WriterConfig alone; Resource + Parameters/Arguments; all three. */
export function parseResultWriter(reader: FieldReader, raw: Json): ResultWriter | undefined {
  const found = block(reader, raw, 'ResultWriter');
  if (!found) return undefined;
  const [value, nested] = found;
  const { ctx } = reader;
  const payloadKey = PAYLOAD_KEYS[reader.language];
  checkObjectFields(ctx, value, ['Resource', payloadKey, 'WriterConfig'], nested.location);
  const resource = ctx.string(value, 'Resource', nested.location);
  if (resource !== undefined && resource !== WRITER_RESOURCE) ctx.error(notRecognized(resource), at(nested.location, 'Resource'));
  if ((resource === undefined) !== (value[payloadKey] === undefined)) {
    ctx.error(`ResultWriter requires both 'Resource' and '${payloadKey}', or neither`, nested.location);
  }
  const WriterConfig = writerConfig(nested, value);
  if (resource === undefined && !WriterConfig) ctx.requiredField(value, 'WriterConfig', nested.location);
  return { Resource: resource, Parameters: nested.payload(value, 'Parameters', 'Arguments'), WriterConfig };
}
