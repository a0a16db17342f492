// Differential: for every input it writes, dynamoDbJsonBody must give the exact bytes the SDK's own serializer
// writes (the protocol object of a real DynamoDBClient), and it must decline (undefined) whatever it cannot
// write that way. The in-process send's end-to-end comparison is test/integrations/in-process-send.test.ts.
import { DeleteItemCommand, DynamoDBClient, GetItemCommand, PutItemCommand, UpdateItemCommand } from '@aws-sdk/client-dynamodb';
import { MEMBER_PROBE, dynamoDbJsonBody } from '../../src/integrations/dynamodb-json-body';
import { sdkSerializer, type CommandClass } from './support/sdk-serializer';

const client = new DynamoDBClient({ region: 'us-east-1', endpoint: 'http://127.0.0.1:1', credentials: { accessKeyId: 'a', secretAccessKey: 'b' } });
const serializer = sdkSerializer(client);
const sdkBody = (Command: CommandClass, input: object) => serializer.body(Command, input);
const memberOrder = (Command: CommandClass) => serializer.memberOrder(Command, MEMBER_PROBE);

const tricky = 'quote " backslash \\ tab \t newline \n nul \u0000 del \u007f é 日本 😀 lone \ud800 end \udc00 slash /';
const item = {
  pk: { S: 'ON1-2025-01-01' },
  n: { N: '123.45' },
  flag: { BOOL: false },
  nothing: { NULL: true },
  tags: { SS: ['a', tricky] },
  nums: { NS: ['1', '2.5'] },
  nested: { M: { [tricky]: { L: [{ S: 'x' }, { M: {} }, { L: [] }] } } },
  [tricky]: { S: tricky },
};

describe('dynamoDbJsonBody', () => {
  it.each([
    ['PutItem', PutItemCommand, { TableName: 'orders', Item: item }],
    [
      'PutItem, members in another order',
      PutItemCommand,
      {
        Item: item,
        ReturnValues: 'ALL_OLD',
        TableName: 'orders',
        ConditionExpression: 'attribute_not_exists(#p)',
        ExpressionAttributeNames: { '#p': 'pk', [tricky]: tricky },
      },
    ],
    ['GetItem', GetItemCommand, { ConsistentRead: true, Key: { pk: { S: 'a' } }, TableName: 'orders', ProjectionExpression: 'pk, n' }],
    ['DeleteItem', DeleteItemCommand, { TableName: 'orders', Key: { pk: { S: 'a' } }, ReturnConsumedCapacity: 'TOTAL', ReturnItemCollectionMetrics: 'SIZE' }],
    [
      'UpdateItem',
      UpdateItemCommand,
      {
        TableName: 'orders',
        Key: { pk: { S: 'a' } },
        UpdateExpression: 'SET n = n + :one',
        ExpressionAttributeValues: { ':one': { N: '1' }, ':m': { M: { a: { BOOL: true } } } },
        ReturnValues: 'ALL_NEW',
        ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
      },
    ],
    ['an empty item', PutItemCommand, { TableName: 'orders', Item: {} }],
  ])('writes the SDK bytes for %s', async (_, Command, input) => {
    const body = dynamoDbJsonBody(input, await memberOrder(Command));
    expect(body).toBeDefined();
    expect(Buffer.from(body as string, 'utf8').equals(Buffer.from(await sdkBody(Command as CommandClass, input), 'utf8'))).toBe(true);
  });

  it.each([
    ['an unknown member', { TableName: 'orders', Item: {}, Surprise: 1 }],
    ['a member of another operation', { TableName: 'orders', Item: {}, ConsistentRead: true }],
    ['a binary value', { TableName: 'orders', Item: { b: { B: 'AAE=' } } }],
    ['a binary set', { TableName: 'orders', Item: { b: { BS: ['AAE='] } } }],
    ['a number given as a number', { TableName: 'orders', Item: { n: { N: 1 } } }],
    ['an attribute value with two members', { TableName: 'orders', Item: { x: { S: 'a', N: '1' } } }],
    ['an empty attribute value', { TableName: 'orders', Item: { x: {} } }],
    ['a null attribute value', { TableName: 'orders', Item: { x: null } }],
    ['a null in a list', { TableName: 'orders', Item: { x: { L: [null] } } }],
    ['a null member', { TableName: 'orders', Item: {}, ConditionExpression: null }],
    ['an undefined member', { TableName: 'orders', Item: {}, ConditionExpression: undefined }],
    ['a table name that is not a string', { TableName: 7, Item: {} }],
    ['a non-string attribute name value', { TableName: 'orders', Item: {}, ExpressionAttributeNames: { '#a': 1 } }],
  ])('declines %s', async (_, input) => {
    expect(dynamoDbJsonBody(input as Record<string, unknown>, await memberOrder(PutItemCommand))).toBeUndefined();
  });
});
