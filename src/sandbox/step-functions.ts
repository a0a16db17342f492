// The Step Functions service the sandbox hosts: the real engine; Task integrations over the engine's clients, with
// the MockConfigFile's mocks in front when there is one; the store; and the Distributed Map runtime.
import { join } from 'node:path';
import type { AwsClients } from '../config/clients';
import type { SandboxConfig } from '../config/config';
import { ScaledClock } from '../engine';
import { createTaskRunner, type LambdaHandlerMap } from '../integrations';
import { DistributedMapRunner } from '../map-run';
import { createMocks, type MockConfig, type Mocks } from '../mocking';
import {
  createStepFunctionsService,
  openDiskStore,
  type StepFunctionsService,
  type StepFunctionsStore,
  type TestCaseRegistry,
} from '../services/stepfunctions';
import { realEngine } from '../services/stepfunctions/runs/real-engine';

export interface StepFunctionsParts {
  readonly config: SandboxConfig;
  /** The engine's clients (engine-clients.ts). */
  readonly clients: AwsClients;
  /** With a data dir, Step Functions persists beside S3 and DynamoDB (services/stepfunctions/store/disk-store.ts). */
  readonly dataDir: string | undefined;
  /** Overrides the data dir's store; default in memory. */
  readonly store: StepFunctionsStore | undefined;
  readonly lambdaHandlers: LambdaHandlerMap;
  readonly mockConfig: MockConfig | undefined;
}

export function createStepFunctions(parts: StepFunctionsParts): StepFunctionsService {
  const { config, clients, dataDir } = parts;
  const clock = new ScaledClock(config.timeScale);
  const real = createTaskRunner({ clients, region: config.region, accountId: config.accountId, clock, lambdaHandlers: parts.lambdaHandlers });
  const mocks = parts.mockConfig ? createMocks(real, parts.mockConfig) : undefined;
  return createStepFunctionsService({
    config,
    engine: realEngine(),
    tasks: mocks?.tasks ?? real,
    clock,
    store: parts.store ?? (dataDir ? openDiskStore(join(dataDir, 'stepfunctions'), () => clock.now()) : undefined),
    testCases: mocks ? testCaseRegistry(mocks) : undefined,
    distributedMap: (host) => new DistributedMapRunner({ s3: clients.s3, host }),
  });
}

function testCaseRegistry(mocks: Mocks): TestCaseRegistry {
  return {
    start: (arn, name, testCase) => mocks.testCases.start(arn, name, testCase),
    inherit: (child, parent) => mocks.testCases.inherit(child, parent),
    forget: (arn) => mocks.forget(arn),
  };
}
