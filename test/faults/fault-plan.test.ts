import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { faultPlanFromEnv, FaultPlanError, loadFaultPlan, parseFaultPlan } from '../../src/faults/fault-plan';

const EXAMPLE = {
  seed: 42,
  rules: [
    { service: 'dynamodb', operations: ['PutItem', 'BatchWriteItem'], rate: 0.2, error: 'ProvisionedThroughputExceededException' },
    { service: 'dynamodb', operations: ['PutItem'], calls: [3, 7], error: 'ThrottlingException', message: 'slow down' },
    { service: 'dynamodb', rate: 0.01, error: 'InternalServerError' },
  ],
};

function problemOf(json: unknown): string {
  try {
    parseFaultPlan(json, 'faults.json');
  } catch (thrown) {
    expect(thrown).toBeInstanceOf(FaultPlanError);
    return (thrown as Error).message;
  }
  throw new Error('expected a FaultPlanError');
}

const rule = (fields: Record<string, unknown>) => ({ rules: [{ service: 'dynamodb', error: 'ThrottlingException', rate: 0.5, ...fields }] });

describe('parseFaultPlan', () => {
  it('reads rates, call lists, operation filters and message overrides', () => {
    const plan = parseFaultPlan(EXAMPLE, 'faults.json');
    expect(plan.seed).toBe(42);
    expect(plan.rules[0]).toEqual({
      service: 'dynamodb',
      operations: new Set(['PutItem', 'BatchWriteItem']),
      rate: 0.2,
      error: 'ProvisionedThroughputExceededException',
    });
    expect(plan.rules[1]).toEqual({
      service: 'dynamodb',
      operations: new Set(['PutItem']),
      calls: new Set([3, 7]),
      error: 'ThrottlingException',
      message: 'slow down',
    });
    expect(plan.rules[2].operations).toBeUndefined();
  });

  it('defaults the seed to 0 and accepts an empty rule list', () => {
    expect(parseFaultPlan({ rules: [] }, 'x')).toEqual({ source: 'x', seed: 0, rules: [] });
  });

  it.each([
    [[], 'faults.json: a fault plan must be a JSON object with seed and rules, got an array'],
    [{ seed: 1 }, 'faults.json: rules: required field is missing'],
    [{ rules: {} }, 'faults.json: rules: must be an array of rules, got an object'],
    [{ seed: 1.5, rules: [] }, 'faults.json: seed: must be an integer, got 1.5'],
    [{ seed: '42', rules: [] }, 'faults.json: seed: must be an integer, got "42"'],
    [{ rules: [], faults: [] }, 'faults.json: faults: unknown field (a fault plan holds seed and rules)'],
    [{ rules: ['x'] }, 'faults.json: rules[0]: a rule must be an object, got a string'],
    [{ rules: [{ error: 'ThrottlingException', rate: 1 }] }, 'faults.json: rules[0].service: required field is missing'],
    [rule({ service: 's3' }), 'faults.json: rules[0].service: only "dynamodb" is supported, got "s3"'],
    [rule({ operations: 'PutItem' }), 'faults.json: rules[0].operations: must be an array of DynamoDB operation names, got a string'],
    [rule({ operations: [] }), 'faults.json: rules[0].operations: must list at least one operation (omit it to match every operation)'],
    [
      rule({ operations: ['PutItem', 'PutIten'] }),
      'faults.json: rules[0].operations[1]: unknown DynamoDB operation "PutIten" (e.g. "PutItem", "BatchWriteItem")',
    ],
    [rule({ error: undefined }), 'faults.json: rules[0].error: required field is missing'],
    [
      rule({ error: 'SlowDown' }),
      'faults.json: rules[0].error: unsupported error "SlowDown" (one of ProvisionedThroughputExceededException, ThrottlingException, RequestLimitExceeded, InternalServerError, ConditionalCheckFailedException, ValidationException)',
    ],
    [rule({ message: 5 }), 'faults.json: rules[0].message: must be a string, got a number'],
    [rule({ calls: [1] }), 'faults.json: rules[0]: a rule needs exactly one of rate or calls'],
    [rule({ rate: undefined }), 'faults.json: rules[0]: a rule needs exactly one of rate or calls'],
    [rule({ rate: 1.5 }), 'faults.json: rules[0].rate: must be a number from 0 to 1, got 1.5'],
    [rule({ rate: '0.2' }), 'faults.json: rules[0].rate: must be a number from 0 to 1, got "0.2"'],
    [rule({ rate: undefined, calls: [] }), 'faults.json: rules[0].calls: must be a non-empty array of call numbers, got []'],
    [rule({ rate: undefined, calls: [2, 0] }), 'faults.json: rules[0].calls[1]: call numbers are positive integers (1-based), got 0'],
    [rule({ rate: undefined, calls: [1.5] }), 'faults.json: rules[0].calls[0]: call numbers are positive integers (1-based), got 1.5'],
    [rule({ tables: ['orders'] }), 'faults.json: rules[0].tables: unknown field (a rule holds service, operations, error, message, rate, calls)'],
  ])('rejects %j', (json, message) => {
    expect(problemOf(json)).toBe(message);
  });
});

describe('loadFaultPlan / faultPlanFromEnv', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'fault-plan-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('loads a file, naming it in errors', () => {
    const file = join(dir, 'faults.json');
    writeFileSync(file, JSON.stringify(EXAMPLE));
    expect(loadFaultPlan(file).rules).toHaveLength(3);
    const missing = join(dir, 'missing.json');
    expect(() => loadFaultPlan(missing)).toThrow(`${missing}: cannot read the fault plan: ENOENT`);
    const broken = join(dir, 'broken.json');
    writeFileSync(broken, '{"rules": [');
    expect(() => loadFaultPlan(broken)).toThrow(`${broken}: the fault plan is not valid JSON:`);
  });

  it('takes SANDBOX_FAULTS as inline JSON or as a path', () => {
    const file = join(dir, 'env.json');
    writeFileSync(file, JSON.stringify(EXAMPLE));
    expect(faultPlanFromEnv({ SANDBOX_FAULTS: file })?.source).toBe(file);
    const inline = faultPlanFromEnv({ SANDBOX_FAULTS: ' {"seed": 7, "rules": []} ' });
    expect(inline).toEqual({ source: 'SANDBOX_FAULTS', seed: 7, rules: [] });
    expect(() => faultPlanFromEnv({ SANDBOX_FAULTS: '{"rules": [{}]}' })).toThrow('SANDBOX_FAULTS: rules[0].service: required field is missing');
    expect(faultPlanFromEnv({})).toBeUndefined();
    expect(faultPlanFromEnv({ SANDBOX_FAULTS: ' ' })).toBeUndefined();
  });
});
