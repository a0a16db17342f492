// createClients' maxSockets: requests over HTTP may use that many connections at once (the SDK's default is 50),
// which the engine needs when a Distributed Map's children write to a DynamoDB it does not host.
import { GetItemCommand } from '@aws-sdk/client-dynamodb';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createClients } from '../../src/config/clients';
import { configFromEnv } from '../../src/config/config';
import { serve } from '../support/serve';

/** Holds every request until `wanted` connections are open at the same time, then answers them all. */
async function startGate(wanted: number) {
  const held: ServerResponse[] = [];
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    req.resume();
    held.push(res);
    if (held.length === wanted) for (const r of held) r.writeHead(200, { 'content-type': 'application/x-amz-json-1.0' }).end('{}');
  });
  const { url, close } = await serve(server);
  return { url, close };
}

it('lets more than the default 50 requests be in flight at once', async () => {
  const wanted = 80;
  const gate = await startGate(wanted);
  const clients = createClients(configFromEnv({ AWS_ENDPOINT_URL: gate.url }), { maxSockets: wanted, maxAttempts: 1 });
  try {
    const calls = Array.from({ length: wanted }, (_, i) => clients.dynamodb.send(new GetItemCommand({ TableName: 't', Key: { pk: { S: String(i) } } })));
    const results = await Promise.all(calls);
    expect(results.every((r) => r.Item === undefined && r.$metadata.httpStatusCode === 200)).toBe(true);
  } finally {
    clients.destroy();
    await gate.close();
  }
});
