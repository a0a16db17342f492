// Test-only: serves an S3 ServiceHandler on 127.0.0.1 (ephemeral port) through the same node:http adapter the edge
// uses, and builds SDK clients pointed at it.
import { S3Client, type S3ClientConfig } from '@aws-sdk/client-s3';
import type { ServiceHandler } from '../../../../src/server/edge';
import { serveHandler } from '../../../support/serve';

export interface StartedS3TestServer {
  readonly endpoint: string;
  client(overrides?: Partial<S3ClientConfig>): S3Client;
  close(): Promise<void>;
}

export async function startS3TestServer(service: ServiceHandler): Promise<StartedS3TestServer> {
  const served = await serveHandler(service);
  const endpoint = served.url;
  const clients: S3Client[] = [];
  return {
    endpoint,
    client(overrides = {}) {
      const client = new S3Client({
        endpoint,
        region: 'us-east-1',
        forcePathStyle: true,
        credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
        maxAttempts: 1,
        ...overrides,
      });
      clients.push(client);
      return client;
    },
    async close() {
      for (const client of clients) client.destroy();
      await served.close();
      await service.close?.();
    },
  };
}
