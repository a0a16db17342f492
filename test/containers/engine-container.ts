// The sandbox image as the front door of the containers target (what the compose `sfn` service runs): it serves
// Step Functions and forwards everything else to the LocalStack container (SANDBOX_UPSTREAM_URL), so the target's
// clients need one endpoint URL. Host networking on bridge-less daemons, a shared Docker network otherwise.
import { GenericContainer, Wait, type StartedNetwork, type StartedTestContainer } from 'testcontainers';
import { freeLoopbackPort } from './host-network-localstack';
import type { ContainersTargetSettings } from './preflight';

/** LocalStack's name on the shared network of the bridge mode. */
export const LOCALSTACK_ALIAS = 'localstack';

export interface StartedEngine {
  /** The front door, e.g. http://127.0.0.1:41234. */
  readonly url: string;
  stop(): Promise<void>;
}

/** `localstackUrl`: where LocalStack answers on the host network; `network`: the shared network in bridge mode. */
export async function startEngineContainer(
  settings: ContainersTargetSettings,
  localstack: { readonly hostUrl: string; readonly network?: StartedNetwork },
): Promise<StartedEngine> {
  const env = { SANDBOX_SERVICES: 'stepfunctions', SFN_TIME_SCALE: '0' };
  let container = new GenericContainer(settings.engineImage)
    // The endpoint CLI prints exactly `Ready.` on stdout once it listens (like LocalStack).
    .withWaitStrategy(Wait.forLogMessage(/^Ready\.$/m))
    .withStartupTimeout(60_000);
  if (settings.networkMode === 'host') {
    const port = await freeLoopbackPort();
    const upstream = localstack.hostUrl;
    container = container.withNetworkMode('host').withEnvironment({
      ...env,
      PORT: String(port),
      SANDBOX_HOST: '127.0.0.1',
      SANDBOX_UPSTREAM_URL: upstream,
      AWS_ENDPOINT_URL: upstream,
    });
    const started = await container.start();
    return { url: `http://127.0.0.1:${port}`, stop: stopper(started) };
  }
  if (!localstack.network) throw new Error('bridge networking: the engine container needs the network LocalStack is on');
  const upstream = `http://${LOCALSTACK_ALIAS}:4566`;
  const started = await container
    .withNetwork(localstack.network)
    .withExposedPorts(4566)
    .withEnvironment({ ...env, PORT: '4566', SANDBOX_UPSTREAM_URL: upstream, AWS_ENDPOINT_URL: upstream })
    .start();
  return { url: `http://${started.getHost()}:${started.getMappedPort(4566)}`, stop: stopper(started) };
}

function stopper(started: StartedTestContainer): () => Promise<void> {
  return async () => void (await started.stop({ timeout: 5_000 }));
}
