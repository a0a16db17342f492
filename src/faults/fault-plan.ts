// A fault plan: which DynamoDB calls of the embedded endpoint fail, with which AWS error. Read from a JSON
// file or from SANDBOX_FAULTS (a path, or the JSON itself); the format is documented in ./README.md.
// Every problem is reported at load with the JSON location, before any request is served.
import { readFileSync } from 'node:fs';
import type { Env } from '../config/config';
import { describeJsonType, isPlainObject, jsonLocation, JsonLocatedError, type JsonSegment } from '../mocking/json-location';
import { DYNAMODB_FAULT_ERROR_NAMES, isDynamoDbFaultError, type DynamoDbFaultError } from './dynamodb-errors';
import { DYNAMODB_OPERATIONS } from './dynamodb-operations';

export const FAULTS_ENV = 'SANDBOX_FAULTS';

interface FaultRuleBase {
  readonly service: 'dynamodb';
  /** Undefined: every operation. */
  readonly operations?: ReadonlySet<string>;
  readonly error: DynamoDbFaultError;
  /** Replaces DynamoDB's message for this error. */
  readonly message?: string;
}

/** Fails a seeded fraction of the matching calls, or the listed call numbers (1-based, per operation). */
export type FaultRule = FaultRuleBase &
  ({ readonly rate: number; readonly calls?: undefined } | { readonly calls: ReadonlySet<number>; readonly rate?: undefined });

export interface FaultPlan {
  readonly source: string;
  readonly seed: number;
  /** The first rule that selects a call decides its error. */
  readonly rules: readonly FaultRule[];
}

export class FaultPlanError extends JsonLocatedError {
  override readonly name = 'FaultPlanError';
}

type Fail = (segments: readonly JsonSegment[], problem: string) => never;

const RULE_FIELDS = ['service', 'operations', 'error', 'message', 'rate', 'calls'];

export function parseFaultPlan(json: unknown, source: string): FaultPlan {
  const fail: Fail = (segments, problem) => {
    throw new FaultPlanError(source, jsonLocation(segments), problem);
  };
  if (!isPlainObject(json)) fail([], `a fault plan must be a JSON object with seed and rules, got ${describeJsonType(json)}`);
  const extra = Object.keys(json).find((key) => key !== 'seed' && key !== 'rules');
  if (extra !== undefined) fail([extra], 'unknown field (a fault plan holds seed and rules)');
  const seed = json.seed ?? 0;
  if (!Number.isSafeInteger(seed)) fail(['seed'], `must be an integer, got ${JSON.stringify(seed)}`);
  if (!Array.isArray(json.rules))
    fail(['rules'], json.rules === undefined ? 'required field is missing' : `must be an array of rules, got ${describeJsonType(json.rules)}`);
  return { source, seed: seed as number, rules: json.rules.map((rule, i) => parseRule(rule, ['rules', i], fail)) };
}

export function loadFaultPlan(path: string): FaultPlan {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (thrown) {
    throw new FaultPlanError(path, '', `cannot read the fault plan: ${(thrown as Error).message}`);
  }
  return parseFaultPlanText(text, path);
}

/** SANDBOX_FAULTS holds inline JSON when it starts with '{', otherwise a file path; unset/blank = no plan. */
export function faultPlanFromEnv(env: Env): FaultPlan | undefined {
  const value = env[FAULTS_ENV]?.trim();
  if (!value) return undefined;
  return value.startsWith('{') ? parseFaultPlanText(value, FAULTS_ENV) : loadFaultPlan(value);
}

function parseFaultPlanText(text: string, source: string): FaultPlan {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (thrown) {
    throw new FaultPlanError(source, '', `the fault plan is not valid JSON: ${(thrown as Error).message}`);
  }
  return parseFaultPlan(json, source);
}

function parseRule(raw: unknown, at: readonly JsonSegment[], fail: Fail): FaultRule {
  if (!isPlainObject(raw)) fail(at, `a rule must be an object, got ${describeJsonType(raw)}`);
  const extra = Object.keys(raw).find((key) => !RULE_FIELDS.includes(key));
  if (extra !== undefined) fail([...at, extra], `unknown field (a rule holds ${RULE_FIELDS.join(', ')})`);
  if (raw.service !== 'dynamodb') {
    fail([...at, 'service'], raw.service === undefined ? 'required field is missing' : `only "dynamodb" is supported, got ${JSON.stringify(raw.service)}`);
  }
  const base: FaultRuleBase = {
    service: 'dynamodb',
    ...(raw.operations !== undefined ? { operations: parseOperations(raw.operations, [...at, 'operations'], fail) } : {}),
    error: parseError(raw.error, [...at, 'error'], fail),
    ...(raw.message !== undefined ? { message: parseMessage(raw.message, [...at, 'message'], fail) } : {}),
  };
  if ((raw.rate === undefined) === (raw.calls === undefined)) fail(at, 'a rule needs exactly one of rate or calls');
  if (raw.rate !== undefined) return { ...base, rate: parseRate(raw.rate, [...at, 'rate'], fail) };
  return { ...base, calls: parseCalls(raw.calls, [...at, 'calls'], fail) };
}

function parseOperations(raw: unknown, at: readonly JsonSegment[], fail: Fail): ReadonlySet<string> {
  if (!Array.isArray(raw)) fail(at, `must be an array of DynamoDB operation names, got ${describeJsonType(raw)}`);
  if (raw.length === 0) fail(at, 'must list at least one operation (omit it to match every operation)');
  raw.forEach((name, i) => {
    if (typeof name !== 'string' || !DYNAMODB_OPERATIONS.has(name))
      fail([...at, i], `unknown DynamoDB operation ${JSON.stringify(name)} (e.g. "PutItem", "BatchWriteItem")`);
  });
  return new Set(raw as string[]);
}

function parseError(raw: unknown, at: readonly JsonSegment[], fail: Fail): DynamoDbFaultError {
  if (raw === undefined) fail(at, 'required field is missing');
  if (typeof raw !== 'string' || !isDynamoDbFaultError(raw))
    fail(at, `unsupported error ${JSON.stringify(raw)} (one of ${DYNAMODB_FAULT_ERROR_NAMES.join(', ')})`);
  return raw;
}

function parseMessage(raw: unknown, at: readonly JsonSegment[], fail: Fail): string {
  if (typeof raw !== 'string') fail(at, `must be a string, got ${describeJsonType(raw)}`);
  return raw;
}

function parseRate(raw: unknown, at: readonly JsonSegment[], fail: Fail): number {
  if (typeof raw !== 'number' || !(raw >= 0 && raw <= 1)) fail(at, `must be a number from 0 to 1, got ${JSON.stringify(raw)}`);
  return raw;
}

function parseCalls(raw: unknown, at: readonly JsonSegment[], fail: Fail): ReadonlySet<number> {
  if (!Array.isArray(raw) || raw.length === 0) fail(at, `must be a non-empty array of call numbers, got ${JSON.stringify(raw)}`);
  raw.forEach((call, i) => {
    if (!Number.isSafeInteger(call) || (call as number) < 1) fail([...at, i], `call numbers are positive integers (1-based), got ${JSON.stringify(call)}`);
  });
  return new Set(raw as number[]);
}
