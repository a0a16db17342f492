// The seed pipeline (statemachines/parent.asl.json + write-to-ddb.asl.json, rendered by src/pipeline) deployed
// on an embedded sandbox bound to a free port, with an orders CSV uploaded, ready to run under mocks or faults.
import { PutObjectCommand } from '@aws-sdk/client-s3';
import { join } from 'node:path';
import type { AwsClients } from '../../../src/config/clients';
import { configFromEnv, type SandboxConfig } from '../../../src/config/config';
import type { FaultPlan } from '../../../src/faults';
import type { MockConfig } from '../../../src/mocking';
import { bootstrap, ensureStateMachine, type DeployedPipeline } from '../../../src/pipeline/deploy';
import { generateOrdersCsv, type GeneratedCsv } from '../../../src/pipeline/orders-csv';
import { loadDefinition, renderValuesFrom } from '../../../src/pipeline/render-definition';
import { runPipeline, type RunOptions, type RunSummary } from '../../../src/pipeline/run-pipeline';
import { verifyLoad, type VerifyReport } from '../../../src/pipeline/verify';
import { startSandbox, type Sandbox } from '../../../src/sandbox/start-sandbox';

export const EXAMPLES_DIR = join(__dirname, '..', '..', '..', 'examples');

/** A child definition derived from write-to-ddb.asl.json, e.g. with fewer retries. */
type ChildVariant = (definition: Record<string, any>) => void;

export interface PipelineSandboxOptions {
  readonly rows: number;
  readonly env?: Record<string, string>;
  readonly mockConfig?: MockConfig;
  readonly faultPlan?: FaultPlan;
  readonly childVariant?: ChildVariant;
}

export interface PipelineSandbox {
  readonly sandbox: Sandbox;
  readonly config: SandboxConfig;
  readonly clients: AwsClients;
  readonly pipeline: DeployedPipeline;
  readonly csv: GeneratedCsv;
  readonly csvKey: string;
  /** Runs the parent (optionally `parentArn#Case`) to its end; `options` adds to the run's options. */
  run(input?: Record<string, unknown>, testCase?: string, options?: RunOptions): Promise<RunSummary>;
  verify(summary?: RunSummary): Promise<VerifyReport>;
  close(): Promise<void>;
}

export async function startPipelineSandbox(options: PipelineSandboxOptions): Promise<PipelineSandbox> {
  const config = configFromEnv({ SFN_TIME_SCALE: '0', SANDBOX_PORT: '0', ...options.env });
  const sandbox = await startSandbox({ config, port: 0, mockConfig: options.mockConfig, faultPlan: options.faultPlan });
  const clients = sandbox.clients();
  const pipeline = await bootstrap(clients, config);
  if (options.childVariant) await deployChildVariant(clients, config, options.childVariant);
  const csv = generateOrdersCsv({ rows: options.rows, seed: 8 });
  const csvKey = `${config.prefix}/${config.csvFile}`;
  await clients.s3.send(new PutObjectCommand({ Bucket: config.bucket, Key: csvKey, Body: csv.text }));
  const resultsLocation = { bucket: config.bucket, prefix: `${config.prefix}/results` };
  return {
    sandbox,
    config,
    clients,
    pipeline,
    csv,
    csvKey,
    run: (input = {}, testCase, options) =>
      runPipeline(clients, testCase ? `${pipeline.parentArn}#${testCase}` : pipeline.parentArn, {
        input,
        pollMs: 10,
        resultsLocation,
        failuresToShow: 100,
        ...options,
      }),
    verify: (summary) => verifyLoad(clients, { bucket: config.bucket, key: csvKey, table: config.table, manifest: summary?.resultWriter?.manifest }),
    async close() {
      clients.destroy();
      await sandbox.close();
    },
  };
}

async function deployChildVariant(clients: AwsClients, config: SandboxConfig, variant: ChildVariant): Promise<void> {
  const definition = JSON.parse(loadDefinition('write-to-ddb.asl.json', renderValuesFrom(config))) as Record<string, any>;
  variant(definition);
  await ensureStateMachine(clients.sfn, {
    name: config.childStateMachineName,
    definition: JSON.stringify(definition),
    type: 'EXPRESS',
    roleArn: config.roleArn,
  });
}

/** The items a ResultWriter FAILED entry's child execution reports as not written (its Fail Cause). */
export function failedRowsOf(summary: RunSummary): string[] {
  return summary.failures.flatMap((f) => {
    const cause = JSON.parse(f.cause ?? '{}') as { failed?: { csvRow: string }[] };
    return (cause.failed ?? []).map((r) => r.csvRow);
  });
}
