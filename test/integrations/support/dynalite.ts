// A real DynamoDB (dynalite, in memory) on 127.0.0.1 and an ephemeral port, with SDK clients aimed at it.
import { CreateTableCommand } from '@aws-sdk/client-dynamodb';
import type { Server } from 'node:http';
import { createClients, type AwsClients } from '../../../src/config/clients';
import { configFromEnv } from '../../../src/config/config';
import { serve } from '../../support/serve';

export interface StartedDynalite {
  readonly clients: AwsClients;
  createTable(name: string): Promise<void>;
  close(): Promise<void>;
}

export async function startDynalite(): Promise<StartedDynalite> {
  // dynalite ships no type declarations.
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- typed here, at the one place it is used
  const dynalite = require('dynalite') as (options: { createTableMs: number; deleteTableMs: number }) => Server;
  const server = dynalite({ createTableMs: 0, deleteTableMs: 0 });
  const served = await serve(server);
  const clients = createClients(configFromEnv({ AWS_ENDPOINT_URL: served.url }), { maxAttempts: 1 });
  return {
    clients,
    async createTable(name) {
      await clients.dynamodb.send(
        new CreateTableCommand({
          TableName: name,
          KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
          AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }],
          BillingMode: 'PAY_PER_REQUEST',
        }),
      );
    },
    async close() {
      clients.destroy();
      await served.close();
    },
  };
}
