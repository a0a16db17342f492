// Map (docs/aws-behaviour.md#map-state): ItemProcessor (or legacy Iterator), items from ItemsPath (JSONPath) / Items
// (JSONata), ItemSelector (or legacy Parameters), MaxConcurrency, and the DISTRIBUTED-only fields:
// ItemReader, ItemBatcher, ResultWriter, ToleratedFailure*, Label. Those are refused on an INLINE Map, except
// that AWS accepts ToleratedFailureCount / ToleratedFailurePercentage on an INLINE Map in JSONata; an INLINE Map
// still fails on its first failed iteration there [UNCONFIRMED: AWS documents the thresholds for DISTRIBUTED only].
import { isJsonataExpression } from '../../query/jsonata';
import { parseCatch, parseRetry } from '../error-handling';
import type { FieldReader } from '../field-reader';
import { at, type Json } from '../parse-context';
import type { MapState, Payload } from '../types';
import { parseItemBatcher, parseItemReader, parseResultWriter } from './map-distributed';
import { parseItemProcessor } from './map-processor';
import type { StateParser } from './state-parser';

const DISTRIBUTED_ONLY = [
  'ItemReader',
  'ItemBatcher',
  'ResultWriter',
  'Label',
  'ToleratedFailureCount',
  'ToleratedFailureCountPath',
  'ToleratedFailurePercentage',
  'ToleratedFailurePercentagePath',
];
const ACCEPTED_ON_INLINE_JSONATA = new Set(['ToleratedFailureCount', 'ToleratedFailurePercentage']);
// Recorded individually (docs/aws-behaviour.md#map-labels): whitespace, wildcards, brackets, punctuation and control characters.
const LABEL_INVALID = /[\s?*<>{}[\]:;,\\|^~$#%&`"\u0000-\u001f\u007f-\u009f]/u;

/** Recorded texts: "Label contains invalid character: '?'", "Label cannot be empty", "Label cannot exceed 40 characters". */
function label(reader: FieldReader, raw: Json): string | undefined {
  const value = reader.ctx.string(raw, 'Label', reader.location);
  if (value === undefined) return undefined;
  const location = at(reader.location, 'Label');
  const bad = LABEL_INVALID.exec(value);
  if (value.length === 0) reader.ctx.error('Label cannot be empty', location);
  else if ([...value].length > 40) reader.ctx.error('Label cannot exceed 40 characters', location);
  else if (bad) reader.ctx.error(`Label contains invalid character: '${bad[0]}'`, location);
  else return value;
  return undefined;
}

function itemSelector(reader: FieldReader, raw: Json): Payload | undefined {
  if (raw.ItemSelector !== undefined && raw.Parameters !== undefined) {
    reader.ctx.error("The fields 'ItemSelector' and 'Parameters' are mutually exclusive", reader.location);
  }
  const key = raw.ItemSelector !== undefined ? 'ItemSelector' : 'Parameters';
  return reader.payload(raw, key, key);
}

function items(reader: FieldReader, raw: Json): MapState['Items'] {
  const value = raw.Items;
  if (value !== undefined && !Array.isArray(value) && !isJsonataExpression(value)) {
    reader.ctx.error('Items must be a JSON array or a JSONata expression', at(reader.location, 'Items'));
    return undefined;
  }
  return reader.jsonata(raw, 'Items');
}

export const parseMap: StateParser<'Map'> = (raw, base, reader, programs): MapState => {
  const parsed = parseItemProcessor(reader, raw, base.location, programs);
  const distributed = parsed?.processor.Mode === 'DISTRIBUTED';
  if (parsed && !distributed) {
    for (const key of DISTRIBUTED_ONLY) {
      if (raw[key] === undefined || (reader.language === 'JSONata' && ACCEPTED_ON_INLINE_JSONATA.has(key))) continue;
      reader.ctx.error(`Field '${key}' is not supported`, base.location);
    }
  }
  return {
    ...base,
    Type: 'Map',
    ItemProcessor: parsed?.processor ?? { StartAt: '', States: {}, location: at(base.location, 'ItemProcessor'), Mode: 'INLINE' },
    ItemsPath: reader.path(raw, 'ItemsPath') ?? undefined,
    Items: reader.language === 'JSONata' ? items(reader, raw) : undefined,
    ItemSelector: itemSelector(reader, raw),
    MaxConcurrency: reader.number(raw, 'MaxConcurrency', { integer: true, min: 0 }),
    ToleratedFailureCount: reader.number(raw, 'ToleratedFailureCount', { integer: true, min: 0 }),
    ToleratedFailurePercentage: reader.number(raw, 'ToleratedFailurePercentage', { integer: false, min: 0, max: 100 }),
    Label: label(reader, raw),
    ItemReader: distributed ? parseItemReader(reader, raw) : undefined,
    ItemBatcher: distributed ? parseItemBatcher(reader, raw) : undefined,
    ResultWriter: distributed ? parseResultWriter(reader, raw) : undefined,
    childDefinition: parsed?.childDefinition,
    Retry: parseRetry(reader, raw),
    Catch: parseCatch(reader, raw),
  };
};
