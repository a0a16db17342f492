// One embedded sandbox per describe block (port 0, Step Functions time scaled to 0), with SDK clients that
// reach it in-process: the setup every suite driving the whole sandbox repeats.
import type { AwsClients } from '../../../src/config/clients';
import { configFromEnv } from '../../../src/config/config';
import { startSandbox, type Sandbox, type SandboxOptions } from '../../../src/sandbox/start-sandbox';

export interface EmbeddedSandbox {
  readonly sandbox: Sandbox;
  readonly clients: AwsClients;
}

/** Registers beforeAll/afterAll; read the fields inside tests (they are set once beforeAll has run). */
export function useEmbeddedSandbox(options: Omit<SandboxOptions, 'config'> = {}): EmbeddedSandbox {
  const handle = {} as { sandbox: Sandbox; clients: AwsClients };
  beforeAll(async () => {
    handle.sandbox = await startSandbox({ config: configFromEnv({ SFN_TIME_SCALE: '0' }), port: 0, ...options });
    handle.clients = handle.sandbox.clients();
  });
  afterAll(async () => {
    handle.clients?.destroy();
    await handle.sandbox?.close();
  });
  return handle;
}
