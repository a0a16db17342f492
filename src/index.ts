// The library's public surface: start the embedded endpoint, read the configuration, build SDK clients.
export { createEdge, startEndpoint } from './server/sandbox-server';
export type { Edge, EdgeOptions, EndpointOptions, StartedEndpoint } from './server/sandbox-server';
export type { EndpointServices } from './server/edge-router';
export type { EdgeRequest, EdgeResponse, ServiceHandler } from './server/edge';
export { ServiceError } from './server/service-error';
export { ConfigError, configFromEnv, endpointFor, loadConfig, LOCAL_ACCOUNT_ID, LOCAL_ENDPOINT } from './config/config';
export type { EndpointService, Env, SandboxConfig, ServiceId } from './config/config';
export { createClients } from './config/clients';
export type { AwsClients, ClientOptions, SdkRequestHandler } from './config/clients';
export { startSandbox } from './sandbox/start-sandbox';
export type { Sandbox, SandboxOptions } from './sandbox/start-sandbox';
