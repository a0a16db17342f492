// The `containers` target of the end-to-end suites: S3 and DynamoDB from a LocalStack container started
// through @testcontainers/localstack (image from LOCALSTACK_IMAGE). Step Functions is not LocalStack's
// (its free image rejects the pipeline's definition, docs/docker.md): by default the caller runs the engine
// in-process (`startSandbox({ config })` with the returned config hosts Step Functions only); with
// `engine: 'container'` the sandbox image runs it as the front door, as the compose `sfn` service does.
// The network mode follows the daemon (test/containers/preflight.ts): Docker's port mapping where it has a bridge
// network, host networking where it has none.
import { LocalstackContainer } from '@testcontainers/localstack';
import { Network, type StartedNetwork } from 'testcontainers';
import { configFromEnv, type Env, type SandboxConfig } from '../../src/config/config';
import { probeDaemon } from './docker-daemon';
import { LOCALSTACK_ALIAS, startEngineContainer } from './engine-container';
import { freeLoopbackPort, HostNetworkLocalstackContainer } from './host-network-localstack';
import { connectImageStore, requireLocalImages, settingsFromEnv, type ContainersTargetSettings } from './preflight';

export interface ContainersTargetOptions {
  /** Environment read for the target's settings and the returned config (default: process.env). */
  readonly env?: Env;
  /** Who runs Step Functions: the caller, in-process (default), or the sandbox image (SANDBOX_ENGINE_IMAGE). */
  readonly engine?: 'in-process' | 'container';
}

export interface ContainersTarget {
  /**
   * configFromEnv(env) with AWS_ENDPOINT_URL_S3 / _DYNAMODB set to the container and SANDBOX_SERVICES=stepfunctions;
   * with the engine container, AWS_ENDPOINT_URL alone, set to the front door.
   */
  readonly config: SandboxConfig;
  /** LocalStack's edge URL, e.g. http://127.0.0.1:4566. */
  readonly localstackUrl: string;
  /** The engine container's URL (the front door for every service); undefined when the engine is the caller's, in-process. */
  readonly engineUrl: string | undefined;
  stop(): Promise<void>;
}

export async function startContainersTarget(options: ContainersTargetOptions = {}): Promise<ContainersTarget> {
  const env = options.env ?? process.env;
  const settings = settingsFromEnv(env, await probeDaemon(env));
  Object.assign(process.env, settings.testcontainersEnv); // before testcontainers first reads its environment
  const inContainer = options.engine === 'container';
  await requireLocalImages(await connectImageStore(), inContainer ? [...settings.images, settings.engineImage] : settings.images);
  const stops: Array<() => Promise<void>> = [];
  const stop = () => stopAll(stops);
  try {
    // Bridge mode with the engine container: both on a network of their own, LocalStack known by its alias.
    const network = inContainer && settings.networkMode === 'bridge' ? await new Network().start() : undefined;
    if (network) stops.push(() => network.stop().then(() => undefined));
    const localstack = await (await localstackContainer(settings, network)).start();
    stops.unshift(() => localstack.stop({ timeout: 5_000 }).then(() => undefined));
    const localstackUrl = localstack.getConnectionUri();
    const engine = inContainer ? await startEngineContainer(settings, { hostUrl: localstackUrl, network }) : undefined;
    if (engine) stops.unshift(engine.stop);
    const config = engine
      ? configFromEnv({
          ...env,
          AWS_ENDPOINT_URL: engine.url,
          AWS_ENDPOINT_URL_S3: undefined,
          AWS_ENDPOINT_URL_DYNAMODB: undefined,
          AWS_ENDPOINT_URL_SFN: undefined,
        })
      : configFromEnv({ ...env, AWS_ENDPOINT_URL_S3: localstackUrl, AWS_ENDPOINT_URL_DYNAMODB: localstackUrl, SANDBOX_SERVICES: 'stepfunctions' });
    return { config, localstackUrl, engineUrl: engine?.url, stop };
  } catch (err) {
    await stop().catch(() => undefined); // the start failure is the error worth reporting
    throw err;
  }
}

async function localstackContainer(settings: ContainersTargetSettings, network: StartedNetwork | undefined): Promise<LocalstackContainer> {
  const container =
    settings.networkMode === 'host'
      ? new HostNetworkLocalstackContainer(settings.localstackImage, await freeLoopbackPort())
      : new LocalstackContainer(settings.localstackImage);
  if (network) container.withNetwork(network).withNetworkAliases(LOCALSTACK_ALIAS);
  // DNS_ADDRESS=0: LocalStack's own DNS server (port 53) is not wanted, least of all on the host network.
  // SANDBOX_SERVICES is SERVICES for the sandbox image standing in for LocalStack (registry-less CI).
  return container.withEnvironment({
    SERVICES: 's3,dynamodb',
    SANDBOX_SERVICES: 's3,dynamodb',
    DNS_ADDRESS: '0',
    DISABLE_EVENTS: '1',
    SKIP_SSL_CERT_DOWNLOAD: '1',
  });
}

/** Stops every container (engine first: its running executions call LocalStack), then rethrows the first failure. */
async function stopAll(stops: ReadonlyArray<() => Promise<void>>): Promise<void> {
  const failures: unknown[] = [];
  for (const stop of stops) await stop().catch((err: unknown) => failures.push(err));
  if (failures.length > 0) throw failures[0];
}
