// The in-process send's shortcuts for DynamoDB item calls (src/integrations/in-process-send.ts), against the
// SDK's own protocol object: each request body is written without the SDK's serializer, and a `{}` answer
// becomes an output without the SDK's deserializer. Both must give exactly what the SDK gives. The end-to-end
// comparison of the two paths is test/integrations/in-process-send.test.ts.
import { DeleteItemCommand, DynamoDBClient, GetItemCommand, PutItemCommand, UpdateItemCommand } from '@aws-sdk/client-dynamodb';
import { HttpResponse, type HttpRequest } from '@smithy/protocol-http';
import type { MetadataBearer } from '@smithy/types';
import type { InProcessTransport } from '../../src/config/clients';
import { sendInProcess } from '../../src/integrations/in-process-send';
import { rawHttpOf } from '../../src/integrations/raw-http';

interface Protocol {
  setSerdeContext(context: object): void;
  serializeRequest(operation: object, input: object, context: object): Promise<HttpRequest>;
  deserializeResponse(operation: object, context: object, response: HttpResponse): Promise<MetadataBearer>;
}

type CommandClass = new (input: never) => { schema?: unknown; input: object };

function operationOf(Command: CommandClass) {
  const [, namespace, name, traits, input, output] = new Command({} as never).schema as unknown[];
  return { namespace, name, traits, input, output };
}

/** A fresh client (so no member order is known yet) and its protocol, as the SDK sets it up. */
function dynamoDb() {
  const client = new DynamoDBClient({ region: 'eu-west-1', endpoint: 'http://127.0.0.1:4566', credentials: { accessKeyId: 'a', secretAccessKey: 'b' } });
  const protocol = client.config.protocol as unknown as Protocol;
  protocol.setSerdeContext(client.config);
  return { client, protocol, context: { ...client.config } };
}

const bodyText = (body: unknown) => {
  const bytes = body as Uint8Array;
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
};

/** What a service sees of a request. */
const seen = (request: HttpRequest) => ({
  method: request.method,
  protocol: request.protocol,
  hostname: request.hostname,
  port: request.port,
  path: request.path,
  query: request.query,
  headers: request.headers,
  body: bodyText(request.body),
  type: Object.getPrototypeOf(request) as unknown,
});

function answering(answer: () => HttpResponse) {
  const requests: HttpRequest[] = [];
  const transport: InProcessTransport = {
    signingRegion: 'eu-west-1',
    signingService: 'dynamodb',
    // Stands in for the in-process signer, which adds headers to the request it is given.
    signer: {
      sign: (request: HttpRequest) => {
        request.headers.authorization = 'AWS4-HMAC-SHA256 Credential=a/20261205/eu-west-1/dynamodb/aws4_request, SignedHeaders=host, Signature=in-process';
        return Promise.resolve(request);
      },
    },
    requestHandler: {
      handle: (request: HttpRequest) => {
        requests.push(request);
        return Promise.resolve({ response: answer() });
      },
    },
  };
  return { transport, requests };
}

const response = (body: string) =>
  new HttpResponse({
    statusCode: 200,
    headers: { 'x-amzn-requestid': 'REQ123', 'x-amz-crc32': '2745614147', 'content-type': 'application/x-amz-json-1.0', 'content-length': String(body.length) },
    body: Buffer.from(body),
  });

const CALLS: ReadonlyArray<readonly [string, CommandClass, object, object]> = [
  [
    'PutItem',
    PutItemCommand,
    { TableName: 'orders', Item: { pk: { S: 'a' }, n: { N: '1' } } },
    { TableName: 'orders', Item: { pk: { S: 'b' } }, ReturnValues: 'NONE' },
  ],
  ['GetItem', GetItemCommand, { TableName: 'orders', Key: { pk: { S: 'a' } } }, { TableName: 'orders', Key: { pk: { S: 'b' } }, ConsistentRead: true }],
  ['DeleteItem', DeleteItemCommand, { TableName: 'orders', Key: { pk: { S: 'a' } } }, { TableName: 'other', Key: { pk: { S: 'b' } } }],
  [
    'UpdateItem',
    UpdateItemCommand,
    { TableName: 'orders', Key: { pk: { S: 'a' } }, UpdateExpression: 'SET n = :n', ExpressionAttributeValues: { ':n': { N: '2' } } },
    { TableName: 'orders', Key: { pk: { S: 'b' } }, UpdateExpression: 'REMOVE n' },
  ],
];

describe('in-process send of DynamoDB item calls', () => {
  it.each(CALLS)('%s: every request is the one the SDK serializer writes, the first and the later ones', async (_, Command, first, second) => {
    const { client, protocol, context } = dynamoDb();
    const { transport, requests } = answering(() => response('{}'));
    for (const input of [first, second, first]) await sendInProcess(client, transport, new Command(input as never));
    const expected = await Promise.all(
      [first, second, first].map(async (input) => {
        const request = await protocol.serializeRequest(operationOf(Command), input, context);
        request.headers['content-length'] = String((request.body as Uint8Array).byteLength);
        return request;
      }),
    );
    // The signer's header is on each request sent, not carried into the next one.
    for (const request of requests) expect(request.headers.authorization).toContain('Signature=in-process');
    for (const request of requests) delete request.headers.authorization;
    expect(requests.map(seen)).toEqual(expected.map(seen));
  });

  it.each(CALLS)('%s: a `{}` answer gives the output the SDK deserializer gives, without calling it', async (_, Command, input) => {
    const { client, protocol, context } = dynamoDb();
    const { transport } = answering(() => response('{}'));
    const deserialize = jest.spyOn(protocol, 'deserializeResponse');
    const output = await sendInProcess(client, transport, new Command(input as never));
    expect(deserialize).not.toHaveBeenCalled();
    deserialize.mockRestore();
    const sdk = await protocol.deserializeResponse(operationOf(Command), context, response('{}'));
    expect(output).toEqual(sdk);
    expect(Object.keys(output)).toEqual(Object.keys(sdk));
    expect(Object.keys(output.$metadata)).toEqual(Object.keys(sdk.$metadata));
    expect(output.$metadata.requestId).toBe('REQ123');
    expect(rawHttpOf(output)).toEqual({ statusCode: 200, headers: response('{}').headers });
  });

  it('leaves every other answer to the SDK deserializer', async () => {
    const { client, protocol } = dynamoDb();
    const bodies = ['{"ConsumedCapacity":{"TableName":"orders","CapacityUnits":1}}', '{"Attributes":{"pk":{"S":"a"}}}', '{ }'];
    for (const body of bodies) {
      const { transport } = answering(() => response(body));
      const deserialize = jest.spyOn(protocol, 'deserializeResponse');
      const output = await sendInProcess(client, transport, new PutItemCommand({ TableName: 'orders', Item: { pk: { S: 'a' } } }));
      expect(deserialize).toHaveBeenCalledTimes(1);
      deserialize.mockRestore();
      expect(output.$metadata.httpStatusCode).toBe(200);
    }
  });
});
