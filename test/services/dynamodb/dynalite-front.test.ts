// The front (src/services/dynamodb/dynalite-front.ts) against dynalite's own request listener: the same answers
// for the same requests, whether the front answers them or leaves them to the listener, and exactly the plain
// requests taken by the front.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import * as zlib from 'node:zlib';
import type { DynaliteAnswer, DynaliteRequestHead } from '../../../src/services/dynamodb/dynalite-exchange';
import { FRONT_OPERATIONS, plainRequest } from '../../../src/services/dynamodb/dynalite-front';
import { openDynaliteHost, type DynaliteHost } from '../../../src/services/dynamodb/dynalite-host';
import { comparableAnswer } from './support/comparable-answer';
import { dynamoRequestHead } from './support/dynamo-request';

const HOST_OPTIONS = { createTableMs: 0, deleteTableMs: 0, updateTableMs: 0, region: 'eu-west-1', accountId: '123456789012' };

type HeadChange = (head: DynaliteRequestHead) => DynaliteRequestHead;

const withHeaders =
  (change: Record<string, string | undefined>): HeadChange =>
  (head) => {
    const headers: Record<string, string> = { ...head.headers };
    for (const [name, value] of Object.entries(change)) {
      if (value === undefined) delete headers[name];
      else headers[name] = value;
    }
    return { ...head, headers };
  };

interface Step {
  readonly operation: string;
  /** A value sent as JSON, or a string sent as it is. */
  readonly body: unknown;
  readonly head?: HeadChange;
  /** Whether the front itself answers this request (the others go to dynalite's listener). */
  readonly plain: boolean;
}

const step = (operation: string, body: unknown, options: { head?: HeadChange; plain?: boolean } = {}): Step => ({
  operation,
  body,
  head: options.head,
  plain: options.plain ?? true,
});

const TABLE = 'orders';
const KEY_SCHEMA = {
  KeySchema: [
    { AttributeName: 'pk', KeyType: 'HASH' },
    { AttributeName: 'sk', KeyType: 'RANGE' },
  ],
  AttributeDefinitions: [
    { AttributeName: 'pk', AttributeType: 'S' },
    { AttributeName: 'sk', AttributeType: 'N' },
    { AttributeName: 'status', AttributeType: 'S' },
  ],
  GlobalSecondaryIndexes: [{ IndexName: 'by-status', KeySchema: [{ AttributeName: 'status', KeyType: 'HASH' }], Projection: { ProjectionType: 'ALL' } }],
  BillingMode: 'PAY_PER_REQUEST',
};
const item = (pk: string, sk: number, extra: Record<string, unknown> = {}) => ({ pk: { S: pk }, sk: { N: String(sk) }, ...extra });

/** Every kind of answer: table life cycle, writes, reads, modeled and validation errors, and requests that are not plain. */
const SCRIPT: readonly Step[] = [
  step('CreateTable', { TableName: TABLE, ...KEY_SCHEMA }),
  step('DescribeTable', { TableName: TABLE }),
  step('ListTables', {}),
  step('PutItem', {
    TableName: TABLE,
    Item: item('a', 1, {
      status: { S: 'new' },
      text: { S: 'café ☕ 😀 "quoted" \\ back\nslash \u2028' },
      amount: { N: '001.50' },
      tags: { SS: ['x', 'y'] },
      map: { M: { list: { L: [{ BOOL: true }, { NULL: true }, { NS: ['1', '2.0'] }] } } },
    }),
  }),
  // A lone surrogate, as JSON text (JSON.stringify would escape it the same way).
  step('PutItem', `{"TableName":"${TABLE}","Item":{"pk":{"S":"lone \\ud800"},"sk":{"N":"2"}}}`),
  step('PutItem', { TableName: TABLE, Item: item('a', 1, { status: { S: 'seen' } }), ReturnValues: 'ALL_OLD', ReturnConsumedCapacity: 'INDEXES' }),
  step('PutItem', { TableName: TABLE, Item: item('a', 1), ConditionExpression: 'attribute_not_exists(pk)' }),
  step('PutItem', { TableName: TABLE, Item: item('a', 1), ConditionExpression: 'attribute_not_exists(pk)', ReturnValuesOnConditionCheckFailure: 'ALL_OLD' }),
  step('PutItem', { TableName: 'missing', Item: item('a', 1) }),
  step('PutItem', { TableName: 'x', Item: item('a', 1) }),
  step('PutItem', { TableName: TABLE, Item: 'not a map' }),
  step('PutItem', { TableName: TABLE, Item: { pk: { S: 'no sort key' } } }),
  step('PutItem', { TableName: TABLE, Item: item('a', 1, { bad: { N: 'twelve' } }) }),
  step('PutItem', { TableName: TABLE, Item: item('a', 1), Unknown: 'member' }),
  step('UpdateItem', {
    TableName: TABLE,
    Key: { pk: { S: 'a' }, sk: { N: '1' } },
    UpdateExpression: 'SET amount = amount + :one',
    ExpressionAttributeValues: { ':one': { N: '1' } },
    ReturnValues: 'ALL_NEW',
  }),
  step('UpdateItem', { TableName: TABLE, Key: { pk: { S: 'a' }, sk: { N: '1' } }, UpdateExpression: 'SET #missing = :v' }),
  step('BatchWriteItem', {
    RequestItems: {
      [TABLE]: [1, 2, 3].map((i) => ({
        PutRequest: { Item: item('b', i, { status: { S: 'new' }, bin: { B: Buffer.from(`bytes ${i}`).toString('base64') } }) },
      })),
    },
  }),
  // One key found and one not: the order of several found items is not fixed (AWS does not promise one either).
  step('BatchGetItem', { RequestItems: { [TABLE]: { Keys: [1, 9].map((i) => ({ pk: { S: 'b' }, sk: { N: String(i) } })) } } }),
  step('GetItem', { TableName: TABLE, Key: { pk: { S: 'b' }, sk: { N: '2' } }, ReturnConsumedCapacity: 'TOTAL' }),
  step('Query', { TableName: TABLE, KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': { S: 'b' } }, ScanIndexForward: false, Limit: 2 }),
  step('Query', {
    TableName: TABLE,
    IndexName: 'by-status',
    KeyConditionExpression: '#s = :s',
    ExpressionAttributeNames: { '#s': 'status' },
    ExpressionAttributeValues: { ':s': { S: 'new' } },
  }),
  step('Scan', { TableName: TABLE, Select: 'COUNT' }),
  step('Scan', { TableName: TABLE, FilterExpression: 'begins_with(pk, :p)', ExpressionAttributeValues: { ':p': { S: 'lone' } } }),
  step('DeleteItem', { TableName: TABLE, Key: { pk: { S: 'b' }, sk: { N: '3' } }, ReturnValues: 'ALL_OLD' }),
  step('DescribeTimeToLive', { TableName: TABLE }),
  step('TagResource', { ResourceArn: `arn:aws:dynamodb:eu-west-1:123456789012:table/${TABLE}`, Tags: [{ Key: 'team', Value: 'data' }] }),
  step('ListTagsOfResource', { ResourceArn: `arn:aws:dynamodb:eu-west-1:123456789012:table/${TABLE}` }),
  step('UpdateTable', { TableName: TABLE, BillingMode: 'PROVISIONED', ProvisionedThroughput: { ReadCapacityUnits: 5, WriteCapacityUnits: 5 } }),
  // The older API version and plain JSON are dynalite's too; the answer echoes the content type.
  step('DescribeTable', { TableName: TABLE }, { head: withHeaders({ 'x-amz-target': 'DynamoDB_20111205.DescribeTable' }) }),
  step('GetItem', { TableName: TABLE, Key: { pk: { S: 'b' }, sk: { N: '1' } } }, { head: withHeaders({ 'content-type': 'application/json; charset=utf-8' }) }),
  step(
    'GetItem',
    { TableName: TABLE, Key: { pk: { S: 'b' }, sk: { N: '1' } } },
    { head: withHeaders({ 'x-amz-date': undefined, date: 'Sat, 05 Dec 2026 00:00:00 GMT' }) },
  ),
  // Not plain: each is answered by dynalite's listener.
  step('PutItem', '{"TableName": "orders", "Item": ', { plain: false }),
  step('PutItem', '', { plain: false }),
  step('PutItem', '[1]', { plain: false }),
  step('PutItem', 'null', { plain: false }),
  step('Scan', { TableName: TABLE }, { head: withHeaders({ authorization: undefined }), plain: false }),
  step('Scan', { TableName: TABLE }, { head: withHeaders({ authorization: 'AWS4-HMAC-SHA256 Credential=a/b, SignedHeaders=host' }), plain: false }),
  step('Scan', { TableName: TABLE }, { head: withHeaders({ authorization: 'AWS4-HMAC-SHA256 Credential=, SignedHeaders=host, Signature=00' }), plain: false }),
  step('Scan', { TableName: TABLE }, { head: withHeaders({ authorization: 'AWS AKIA:signature' }), plain: false }),
  step('Scan', { TableName: TABLE }, { head: withHeaders({ 'x-amz-date': undefined }), plain: false }),
  step('Scan', { TableName: TABLE }, { head: withHeaders({ 'x-amz-date': '' }), plain: false }),
  step('Scan', { TableName: TABLE }, { head: withHeaders({ 'x-amz-target': 'DynamoDB_20120810.Frobnicate' }), plain: false }),
  step('Scan', { TableName: TABLE }, { head: withHeaders({ 'x-amz-target': 'DynamoDB_20990101.Scan' }), plain: false }),
  step('Scan', { TableName: TABLE }, { head: withHeaders({ 'x-amz-target': 'Scan' }), plain: false }),
  step('Scan', { TableName: TABLE }, { head: withHeaders({ 'content-type': 'text/plain' }), plain: false }),
  step('Scan', { TableName: TABLE }, { head: withHeaders({ origin: 'http://localhost:3000' }), plain: false }),
  step('Scan', { TableName: TABLE }, { head: (head) => ({ ...head, url: '/?X-Amz-Algorithm=AWS4-HMAC-SHA256' }), plain: false }),
  step('Scan', { TableName: TABLE }, { head: (head) => ({ ...head, method: 'GET' }), plain: false }),
  step('DeleteTable', { TableName: TABLE }),
  step('DescribeTable', { TableName: TABLE }),
];

const requestOf = (s: Step): { head: DynaliteRequestHead; body: Buffer } => {
  const head = dynamoRequestHead(s.operation, 'eu-west-1');
  return { head: s.head ? s.head(head) : head, body: Buffer.from(typeof s.body === 'string' ? s.body : JSON.stringify(s.body)) };
};

/** dynalite throws on a few bodies (`null`: its type check reads a member of it); the service answers those 500. */
const REJECTED: DynaliteAnswer = { status: -1, headers: {}, body: Buffer.alloc(0) };

async function runScript(front: boolean): Promise<DynaliteAnswer[]> {
  const host: DynaliteHost = await openDynaliteHost(HOST_OPTIONS, { front });
  try {
    const answers = [];
    for (const s of SCRIPT) {
      const { head, body } = requestOf(s);
      answers.push(await host.serve(head, body).catch(() => REJECTED));
    }
    return answers;
  } finally {
    await host.close();
  }
}

describe('dynalite front', () => {
  let viaFront: DynaliteAnswer[];
  let viaListener: DynaliteAnswer[];
  beforeAll(async () => {
    viaFront = await runScript(true);
    viaListener = await runScript(false);
  });

  it('answers every request as dynalite’s own listener does', () => {
    const comparable = (answer: DynaliteAnswer) => (answer === REJECTED ? 'rejected' : comparableAnswer(answer));
    expect(viaFront.map(comparable)).toEqual(viaListener.map(comparable));
    // The script reaches successes, modeled errors, validation and serialization errors, and the listener's own answers.
    const statuses = viaListener.map((a) => a.status);
    expect(statuses.filter((s) => s === 200).length).toBeGreaterThan(20);
    const bodies = viaListener.map((a) => a.body.toString());
    for (const expected of [
      'ConditionalCheckFailedException',
      'ResourceNotFoundException',
      'ValidationException',
      'SerializationException',
      'MissingAuthenticationTokenException',
      'IncompleteSignatureException',
      'UnknownOperationException',
      'InvalidSignatureException',
      'healthy: dynamodb',
    ])
      expect(bodies.some((b) => b.includes(expected))).toBe(true);
    expect(bodies.some((b) => b.includes('"lone \\ud800"'))).toBe(true);
    expect(viaListener.filter((a) => a === REJECTED)).toHaveLength(1);
  });

  it('sends exactly the plain requests to dynalite’s validations, every other one to its listener', () => {
    for (const s of SCRIPT) {
      const { head, body } = requestOf(s);
      expect({ step: `${s.operation} ${String(s.body).slice(0, 20)}`, plain: plainRequest(head, body) !== undefined }).toEqual({
        step: `${s.operation} ${String(s.body).slice(0, 20)}`,
        plain: s.plain,
      });
    }
  });

  it('declines a request without authorization also before it has accepted any', () => {
    jest.isolateModules(() => {
      // eslint-disable-next-line @typescript-eslint/no-require-imports -- a fresh copy of the module, with nothing accepted yet
      const fresh = require('../../../src/services/dynamodb/dynalite-front') as typeof import('../../../src/services/dynamodb/dynalite-front');
      const { head, body } = requestOf(step('Scan', { TableName: TABLE }, { head: withHeaders({ authorization: undefined }) }));
      expect(fresh.plainRequest(head, body)).toBeUndefined();
      const signed = requestOf(step('Scan', { TableName: TABLE }));
      expect(fresh.plainRequest(signed.head, signed.body)).toBeDefined();
      expect(fresh.plainRequest(head, body)).toBeUndefined();
    });
  });

  it('frames its answers as dynalite does: CRC-32 and length of the body, a 52-character request id', () => {
    viaFront.forEach((answer, i) => {
      if (answer === REJECTED) return;
      expect(Object.keys(answer.headers)).toEqual(Object.keys(viaListener[i].headers));
      if (!SCRIPT[i].plain) return;
      expect(answer.headers['x-amz-crc32']).toBe(String(zlib.crc32(answer.body)));
      expect(answer.headers['content-length']).toBe(String(answer.body.length));
      expect(answer.headers['x-amzn-requestid']).toMatch(/^[A-Z0-9]{52}$/);
    });
  });

  it('draws a fresh request id for every answer, across refills of its random pool', async () => {
    const host = await openDynaliteHost(HOST_OPTIONS);
    try {
      const { head, body } = requestOf(step('ListTables', {}));
      const ids = new Set<string>();
      for (let i = 0; i < 1200; i++) ids.add((await host.serve(head, body)).headers['x-amzn-requestid']);
      expect(ids.size).toBe(1200);
    } finally {
      await host.close();
    }
  });

  it('knows only operations dynalite has an action and a validation for', () => {
    const root = dirname(require.resolve('dynalite/package.json'));
    for (const operation of FRONT_OPERATIONS) {
      const name = operation[0].toLowerCase() + operation.slice(1);
      expect([operation, existsSync(join(root, 'actions', `${name}.js`)), existsSync(join(root, 'validations', `${name}.js`))]).toEqual([
        operation,
        true,
        true,
      ]);
    }
  });
});
