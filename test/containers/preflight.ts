// Checks made before any container is created, so that a missing daemon, image or setting fails fast
// with a message saying what to do. testcontainers would otherwise pull a missing image, and on the
// registry-less CI machines a pull only sends a DNS query to a private-range resolver and then hangs or fails.
import { getContainerRuntimeClient, ImageName } from 'testcontainers';
import type { Env } from '../../src/config/config';

export const DEFAULT_LOCALSTACK_IMAGE = 'localstack/localstack:4.14.0';
/** What `bash scripts/ci-docker.sh image` builds from the repo's Dockerfile. */
export const DEFAULT_ENGINE_IMAGE = 'sfn-csv-sandbox:dev';
/** testcontainers 11.14's default (reaper.js); RYUK_CONTAINER_IMAGE overrides it there too. */
const DEFAULT_RYUK_IMAGE = 'testcontainers/ryuk:0.14.0';

export class ContainersTargetError extends Error {
  override readonly name = 'ContainersTargetError';
}

type NetworkMode = 'bridge' | 'host';

export interface ContainersTargetSettings {
  readonly localstackImage: string;
  /** The sandbox image, run as the engine when a target asks for `engine: 'container'`. */
  readonly engineImage: string;
  /** `host`: daemons without a bridge network (scripts/ci-docker.sh); `bridge`: Docker's usual port mapping. */
  readonly networkMode: NetworkMode;
  /** Every image the target will run, Ryuk's included when it is enabled. */
  readonly images: readonly string[];
  /** Variables testcontainers reads itself, to be set before it starts: host networking's, when they were unset. */
  readonly testcontainersEnv: Readonly<Record<string, string>>;
}

/**
 * Reads LOCALSTACK_IMAGE, SANDBOX_ENGINE_IMAGE and TESTCONTAINERS_NETWORK_MODE (default: `bridge` when the daemon
 * has a bridge network, else `host`) and the testcontainers variables host networking needs.
 */
export function settingsFromEnv(env: Env, daemon: { readonly bridge: boolean }): ContainersTargetSettings {
  const localstackImage = env.LOCALSTACK_IMAGE?.trim() || DEFAULT_LOCALSTACK_IMAGE;
  const networkMode = networkModeOf(env, daemon);
  const testcontainersEnv = networkMode === 'host' ? hostModeEnv(env) : {};
  const ryukDisabled = (env.TESTCONTAINERS_RYUK_DISABLED ?? testcontainersEnv.TESTCONTAINERS_RYUK_DISABLED) === 'true';
  const ryuk = ryukDisabled ? [] : [env.RYUK_CONTAINER_IMAGE?.trim() || DEFAULT_RYUK_IMAGE];
  const engineImage = env.SANDBOX_ENGINE_IMAGE?.trim() || DEFAULT_ENGINE_IMAGE;
  return { localstackImage, engineImage, networkMode, images: [localstackImage, ...ryuk], testcontainersEnv };
}

function networkModeOf(env: Env, daemon: { readonly bridge: boolean }): NetworkMode {
  const chosen = env.TESTCONTAINERS_NETWORK_MODE?.trim();
  if (!chosen) return daemon.bridge ? 'bridge' : 'host';
  if (chosen !== 'bridge' && chosen !== 'host') {
    throw new ContainersTargetError(`TESTCONTAINERS_NETWORK_MODE must be 'host' or 'bridge' (default: chosen from the daemon), got '${chosen}'`);
  }
  if (chosen === 'bridge' && !daemon.bridge) {
    throw new ContainersTargetError(
      "TESTCONTAINERS_NETWORK_MODE=bridge, but the Docker daemon has no bridge network (started with --bridge=none?), so Docker's " +
        'port mapping cannot reach a container. Unset TESTCONTAINERS_NETWORK_MODE (or set it to host) to use host networking.',
    );
  }
  return chosen;
}

function hostModeEnv(env: Env): Record<string, string> {
  const ryuk = env.TESTCONTAINERS_RYUK_DISABLED;
  // Ryuk publishes a mapped port on the default network, which a bridge-less daemon does not have.
  if (ryuk !== undefined && ryuk !== 'true') {
    throw new ContainersTargetError(`host networking needs TESTCONTAINERS_RYUK_DISABLED=true (Ryuk needs a mapped port), got '${ryuk}'`);
  }
  const extra: Record<string, string> = {};
  if (ryuk === undefined) extra.TESTCONTAINERS_RYUK_DISABLED = 'true';
  // With /.dockerenv present testcontainers otherwise looks up the bridge gateway, which does not exist here.
  if (!env.TESTCONTAINERS_HOST_OVERRIDE) extra.TESTCONTAINERS_HOST_OVERRIDE = '127.0.0.1';
  return extra;
}

export interface ImageStore {
  exists(image: string): Promise<boolean>;
}

interface RuntimeClientLike {
  readonly image: { exists(name: ImageName): Promise<boolean> };
}

/** Connects to Docker the way testcontainers will; a missing or unreachable daemon is a clear error. */
export async function connectImageStore(getClient: () => Promise<RuntimeClientLike> = getContainerRuntimeClient): Promise<ImageStore> {
  let client: RuntimeClientLike;
  try {
    client = await getClient();
  } catch (err) {
    throw new ContainersTargetError(
      `testcontainers cannot use the Docker daemon, so the containers target cannot run (${(err as Error).message}). ` +
        'Start a Docker daemon (on a Debian machine without a registry: bash scripts/ci-docker.sh) and run again.',
    );
  }
  return { exists: (image) => client.image.exists(ImageName.fromString(image)) };
}

/** Fails unless every image is already in the local store: the containers target never pulls. */
export async function requireLocalImages(store: ImageStore, images: readonly string[]): Promise<void> {
  const missing: string[] = [];
  for (const image of images) if (!(await store.exists(image))) missing.push(image);
  if (missing.length === 0) return;
  throw new ContainersTargetError(
    `Docker image(s) not present locally: ${missing.join(', ')}. The containers target never pulls (a machine without a registry cannot): ` +
      '`docker pull` them where a registry is reachable, or build the sandbox image (bash scripts/ci-docker.sh image) ' +
      `and set LOCALSTACK_IMAGE=${DEFAULT_ENGINE_IMAGE} to use it as a LocalStack stand-in (docs/docker.md).`,
  );
}
