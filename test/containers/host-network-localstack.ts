// LocalStack on the host's network, for daemons started with --bridge=none (scripts/ci-docker.sh).
// The stock LocalstackContainer exposes 4566 and waits for Docker to publish a mapped port, which host
// networking never does ("Timed out ... waiting for container ports to be bound to the host"), and its
// getPort() reads that mapping. This subclass drops the port mapping and reports the port it chose.
import { LocalstackContainer, StartedLocalStackContainer } from '@testcontainers/localstack';
import type { StartedTestContainer } from 'testcontainers';
import { serve } from '../support/serve';

class HostNetworkStartedLocalStack extends StartedLocalStackContainer {
  constructor(
    inner: StartedTestContainer,
    private readonly port: number,
  ) {
    super(inner);
  }

  override getHost(): string {
    return '127.0.0.1';
  }

  override getPort(): number {
    return this.port;
  }
}

export class HostNetworkLocalstackContainer extends LocalstackContainer {
  constructor(
    image: string,
    private readonly port: number,
  ) {
    super(image);
    // GATEWAY_LISTEN is LocalStack's listen address (0.0.0.0:4566 by default, which on the host network
    // would be every interface); PORT and SANDBOX_HOST are the same settings for the sandbox image used as a stand-in.
    this.withNetworkMode('host').withEnvironment({ GATEWAY_LISTEN: `127.0.0.1:${port}`, PORT: String(port), SANDBOX_HOST: '127.0.0.1' });
    this.exposedPorts = [];
    delete this.hostConfig.PortBindings;
    delete this.createOpts.ExposedPorts;
  }

  override async start(): Promise<StartedLocalStackContainer> {
    return new HostNetworkStartedLocalStack(await super.start(), this.port);
  }
}

/** A port free on 127.0.0.1 right now. A container on the host network cannot be asked for port 0. */
export async function freeLoopbackPort(): Promise<number> {
  const probe = await serve(() => undefined);
  await probe.close();
  return probe.port;
}
