// Retry and Catch declarations (docs/aws-behaviour.md#retry-and-catch). Retrier numbers are literals in both query languages
// (AWS does not document `{% %}` there [UNCONFIRMED]); `States.ALL` must stand alone and come last.
import { StatesErrorName } from '../errors/states-error';
import { isJsonObject } from '../query/common/json-object';
import { checkObjectFields } from './allowed-fields';
import type { FieldReader } from './field-reader';
import { at } from './parse-context';
import type { Catcher, CatcherIO, Retrier } from './types';

const RETRIER_FIELDS = ['ErrorEquals', 'IntervalSeconds', 'MaxAttempts', 'BackoffRate', 'MaxDelaySeconds', 'JitterStrategy', 'Comment'];
const CATCHER_FIELDS = {
  JSONPath: ['ErrorEquals', 'Next', 'ResultPath', 'Assign', 'Comment'],
  JSONata: ['ErrorEquals', 'Next', 'Output', 'Assign', 'Comment'],
};
const MAX = 99999999;

function errorEquals(reader: FieldReader, raw: Record<string, unknown>, location: string): string[] | undefined {
  const list = reader.ctx.array(raw, 'ErrorEquals', location);
  if (!list) return undefined;
  if (list.length === 0 || list.some((name) => typeof name !== 'string')) {
    reader.ctx.error('ErrorEquals must be a non-empty array of error names', at(location, 'ErrorEquals'));
    return undefined;
  }
  return list as string[];
}

/** `States.ALL` must be the only name of its list and appear in the last entry (wording [UNCONFIRMED]). */
function checkStatesAll(reader: FieldReader, lists: readonly (readonly string[] | undefined)[], field: string): void {
  lists.forEach((names, i) => {
    if (!names?.includes(StatesErrorName.ALL)) return;
    const location = at(at(reader.location, field), i);
    if (names.length > 1) reader.ctx.error(`${StatesErrorName.ALL} must appear alone in ErrorEquals`, at(location, 'ErrorEquals'));
    if (i !== lists.length - 1) reader.ctx.error(`${StatesErrorName.ALL} must appear in the last ${field} entry`, location);
  });
}

function entries(reader: FieldReader, raw: Record<string, unknown>, field: string): [Record<string, unknown>, string][] {
  const list = reader.ctx.array(raw, field, reader.location) ?? [];
  const result: [Record<string, unknown>, string][] = [];
  list.forEach((item, i) => {
    const location = at(at(reader.location, field), i);
    if (isJsonObject(item)) result.push([item, location]);
    else reader.ctx.error('Expected value of type Object', location);
  });
  return result;
}

export function parseRetry(reader: FieldReader, raw: Record<string, unknown>): Retrier[] {
  const { ctx } = reader;
  const parsed = entries(reader, raw, 'Retry').map(([item, location]) => {
    checkObjectFields(ctx, item, RETRIER_FIELDS, location);
    ctx.required(item, ['ErrorEquals'], location);
    const names = errorEquals(reader, item, location);
    const retrier: Retrier = {
      ErrorEquals: names ?? [],
      IntervalSeconds: ctx.integer(item, 'IntervalSeconds', location, 1, MAX) ?? 1,
      MaxAttempts: ctx.integer(item, 'MaxAttempts', location, 0, MAX) ?? 3,
      BackoffRate: ctx.number(item, 'BackoffRate', location, 1.0) ?? 2.0,
      MaxDelaySeconds: ctx.integer(item, 'MaxDelaySeconds', location, 1, MAX),
      JitterStrategy: ctx.oneOf(item, 'JitterStrategy', location, ['FULL', 'NONE'] as const) ?? 'NONE',
    };
    return { retrier, names };
  });
  checkStatesAll(
    reader,
    parsed.map((p) => p.names),
    'Retry',
  );
  return parsed.map((p) => p.retrier);
}

function catcherIO(reader: FieldReader, item: Record<string, unknown>): CatcherIO {
  if (reader.language === 'JSONata') {
    return { QueryLanguage: 'JSONata', Output: reader.jsonata(item, 'Output'), Assign: reader.jsonata(item, 'Assign') };
  }
  return {
    QueryLanguage: 'JSONPath',
    ResultPath: reader.resultPath(item),
    Assign: reader.payloadTemplate(item, 'Assign'),
  };
}

export function parseCatch(reader: FieldReader, raw: Record<string, unknown>): Catcher[] {
  const { ctx } = reader;
  const parsed = entries(reader, raw, 'Catch').map(([item, location]) => {
    checkObjectFields(ctx, item, CATCHER_FIELDS[reader.language], location);
    ctx.required(item, ['ErrorEquals', 'Next'], location);
    const names = errorEquals(reader, item, location);
    const catcher: Catcher = {
      ErrorEquals: names ?? [],
      Next: ctx.string(item, 'Next', location) ?? '',
      io: catcherIO(reader.nested(location), item),
    };
    return { catcher, names };
  });
  checkStatesAll(
    reader,
    parsed.map((p) => p.names),
    'Catch',
  );
  return parsed.map((p) => p.catcher);
}
