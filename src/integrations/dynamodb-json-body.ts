// The request body of a DynamoDB item call (PutItem, GetItem, DeleteItem, UpdateItem) sent in-process, written
// with JSON.stringify instead of the SDK's schema walk, which cost more main-thread CPU per row than any other
// single step of the pipeline (docs/performance.md, "Round 5"). Only inputs whose SDK text is certain are
// written here; for anything else (an unknown member, a binary value, a null, a non-string number) the caller
// falls back to the SDK's serializer, so the bytes a service receives never differ.
//
// Why JSON.stringify gives the SDK's bytes for these inputs (@smithy/core JsonShapeSerializer and
// @aws-sdk/dynamodb-codec, read at the versions in package-lock.json): the SDK writes a structure's members in
// its schema's order, skipping absent ones, with the same string escaping as JSON.stringify (\b \t \n \f \r,
// \" \\, \u00xx below 0x20, lone surrogates as lowercase \uXXXX, everything else as UTF-8); a map of strings with
// JSON.stringify itself; an AttributeValue as its one member (S, N as strings, SS, NS as arrays of strings,
// BOOL, NULL as booleans, M and L recursively). The member order is read once per operation from the SDK's own
// serializer (`memberOrder`), not written down here.
import { jsonBodyInOrder } from './json-body-in-order';

/** The members written here, by kind; any other member sends the input through the SDK's serializer. */
const MEMBER_KINDS: Readonly<Record<string, 'string' | 'boolean' | 'names' | 'values'>> = {
  TableName: 'string',
  Item: 'values',
  Key: 'values',
  ConditionExpression: 'string',
  UpdateExpression: 'string',
  ProjectionExpression: 'string',
  ExpressionAttributeNames: 'names',
  ExpressionAttributeValues: 'values',
  ReturnValues: 'string',
  ReturnConsumedCapacity: 'string',
  ReturnItemCollectionMetrics: 'string',
  ReturnValuesOnConditionCheckFailure: 'string',
  ConsistentRead: 'boolean',
};

/** The operations whose input members are all among MEMBER_KINDS or absent from real use of the optimized integration. */
export const FAST_BODY_OPERATIONS: ReadonlySet<string> = new Set(['PutItem', 'GetItem', 'DeleteItem', 'UpdateItem']);

/** A probe input with every member of MEMBER_KINDS, for reading the SDK's member order. */
export const MEMBER_PROBE: Readonly<Record<string, unknown>> = Object.fromEntries(
  Object.entries(MEMBER_KINDS).map(([name, kind]) => [
    name,
    kind === 'string' ? 'x' : kind === 'boolean' ? true : kind === 'names' ? { '#x': 'x' } : { x: { S: 'x' } },
  ]),
);

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value) && Object.getPrototypeOf(value) === Object.prototype;
}

const isStringArray = (value: unknown): boolean => Array.isArray(value) && value.every((item) => typeof item === 'string');

// The checks below walk every item of every row with for-in over own keys: Object.keys and Object.values built
// an array per attribute.

/** An object's only own key; undefined when it has none or several. */
function onlyKey(value: Record<string, unknown>): string | undefined {
  let only: string | undefined;
  for (const key in value) {
    if (!Object.hasOwn(value, key)) continue;
    if (only !== undefined) return undefined;
    only = key;
  }
  return only;
}

function isAttributeValue(value: unknown): boolean {
  if (!isPlainObject(value)) return false;
  const key = onlyKey(value);
  if (key === undefined) return false;
  const member = value[key];
  switch (key) {
    case 'S':
    case 'N':
      return typeof member === 'string';
    case 'SS':
    case 'NS':
      return isStringArray(member);
    case 'BOOL':
    case 'NULL':
      return typeof member === 'boolean';
    case 'M':
      return isAttributeMap(member);
    case 'L':
      return Array.isArray(member) && member.every(isAttributeValue);
    default:
      // B and BS: the SDK passes B text through but base64-encodes BS text again; left to it.
      return false;
  }
}

function isAttributeMap(value: unknown): boolean {
  if (!isPlainObject(value)) return false;
  for (const key in value) if (Object.hasOwn(value, key) && !isAttributeValue(value[key])) return false;
  return true;
}

function isMember(kind: (typeof MEMBER_KINDS)[string], value: unknown): boolean {
  switch (kind) {
    case 'string':
      return typeof value === 'string';
    case 'boolean':
      return typeof value === 'boolean';
    case 'names':
      return isPlainObject(value) && Object.values(value).every((name) => typeof name === 'string');
    case 'values':
      return isAttributeMap(value);
  }
}

/**
 * The SDK's request body for `input`, given the operation's member order; undefined when the SDK's serializer
 * must write it.
 */
export function dynamoDbJsonBody(input: Readonly<Record<string, unknown>>, memberOrder: readonly string[]): string | undefined {
  return jsonBodyInOrder(input, memberOrder, (name, value) => isMember(MEMBER_KINDS[name], value));
}
