// The composition root of the embedded sandbox: the endpoint (S3, DynamoDB) plus the Step Functions service
// running the real engine, whose integrations reach the co-hosted services through the in-process request
// handler (same SDK clients, no socket) and everything else through the configured endpoints.
import { join } from 'node:path';
import { createConsoleRoute } from '../console/console-route';
import { createClients, type AwsClients, type SdkRequestHandler } from '../config/clients';
import type { SandboxConfig, ServiceId } from '../config/config';
import { createDistributedMapPort } from '../engine/map-run/distributed-map-port';
import { ScaledClock } from '../engine';
import { faultPlanFromEnv, FAULTS_ENV, withFaults, type FaultInjectingHandler, type FaultPlan } from '../faults';
import { createTaskRunner, type LambdaHandlerMap } from '../integrations';
import { createMocks, loadMockConfig, type MockConfig, type Mocks } from '../mocking';
import { startEndpoint, type StartedEndpoint } from '../server/sandbox-server';
import { createStepFunctionsService, openDiskStore, type StepFunctionsService, type StepFunctionsStore } from '../services/stepfunctions';
import { realEngine } from '../services/stepfunctions/real-engine';

/** Sockets per engine client to services it does not host (LocalStack in compose): see ClientOptions.maxSockets. */
const ENGINE_MAX_SOCKETS = 512;

export interface SandboxOptions {
  readonly config: SandboxConfig;
  /** Default config.server.host / port / dataDir; port 0 picks a free one. */
  readonly host?: string;
  readonly port?: number;
  readonly dataDir?: string;
  /** Default: the file named by SFN_MOCK_CONFIG, if any. */
  readonly mockConfig?: MockConfig;
  /** Default: SANDBOX_FAULTS, if set. */
  readonly faultPlan?: FaultPlan;
  /** Merged over SANDBOX_LAMBDA_HANDLERS. */
  readonly lambdaHandlers?: LambdaHandlerMap;
  /** Where Step Functions keeps state machines and executions; default in memory. */
  readonly store?: StepFunctionsStore;
}

export interface Sandbox extends StartedEndpoint {
  /** Undefined when SANDBOX_SERVICES leaves Step Functions out. */
  readonly stepFunctions?: StepFunctionsService;
  /** The DynamoDB fault injector, when a fault plan is active (its report counts injected faults). */
  readonly faults?: FaultInjectingHandler;
  /** SDK clients reaching this sandbox in-process (services it does not host go to their configured endpoints). */
  clients(): AwsClients;
}

export async function startSandbox(options: SandboxOptions): Promise<Sandbox> {
  const { config } = options;
  const mockConfig = options.mockConfig ?? (config.reproduce.mockConfigFile ? loadMockConfig(config.reproduce.mockConfigFile) : undefined);
  const faultPlan = options.faultPlan ?? faultPlanFromEnv({ [FAULTS_ENV]: config.reproduce.faults });
  let faults: FaultInjectingHandler | undefined;
  let stepFunctions: StepFunctionsService | undefined;
  let engineClients: AwsClients | undefined;
  const hostsSfn = config.server.services.includes('stepfunctions');
  const endpoint = await startEndpoint({
    config,
    host: options.host,
    port: options.port,
    dataDir: options.dataDir,
    console: createConsoleRoute(),
    decorate: faultPlan ? { dynamodb: (service) => (faults = withFaults(service, faultPlan)) } : undefined,
    stepFunctions: hostsSfn
      ? ({ requestHandler }) => {
          // One attempt: a service error reaches the Task as AWS reports it to Step Functions, and only the
          // state's own Retry policy retries (an SDK retry loop would hide a throttled table); a request that got no
          // HTTP answer is the sandbox's plumbing and is retried (config/transport-retry.ts). inProcess: the
          // engine's calls to co-hosted services skip signing and middleware resolution (config/clients.ts).
          const handlers = inProcessHandlers(config, requestHandler);
          engineClients = createClients(config, {
            requestHandlers: handlers,
            retryTransportFailuresOnly: true,
            inProcess: true,
            maxSockets: ENGINE_MAX_SOCKETS,
          });
          const clients = engineClients;
          stepFunctions = stepFunctionsService(config, () => clients, options, mockConfig);
          return stepFunctions;
        }
      : undefined,
  });
  const close = async () => {
    await endpoint.close();
    engineClients?.destroy();
  };
  return {
    ...endpoint,
    stepFunctions,
    faults,
    clients: () => createClients(config, { requestHandlers: inProcessHandlers(config, endpoint.requestHandler) }),
    close,
    [Symbol.asyncDispose]: close,
  };
}

function stepFunctionsService(config: SandboxConfig, clients: () => AwsClients, options: SandboxOptions, mockConfig: MockConfig | undefined): StepFunctionsService {
  const clock = new ScaledClock(config.timeScale);
  const dataDir = options.dataDir ?? config.server.dataDir;
  const lambdaHandlers = { ...config.reproduce.lambdaHandlers, ...options.lambdaHandlers };
  const real = createTaskRunner({ clients, region: config.region, accountId: config.accountId, clock, lambdaHandlers });
  const mocks = mockConfig ? createMocks(real, mockConfig) : undefined;
  return createStepFunctionsService({
    config,
    engine: realEngine(),
    tasks: mocks?.tasks ?? real,
    clock,
    // With a data dir, Step Functions persists beside S3 and DynamoDB (services/stepfunctions/disk-store.ts).
    store: options.store ?? (dataDir ? openDiskStore(join(dataDir, 'stepfunctions'), () => clock.now()) : undefined),
    testCases: mocks ? testCaseRegistry(mocks) : undefined,
    distributedMap: (host) => createDistributedMapPort({ s3: () => clients().s3, host }),
  });
}

function testCaseRegistry(mocks: Mocks) {
  return {
    start: (arn: string, name: string, testCase: string) => mocks.testCases.start(arn, name, testCase),
    inherit: (child: string, parent: string) => mocks.testCases.inherit(child, parent),
    forget: (arn: string) => mocks.forget(arn),
  };
}

/** The in-process handler for each service this endpoint hosts, unless the config points that service elsewhere. */
function inProcessHandlers(config: SandboxConfig, handler: SdkRequestHandler): Partial<Record<ServiceId, SdkRequestHandler>> {
  const hosted: Record<ServiceId, boolean> = {
    s3: config.server.services.includes('s3') && !config.serviceEndpoints.s3,
    dynamodb: config.server.services.includes('dynamodb') && !config.serviceEndpoints.dynamodb,
    sfn: config.server.services.includes('stepfunctions') && !config.serviceEndpoints.sfn,
  };
  const handlers: Partial<Record<ServiceId, SdkRequestHandler>> = {};
  for (const service of Object.keys(hosted) as ServiceId[]) if (hosted[service]) handlers[service] = handler;
  return handlers;
}
