// A sandbox for the console's browser tests: the embedded endpoint on a free port with the pipeline deployed,
// and helpers to load a generated CSV and start the parent on it.
import { PutObjectCommand } from '@aws-sdk/client-s3';
import { CreateStateMachineCommand, DescribeExecutionCommand, StartExecutionCommand } from '@aws-sdk/client-sfn';
import type { AwsClients } from '../../../src/config/clients';
import { configFromEnv, type Env, type SandboxConfig } from '../../../src/config/config';
import { bootstrap, type DeployedPipeline } from '../../../src/pipeline/deploy';
import { generateOrdersCsv, type MalformedKind } from '../../../src/pipeline/orders-csv';
import { startSandbox, type Sandbox } from '../../../src/sandbox/start-sandbox';

export interface ConsoleSandbox {
  readonly sandbox: Sandbox;
  readonly config: SandboxConfig;
  readonly clients: AwsClients;
  readonly pipeline: DeployedPipeline;
  /** http://127.0.0.1:<port>/_sandbox/console/ */
  readonly consoleUrl: string;
  close(): Promise<void>;
}

export async function startConsoleSandbox(env: Env = {}): Promise<ConsoleSandbox> {
  const config = configFromEnv({ SANDBOX_PORT: '0', SFN_TIME_SCALE: '0', ...env });
  const sandbox = await startSandbox({ config, port: 0 });
  const clients = sandbox.clients();
  try {
    const pipeline = await bootstrap(clients, config);
    return { sandbox, config, clients, pipeline, consoleUrl: `${sandbox.url}/_sandbox/console/`, close: () => sandbox.close() };
  } catch (err) {
    await sandbox.close();
    throw err;
  }
}

export interface RunOptions {
  readonly rows: number;
  readonly malformed?: number;
  readonly kinds?: readonly MalformedKind[];
  readonly key: string;
  readonly name?: string;
  /** Execution input fields beyond `key` (e.g. toleratedFailurePercentage). */
  readonly input?: Record<string, unknown>;
}

/** Uploads a generated orders CSV and starts the parent on it; resolves with the execution ARN at once. */
export async function startPipelineRun(target: ConsoleSandbox, options: RunOptions): Promise<string> {
  const csv = generateOrdersCsv({ rows: options.rows, seed: 5, malformed: options.malformed ?? 0, kinds: options.kinds });
  await target.clients.s3.send(new PutObjectCommand({ Bucket: target.config.bucket, Key: options.key, Body: csv.text, ContentType: 'text/csv' }));
  const started = await target.clients.sfn.send(
    new StartExecutionCommand({
      stateMachineArn: target.pipeline.parentArn,
      name: options.name,
      input: JSON.stringify({ key: options.key, ...options.input }),
    }),
  );
  return started.executionArn as string;
}

/** Creates a STANDARD state machine from a definition object. */
export async function createStateMachine(target: ConsoleSandbox, name: string, definition: object): Promise<string> {
  const out = await target.clients.sfn.send(
    new CreateStateMachineCommand({ name, definition: JSON.stringify(definition), roleArn: target.config.roleArn, type: 'STANDARD' }),
  );
  return out.stateMachineArn as string;
}

export async function executionStatus(target: ConsoleSandbox, executionArn: string): Promise<string | undefined> {
  return (await target.clients.sfn.send(new DescribeExecutionCommand({ executionArn }))).status;
}
