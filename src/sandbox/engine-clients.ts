// The SDK clients the engine calls AWS with (Task integrations, the Distributed Map's ItemReader and
// ResultWriter): in-process for the services this endpoint hosts, the configured endpoints for the rest.
import { createClients, type AwsClients, type SdkRequestHandler } from '../config/clients';
import type { SandboxConfig, ServiceId } from '../config/config';

/** Sockets per engine client to services it does not host (LocalStack in compose): see ClientOptions.maxSockets. */
const ENGINE_MAX_SOCKETS = 512;

export function createEngineClients(config: SandboxConfig, inProcess: SdkRequestHandler): AwsClients {
  // One attempt: a service error reaches the Task as AWS reports it to Step Functions, and only the state's own
  // Retry policy retries (an SDK retry loop would hide a throttled table); a request that got no HTTP answer is
  // the sandbox's plumbing and is retried (config/transport-retry.ts). inProcess: the engine's calls to co-hosted
  // services skip signing and middleware resolution (config/clients.ts).
  return createClients(config, {
    requestHandlers: inProcessHandlers(config, inProcess),
    retryTransportFailuresOnly: true,
    inProcess: true,
    maxSockets: ENGINE_MAX_SOCKETS,
  });
}

/** The in-process handler for each service this endpoint hosts, unless the config points that service elsewhere. */
export function inProcessHandlers(config: SandboxConfig, handler: SdkRequestHandler): Partial<Record<ServiceId, SdkRequestHandler>> {
  const hosted: Record<ServiceId, boolean> = {
    s3: config.server.services.includes('s3') && !config.serviceEndpoints.s3,
    dynamodb: config.server.services.includes('dynamodb') && !config.serviceEndpoints.dynamodb,
    sfn: config.server.services.includes('stepfunctions') && !config.serviceEndpoints.sfn,
  };
  const handlers: Partial<Record<ServiceId, SdkRequestHandler>> = {};
  for (const service of Object.keys(hosted) as ServiceId[]) if (hosted[service]) handlers[service] = handler;
  return handlers;
}
