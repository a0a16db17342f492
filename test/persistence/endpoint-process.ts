// The endpoint CLI as a real process on port 0 with a data dir, plus SDK clients for it and the seed pipeline.
import { PutObjectCommand } from '@aws-sdk/client-s3';
import { createClients, type AwsClients } from '../../src/config/clients';
import { configFromEnv, type SandboxConfig } from '../../src/config/config';
import { bootstrap, type DeployedPipeline } from '../../src/pipeline/deploy';
import { generateOrdersCsv } from '../../src/pipeline/orders-csv';
import { ready, runTsx, type TsxRun } from '../support/tsx-process';

export interface EndpointProcess {
  readonly run: TsxRun;
  readonly url: string;
  readonly config: SandboxConfig;
  readonly clients: AwsClients;
}

export async function startEndpointProcess(dataDir: string): Promise<EndpointProcess> {
  const run = runTsx('src/cli/endpoint.ts', ['--port', '0', '--data-dir', dataDir], { env: { SANDBOX_HOST: '127.0.0.1', SFN_TIME_SCALE: '0' } });
  try {
    await ready(run);
  } catch (err) {
    run.child.kill('SIGKILL');
    throw err;
  }
  const url = /on (http:\/\/127\.0\.0\.1:\d+)/.exec(run.stderr())?.[1];
  if (!url) throw new Error(`the endpoint did not say where it listens: ${run.stderr()}`);
  const config = configFromEnv({ AWS_ENDPOINT_URL: url });
  return { run, url, config, clients: createClients(config) };
}

/** Stops it with `signal` and resolves with its exit code (null when killed by the signal). */
export async function stopEndpointProcess(endpoint: EndpointProcess, signal: NodeJS.Signals): Promise<number | null> {
  endpoint.clients.destroy();
  endpoint.run.child.kill(signal);
  return endpoint.run.exited;
}

/** Bootstraps the seed pipeline and uploads a generated orders CSV of `rows` rows; returns where it is. */
export async function deployWithCsv(endpoint: EndpointProcess, rows: number): Promise<DeployedPipeline & { key: string }> {
  const deployed = await bootstrap(endpoint.clients, endpoint.config);
  const key = `${endpoint.config.prefix}/${endpoint.config.csvFile}`;
  await endpoint.clients.s3.send(new PutObjectCommand({ Bucket: deployed.bucket, Key: key, Body: generateOrdersCsv({ rows, seed: 11 }).text }));
  return { ...deployed, key };
}
