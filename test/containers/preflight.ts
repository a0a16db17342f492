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

export type NetworkMode = 'bridge' | 'host';

export interface ContainersTargetSettings {
  readonly localstackImage: string;
  /** The sandbox image, run as the engine when a target asks for `engine: 'container'`. */
  readonly engineImage: string;
  /** `host`: machines whose dockerd has no bridge (scripts/ci-docker.sh); `bridge`: Docker's usual port mapping. */
  readonly networkMode: NetworkMode;
  /** Every image the target will run, Ryuk's included when it is enabled. */
  readonly images: readonly string[];
}

/** Reads LOCALSTACK_IMAGE, SANDBOX_ENGINE_IMAGE, TESTCONTAINERS_NETWORK_MODE and the testcontainers variables host mode needs. */
export function settingsFromEnv(env: Env): ContainersTargetSettings {
  const localstackImage = env.LOCALSTACK_IMAGE?.trim() || DEFAULT_LOCALSTACK_IMAGE;
  const mode = env.TESTCONTAINERS_NETWORK_MODE?.trim() || 'bridge';
  if (mode !== 'bridge' && mode !== 'host') {
    throw new ContainersTargetError(`TESTCONTAINERS_NETWORK_MODE must be 'host' or 'bridge' (the default), got '${mode}'`);
  }
  const ryukDisabled = env.TESTCONTAINERS_RYUK_DISABLED === 'true';
  if (mode === 'host') requireHostModeSettings(env, ryukDisabled);
  const ryuk = ryukDisabled ? [] : [env.RYUK_CONTAINER_IMAGE?.trim() || DEFAULT_RYUK_IMAGE];
  const engineImage = env.SANDBOX_ENGINE_IMAGE?.trim() || DEFAULT_ENGINE_IMAGE;
  return { localstackImage, engineImage, networkMode: mode, images: [localstackImage, ...ryuk] };
}

function requireHostModeSettings(env: Env, ryukDisabled: boolean): void {
  const problems: string[] = [];
  // Ryuk publishes a mapped port on the default network, which a bridge-less daemon does not have.
  if (!ryukDisabled) problems.push('TESTCONTAINERS_RYUK_DISABLED=true');
  // With /.dockerenv present testcontainers otherwise looks up the bridge gateway (a private address).
  if (!env.TESTCONTAINERS_HOST_OVERRIDE) problems.push('TESTCONTAINERS_HOST_OVERRIDE=127.0.0.1');
  if (problems.length > 0) {
    throw new ContainersTargetError(`TESTCONTAINERS_NETWORK_MODE=host also needs ${problems.join(' and ')}`);
  }
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
      `Docker is not available, so the containers target cannot run (${(err as Error).message}). ` +
        'Start a Docker daemon (on a Debian machine without a registry: scripts/ci-docker.sh) and run again.',
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
    `Docker image(s) not present locally: ${missing.join(', ')}. The containers target never pulls: ` +
      '`docker pull` them where a registry is reachable, or build the sandbox image (bash scripts/ci-docker.sh image) ' +
      `and set LOCALSTACK_IMAGE=${DEFAULT_ENGINE_IMAGE} to use it as a LocalStack stand-in (docs/docker.md).`,
  );
}
