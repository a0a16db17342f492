// Starts the embedded endpoint on 127.0.0.1 and a free port, serving the sandbox's own S3 and DynamoDB plus any
// services the test hands it (a scripted Step Functions), with SDK clients pointed at its socket.
import { createClients, type AwsClients } from '../../../src/config/clients';
import { configFromEnv, type Env } from '../../../src/config/config';
import { createOwnServices } from '../../../src/sandbox/own-services';
import type { EndpointServices } from '../../../src/server/edge-router';
import { startEndpoint, type StartedEndpoint } from '../../../src/server/sandbox-server';

export interface TestEndpoint {
  readonly endpoint: StartedEndpoint;
  /** Clients that go through the socket (maxAttempts 1: a failure is seen as it is, not retried). */
  readonly clients: AwsClients;
  close(): Promise<void>;
}

export async function startTestEndpoint(env: Env = {}, services: EndpointServices = {}): Promise<TestEndpoint> {
  const config = configFromEnv({ SANDBOX_HOST: '127.0.0.1', SANDBOX_PORT: '0', ...env });
  const own = await createOwnServices(config, config.server.dataDir);
  const endpoint = await startEndpoint({ config, services: { ...own, ...services } });
  const clients = createClients(configFromEnv({ ...env, AWS_ENDPOINT_URL: endpoint.url }), { maxAttempts: 1 });
  return {
    endpoint,
    clients,
    async close() {
      clients.destroy();
      await endpoint.close();
    },
  };
}

/** A raw HTTP exchange, for what SDKs never send (bad bodies, odd headers). */
export async function rawRequest(
  url: string,
  init: { method?: string; path?: string; headers?: Record<string, string>; body?: string | Buffer },
): Promise<{ status: number; headers: Headers; text: string }> {
  const response = await fetch(`${url}${init.path ?? '/'}`, { method: init.method ?? 'GET', headers: init.headers, body: init.body });
  return { status: response.status, headers: response.headers, text: await response.text() };
}

export const SIGV4 = (service: string) =>
  `AWS4-HMAC-SHA256 Credential=test/20250101/us-east-1/${service}/aws4_request, SignedHeaders=host;x-amz-date, Signature=00`;
