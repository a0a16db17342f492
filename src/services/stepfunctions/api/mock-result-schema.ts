// TestState's `mock.fieldValidationMode` (https://docs.aws.amazon.com/step-functions/latest/dg/test-state-isolation.html):
// a mocked Task result is checked against the output shape of the API the Task calls. STRICT (the default)
// checks every field's type and that required fields are present; PRESENT checks the types of the fields
// given; NONE checks nothing. Shapes come from the SDK v3 clients' schemas for the services the sandbox
// integrates (DynamoDB, S3, Step Functions); other integrations (Lambda) are not checked. The SDK schemas carry
// no enum values, lengths or ranges, so AWS's "is not an expected value" / "minimum" checks are not made.
// Texts: AWS's recorded "Mock result schema validation error: …" messages.
import * as dynamodbSdk from '@aws-sdk/client-dynamodb';
import * as s3Sdk from '@aws-sdk/client-s3';
import * as sfnSdk from '@aws-sdk/client-sfn';
import type { ResolvedResource } from '../../../engine';
import { ValidationException } from './errors';

type Shape =
  | { readonly kind: 'string' | 'number' | 'boolean' | 'any' }
  | { readonly kind: 'list'; readonly member: () => Shape }
  | { readonly kind: 'map'; readonly value: () => Shape }
  | { readonly kind: 'structure'; readonly members: ReadonlyArray<readonly [string, () => Shape]>; readonly required: number };

const SDKS: Readonly<Record<string, Record<string, unknown>>> = { dynamodb: dynamodbSdk, s3: s3Sdk, sfn: sfnSdk };
const LIST = 0b0100_0000;
const MAP = 0b1000_0000;

/** Smithy's simple schema ids: strings, timestamps and blobs are JSON strings in a Task result. */
function simple(id: number): Shape {
  if (id & MAP) return { kind: 'map', value: () => simple(id & ~MAP) };
  if (id & LIST) return { kind: 'list', member: () => simple(id & ~LIST) };
  if (id === 1 || id === 17 || id === 19) return { kind: 'number' };
  if (id === 2) return { kind: 'boolean' };
  if (id === 15) return { kind: 'any' };
  return { kind: 'string' };
}

function shapeOf(ref: unknown): Shape {
  if (typeof ref === 'function') return shapeOf((ref as () => unknown)());
  if (typeof ref === 'number') return simple(ref);
  if (!Array.isArray(ref)) return { kind: 'any' };
  // A member reference with traits: [schema, traits].
  if (ref.length === 2) return shapeOf(ref[0]);
  switch (ref[0]) {
    case 0:
      return shapeOf(ref[4]);
    case 1:
      return { kind: 'list', member: () => shapeOf(ref[4]) };
    case 2:
      return { kind: 'map', value: () => shapeOf(ref[5]) };
    case 3:
    case 4: {
      const names = ref[4] as string[];
      const members = ref[5] as unknown[];
      // Task results name members as the service's JSON does, capitalised (Step Functions' `executionArn` → `ExecutionArn`).
      return {
        kind: 'structure',
        members: names.map((n, i) => [`${n[0].toUpperCase()}${n.slice(1)}`, () => shapeOf(members[i])] as const),
        required: ref[0] === 3 ? ((ref[6] as number | undefined) ?? 0) : 0,
      };
    }
    default:
      return { kind: 'any' };
  }
}

/** The output shape of the API a Task calls, when the sandbox knows it. */
function outputShape(resource: ResolvedResource): Shape | undefined {
  const service = resource.resourceType.replace(/^aws-sdk:/, '');
  let action = resource.resource;
  if (service === 'states') {
    if (!/^startExecution(\.sync(:2)?)?$/.test(action)) return undefined;
    // A .sync start returns the finished execution, DescribeExecution's shape.
    action = action === 'startExecution' ? 'startExecution' : 'describeExecution';
  }
  const sdk = SDKS[service === 'states' ? 'sfn' : service];
  const operation = sdk?.[`${action[0].toUpperCase()}${action.slice(1)}$`];
  return Array.isArray(operation) && operation[0] === 9 ? shapeOf(operation[5]) : undefined;
}

export type FieldValidationMode = 'STRICT' | 'PRESENT' | 'NONE';

export function validateMockResult(resource: ResolvedResource, result: unknown, mode: FieldValidationMode): void {
  if (mode === 'NONE' || resource.pattern === 'WAIT_FOR_TASK_TOKEN') return;
  const shape = outputShape(resource);
  if (shape) check(shape, result, undefined, mode === 'STRICT');
}

function fail(message: string): never {
  throw new ValidationException(`Mock result schema validation error: ${message}`);
}

const TYPE_WORDS = { string: 'a string', number: 'a number', boolean: 'a boolean', list: 'an array', map: 'an object', structure: 'an object' } as const;

function check(shape: Shape, value: unknown, field: string | undefined, strict: boolean): void {
  if (shape.kind === 'any' || value === null) return;
  const matches =
    shape.kind === 'list'
      ? Array.isArray(value)
      : shape.kind === 'map' || shape.kind === 'structure'
        ? typeof value === 'object' && !Array.isArray(value)
        : typeof value === shape.kind;
  // [UNCONFIRMED] wording for a mismatched root and for booleans and objects: only strings, numbers and arrays are recorded.
  if (!matches) fail(field === undefined ? `The mocked result must be ${TYPE_WORDS[shape.kind]}` : `Field '${field}' must be ${TYPE_WORDS[shape.kind]}`);
  if (shape.kind === 'list') for (const item of value as unknown[]) check(shape.member(), item, field, strict);
  if (shape.kind === 'map') for (const item of Object.values(value as object)) check(shape.value(), item, field, strict);
  if (shape.kind === 'structure') {
    const object = value as Record<string, unknown>;
    shape.members.forEach(([name, member], index) => {
      if (object[name] === undefined) {
        if (strict && index < shape.required) fail(`Required field '${name}' is missing`);
        return;
      }
      check(member(), object[name], name, strict);
    });
  }
}
