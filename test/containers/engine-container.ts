// The sandbox image as the Step Functions engine of the containers target (what the compose `sfn` service
// runs): SANDBOX_SERVICES=stepfunctions, its own S3 and DynamoDB calls sent to the LocalStack container.
import { GenericContainer, Wait, type StartedTestContainer } from 'testcontainers';
import { freeLoopbackPort } from './host-network-localstack';
import { ContainersTargetError, type ContainersTargetSettings } from './preflight';

export interface StartedEngine {
  /** The engine's Step Functions endpoint, e.g. http://127.0.0.1:41234. */
  readonly url: string;
  stop(): Promise<void>;
}

export async function startEngineContainer(settings: ContainersTargetSettings, localstackUrl: string): Promise<StartedEngine> {
  // Only host networking is supported: on a bridge the engine would have to reach LocalStack through a
  // shared Docker network instead of 127.0.0.1, which no machine of this project can exercise.
  if (settings.networkMode !== 'host') {
    throw new ContainersTargetError('the engine runs as a container only with TESTCONTAINERS_NETWORK_MODE=host; run it in-process otherwise');
  }
  const port = await freeLoopbackPort();
  const started: StartedTestContainer = await new GenericContainer(settings.engineImage)
    .withNetworkMode('host')
    .withEnvironment({
      PORT: String(port),
      SANDBOX_SERVICES: 'stepfunctions',
      AWS_ENDPOINT_URL_S3: localstackUrl,
      AWS_ENDPOINT_URL_DYNAMODB: localstackUrl,
      SFN_TIME_SCALE: '0',
    })
    // The endpoint CLI prints exactly `Ready.` on stdout once it listens (like LocalStack).
    .withWaitStrategy(Wait.forLogMessage(/^Ready\.$/m))
    .withStartupTimeout(60_000)
    .start();
  return { url: `http://127.0.0.1:${port}`, stop: async () => void (await started.stop({ timeout: 5_000 })) };
}
