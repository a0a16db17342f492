// The `containers` target of the end-to-end suites: S3 and DynamoDB from a LocalStack container started
// through @testcontainers/localstack (image from LOCALSTACK_IMAGE). Step Functions is not LocalStack's
// (its free image rejects the pipeline's definition, docs/docker.md): by default the caller runs the engine
// in-process (`startSandbox({ config })` with the returned config hosts Step Functions only); with
// `engine: 'container'` the sandbox image runs it, as the compose `sfn` service does.
import { LocalstackContainer } from '@testcontainers/localstack';
import { configFromEnv, type Env, type SandboxConfig } from '../../src/config/config';
import { startEngineContainer } from './engine-container';
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
   * with the engine container, AWS_ENDPOINT_URL_SFN set to it too.
   */
  readonly config: SandboxConfig;
  /** LocalStack's edge URL, e.g. http://127.0.0.1:4566. */
  readonly localstackUrl: string;
  /** The engine container's Step Functions URL; undefined when the engine is the caller's, in-process. */
  readonly engineUrl: string | undefined;
  stop(): Promise<void>;
}

export async function startContainersTarget(options: ContainersTargetOptions = {}): Promise<ContainersTarget> {
  const env = options.env ?? process.env;
  const settings = settingsFromEnv(env);
  const inContainer = options.engine === 'container';
  await requireLocalImages(await connectImageStore(), inContainer ? [...settings.images, settings.engineImage] : settings.images);
  const stops: Array<() => Promise<void>> = [];
  const stop = () => stopAll(stops);
  try {
    const localstack = await (await localstackContainer(settings)).start();
    stops.push(() => localstack.stop({ timeout: 5_000 }).then(() => undefined));
    const localstackUrl = localstack.getConnectionUri();
    const engine = inContainer ? await startEngineContainer(settings, localstackUrl) : undefined;
    if (engine) stops.unshift(engine.stop);
    const config = configFromEnv({
      ...env,
      AWS_ENDPOINT_URL_S3: localstackUrl,
      AWS_ENDPOINT_URL_DYNAMODB: localstackUrl,
      AWS_ENDPOINT_URL_SFN: engine?.url ?? env.AWS_ENDPOINT_URL_SFN,
      SANDBOX_SERVICES: 'stepfunctions',
    });
    return { config, localstackUrl, engineUrl: engine?.url, stop };
  } catch (err) {
    await stop().catch(() => undefined); // the start failure is the error worth reporting
    throw err;
  }
}

async function localstackContainer(settings: ContainersTargetSettings): Promise<LocalstackContainer> {
  const container =
    settings.networkMode === 'host'
      ? new HostNetworkLocalstackContainer(settings.localstackImage, await freeLoopbackPort())
      : new LocalstackContainer(settings.localstackImage);
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
