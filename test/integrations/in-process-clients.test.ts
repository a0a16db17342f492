// The optimized integrations on the engine's light in-process clients (config/clients.ts `inProcess`): the
// SDK caches one middleware chain per command class there, so response headers must be read per call.
import { CreateTableCommand } from '@aws-sdk/client-dynamodb';
import { createClients, type AwsClients } from '../../src/config/clients';
import { configFromEnv } from '../../src/config/config';
import { ScaledClock } from '../../src/engine/runtime/clock';
import { startSandbox, type Sandbox } from '../../src/sandbox/start-sandbox';
import type { TaskRunner } from '../../src/engine/integrations/types';
import { createTaskRunner } from '../../src/integrations/task-runner';
import { invocation } from './support/invocation';

const PUT = 'arn:aws:states:::dynamodb:putItem';
const GET = 'arn:aws:states:::dynamodb:getItem';
const SDK_PUT = 'arn:aws:states:::aws-sdk:dynamodb:putItem';

describe('optimized integrations on inProcess clients', () => {
  const config = configFromEnv({ SANDBOX_PORT: '0' });
  let sandbox: Sandbox;
  let clients: AwsClients;
  let runner: TaskRunner;
  const run = (arn: string, args: unknown) => runner.invoke(invocation(runner, arn, args)) as Promise<Record<string, any>>;

  beforeAll(async () => {
    sandbox = await startSandbox({ config, host: '127.0.0.1', port: 0 });
    clients = createClients(config, { requestHandler: sandbox.requestHandler, maxAttempts: 1, inProcess: true });
    runner = createTaskRunner({ clients, region: 'us-east-1', accountId: '000000000000', clock: new ScaledClock(0) });
    await clients.dynamodb.send(
      new CreateTableCommand({
        TableName: 'orders',
        KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
        AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }],
        BillingMode: 'PAY_PER_REQUEST',
      }),
    );
  });
  afterAll(async () => {
    clients.destroy();
    await sandbox.close();
  });

  it('reports each call its own response headers, also after an aws-sdk call of the same command class', async () => {
    expect(await run(SDK_PUT, { TableName: 'orders', Item: { id: { S: 'o-0' } } })).toEqual({});
    const results = await Promise.all(['o-1', 'o-2', 'o-3'].map((id) => run(PUT, { TableName: 'orders', Item: { id: { S: id } } })));
    const ids = results.map((r) => r.SdkResponseMetadata.RequestId);
    expect(new Set(ids).size).toBe(3);
    results.forEach((r, i) => expect(r.SdkHttpMetadata.HttpHeaders['x-amzn-RequestId']).toBe(ids[i]));
    const found = await run(GET, { TableName: 'orders', Key: { id: { S: 'o-2' } } });
    expect(found.Item).toEqual({ id: { S: 'o-2' } });
    expect(found.SdkHttpMetadata.HttpHeaders['Content-Length']).toBe(String(JSON.stringify({ Item: found.Item }).length));
  });

  it('names service errors as before', async () => {
    await expect(run(PUT, { TableName: 'missing', Item: { id: { S: 'x' } } })).rejects.toMatchObject({ error: 'DynamoDB.ResourceNotFoundException' });
  });
});
