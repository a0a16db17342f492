// Test-only: serves an S3 ServiceHandler on 127.0.0.1 (ephemeral port) through the same node:http adapter the edge
// uses, and builds SDK clients pointed at it.
import { S3Client, type S3ClientConfig } from '@aws-sdk/client-s3';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ServiceHandler } from '../../../../src/server/edge';
import { toEdgeRequest, writeEdgeResponse } from '../../../../src/server/http-adapter';

export interface StartedS3TestServer {
  readonly endpoint: string;
  client(overrides?: Partial<S3ClientConfig>): S3Client;
  close(): Promise<void>;
}

export async function startS3TestServer(service: ServiceHandler): Promise<StartedS3TestServer> {
  const server: Server = createServer((req, res) => {
    service
      .handle(toEdgeRequest(req))
      .then((response) => writeEdgeResponse(res, response))
      .catch(() => res.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const endpoint = `http://127.0.0.1:${port}`;
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
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await service.close?.();
    },
  };
}
