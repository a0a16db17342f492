// The engine's clients: a request that got no HTTP answer (the connection dropped) is retried; a service error,
// even a retryable 5xx or a throttle, is not, so that the state's own Retry sees it as AWS reports it.
import { GetItemCommand } from '@aws-sdk/client-dynamodb';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createClients } from '../../src/config/clients';
import { configFromEnv } from '../../src/config/config';
import { serve } from '../support/serve';

/** Answers request n (1-based) with `script[n - 1]`: 'drop' destroys the connection, a number is that status. */
async function startScripted(script: ReadonlyArray<'drop' | 200 | 400 | 500 | 503>) {
  let n = 0;
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const step = script[Math.min(n++, script.length - 1)];
    req.resume();
    if (step === 'drop') return void req.socket.destroy();
    const body = step === 200 ? '{}' : JSON.stringify({ __type: step === 400 ? 'ThrottlingException' : 'InternalServerError', message: `scripted ${step}` });
    res.writeHead(step, { 'content-type': 'application/x-amz-json-1.0' }).end(body);
  });
  const { url, close } = await serve(server);
  return { url, requests: () => n, close };
}

async function getItem(script: ReadonlyArray<'drop' | 200 | 400 | 500 | 503>) {
  const server = await startScripted(script);
  const clients = createClients(configFromEnv({ AWS_ENDPOINT_URL: server.url }), { retryTransportFailuresOnly: true });
  try {
    const outcome = await clients.dynamodb.send(new GetItemCommand({ TableName: 't', Key: { pk: { S: 'a' } } })).then(
      (ok) => ({ ok: true as const, attempts: ok.$metadata.attempts }),
      (err: { name: string; $metadata?: { attempts?: number } }) => ({ ok: false as const, name: err.name, attempts: err.$metadata?.attempts }),
    );
    return { ...outcome, requests: server.requests() };
  } finally {
    clients.destroy();
    await server.close();
  }
}

test('dropped connections are retried until an answer comes', async () => {
  expect(await getItem(['drop', 'drop', 200])).toEqual({ ok: true, attempts: 3, requests: 3 });
});

test('at most three retries', async () => {
  expect(await getItem(['drop'])).toMatchObject({ ok: false, requests: 4 });
});

test.each([
  [400, 'ThrottlingException'],
  [500, 'InternalServerError'],
  [503, 'InternalServerError'],
] as const)('HTTP %i (%s) is the service speaking: one attempt', async (status, name) => {
  expect(await getItem([status])).toEqual({ ok: false, name, attempts: 1, requests: 1 });
});
