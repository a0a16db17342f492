// The main job (`npm start`): bootstrap, seed a generated CSV, run the parent workflow, verify the table
// against the CSV. Takes clients and config only, so it runs the same against any target.
import { PutObjectCommand } from '@aws-sdk/client-s3';
import type { AwsClients } from '../config/clients';
import type { SandboxConfig } from '../config/config';
import { bootstrap } from './deploy';
import { generateOrdersCsv } from './orders-csv';
import { runPipeline, type Progress, type RunSummary } from './run-pipeline';
import { verifyLoad, type VerifyReport } from './verify';

export interface DemoOptions {
  readonly rows: number;
  readonly seed: number;
  readonly malformed: number;
  readonly onStep?: (line: string) => void;
  readonly onProgress?: (progress: Progress) => void;
  readonly pollMs?: number;
}

export interface DemoResult {
  readonly summary: RunSummary;
  readonly verify: VerifyReport;
  readonly key: string;
}

export async function runDemo(clients: AwsClients, config: SandboxConfig, options: DemoOptions): Promise<DemoResult> {
  const step = options.onStep ?? (() => undefined);
  const deployed = await bootstrap(clients, config);
  step(`bootstrapped  s3://${config.bucket}, table ${config.table}, ${deployed.parentArn}`);
  const csv = generateOrdersCsv({ rows: options.rows, seed: options.seed, malformed: options.malformed });
  const key = `${config.prefix}/${config.csvFile}`;
  await clients.s3.send(new PutObjectCommand({ Bucket: config.bucket, Key: key, Body: csv.text, ContentType: 'text/csv' }));
  step(`seeded        s3://${config.bucket}/${key}: ${csv.rows.length} rows (seed ${options.seed}), ${csv.defects.length} malformed`);
  const summary = await runPipeline(clients, deployed.parentArn, {
    input: { key },
    resultsLocation: { bucket: config.bucket, prefix: `${config.prefix}/results` },
    pollMs: options.pollMs,
    onProgress: options.onProgress,
  });
  const verify = await verifyLoad(clients, { bucket: config.bucket, key, table: config.table, manifest: summary.resultWriter?.manifest });
  return { summary, verify, key };
}
