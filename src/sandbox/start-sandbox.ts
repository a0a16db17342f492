// The composition root of the embedded sandbox. It builds everything in one forward pass and hands the finished
// services to the HTTP layer (src/server), which only routes and serves them (docs/architecture.md#startup):
//   1. settings: the options over the configuration's defaults (mock config, fault plan, data dir, Lambda handlers);
//   2. S3 and DynamoDB, after checking the data dir can be written (own-services.ts);
//   3. the fault decorator around DynamoDB, when a fault plan is active;
//   4. the engine's SDK clients, in-process to the co-hosted services through the loopback (engine-clients.ts);
//   5. Step Functions over those clients: task runner, mocks, store, Distributed Map port (step-functions.ts);
//   6. the edge: the router over the finished services and the console route; the loopback is connected to it;
//   7. the socket: the endpoint listens, and owns the services from then on (it closes them, Step Functions first).
import { createConsoleRoute } from '../console/console-route';
import { createClients, type AwsClients } from '../config/clients';
import type { SandboxConfig } from '../config/config';
import { faultPlanFromEnv, FAULTS_ENV, withFaults, type FaultInjectingHandler, type FaultPlan } from '../faults';
import type { LambdaHandlerMap } from '../integrations';
import { loadMockConfig, type MockConfig } from '../mocking';
import { closeServices } from '../server/close-services';
import type { EndpointServices } from '../server/edge-router';
import { InProcessHandler } from '../server/in-process-handler';
import { createEdge, type StartedEndpoint } from '../server/sandbox-server';
import type { StepFunctionsService, StepFunctionsStore } from '../services/stepfunctions';
import { createEngineClients, inProcessHandlers } from './engine-clients';
import { Loopback } from './loopback';
import { createOwnServices, type OwnServices } from './own-services';
import { createStepFunctions, type StepFunctionsParts } from './step-functions';

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

/** Step Functions with the clients its engine calls AWS with; the sandbox destroys them after the endpoint closes. */
interface HostedStepFunctions {
  readonly service: StepFunctionsService;
  readonly clients: AwsClients;
}

export async function startSandbox(options: SandboxOptions): Promise<Sandbox> {
  const { config } = options;
  const parts = stepFunctionsParts(options);
  const faultPlan = options.faultPlan ?? faultPlanFromEnv({ [FAULTS_ENV]: config.reproduce.faults });
  const own = await createOwnServices(config, parts.dataDir);
  const faults = faultPlan && own.dynamodb ? withFaults(own.dynamodb, faultPlan) : undefined;
  const loopback = new Loopback();
  const stepFunctions = config.server.services.includes('stepfunctions') ? await hostStepFunctions(parts, loopback, own) : undefined;
  const services: EndpointServices = { ...own, ...(faults ? { dynamodb: faults } : {}), ...(stepFunctions ? { stepfunctions: stepFunctions.service } : {}) };
  const edge = createEdge({ config, services, console: createConsoleRoute() });
  loopback.connect(edge);
  const endpoint = await edge.listen(options.host ?? config.server.host, options.port ?? config.server.port).catch((err: unknown) => {
    stepFunctions?.clients.destroy();
    throw err;
  });
  const close = async () => {
    await endpoint.close();
    stepFunctions?.clients.destroy();
  };
  return {
    ...endpoint,
    stepFunctions: stepFunctions?.service,
    faults,
    clients: () => createClients(config, { requestHandlers: inProcessHandlers(config, endpoint.requestHandler) }),
    close,
    [Symbol.asyncDispose]: close,
  };
}

function stepFunctionsParts(options: SandboxOptions): Omit<StepFunctionsParts, 'clients'> {
  const { config } = options;
  return {
    config,
    dataDir: options.dataDir ?? config.server.dataDir,
    store: options.store,
    lambdaHandlers: { ...config.reproduce.lambdaHandlers, ...options.lambdaHandlers },
    mockConfig: options.mockConfig ?? (config.reproduce.mockConfigFile ? loadMockConfig(config.reproduce.mockConfigFile) : undefined),
  };
}

/** Steps 4 and 5; a failure closes what the steps before built. */
async function hostStepFunctions(parts: Omit<StepFunctionsParts, 'clients'>, loopback: Loopback, own: OwnServices): Promise<HostedStepFunctions> {
  const clients = createEngineClients(parts.config, new InProcessHandler(loopback));
  try {
    return { service: createStepFunctions({ ...parts, clients }), clients };
  } catch (err) {
    clients.destroy();
    await closeServices(own).catch(() => undefined);
    throw err;
  }
}
