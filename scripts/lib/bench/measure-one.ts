// One measurement in the current process: a fresh in-process sandbox (port 0, in memory or in a temporary data
// directory), the seeded CSV in S3, then either the pipeline (parent + Express child, batch 10) or the direct load,
// timed, counted and checked.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PutObjectCommand } from '@aws-sdk/client-s3';
import { ScanCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { AwsClients } from '../../../src/config/clients';
import { configFromEnv, type SandboxConfig } from '../../../src/config/config';
import { bootstrap, ensureBucket, ensureTable } from '../../../src/pipeline/deploy';
import { runPipeline } from '../../../src/pipeline/run-pipeline';
import { startSandbox } from '../../../src/sandbox/start-sandbox';
import { directLoad } from './direct-load';
import { seededOrdersCsv } from './seeded-csv';

type Mode = 'pipeline' | 'direct';

export interface Measurement {
  readonly mode: Mode;
  readonly rows: number;
  /** StartExecution → SUCCEEDED for the pipeline (the service's own start/stop dates); first read → last write for direct. */
  readonly seconds: number;
  readonly status: string;
  /** Items found in the table afterwards (a Scan with Select COUNT): must equal rows. */
  readonly itemsInTable: number;
  /** Child executions the Map Run started (pipeline only). */
  readonly childExecutions?: number;
  readonly peakRssMb: number;
  /** User + system CPU seconds of the whole process during the timed part: steadier than wall time on a shared machine. */
  readonly cpuSeconds: number;
  /** The part of cpuSeconds spent on the main thread (the rest ran in worker threads, e.g. the DynamoDB store). */
  readonly mainThreadCpuSeconds: number;
}

export interface MeasureOptions {
  readonly mode: Mode;
  readonly rows: number;
  readonly concurrency: number;
  readonly seed?: number;
  /** Keep S3, DynamoDB and Step Functions in a temporary --data-dir (removed afterwards) instead of in memory. */
  readonly onDisk?: boolean;
}

/** Prefix of the temporary data directories of --on-disk measurements, under the OS temp directory. */
export const BENCH_DATA_DIR_PREFIX = 'sfn-csv-sandbox-bench-';

const CSV_KEY = 'bench/orders.csv';

/**
 * The settings a measurement takes from the environment: how the sandbox runs, not what it runs. Everything
 * else (endpoints, data directory, faults, mocks, time scale) is the bench's own, so a shell set up for other
 * work cannot point a measurement elsewhere or slow it down.
 */
const TUNING_SETTINGS = ['SANDBOX_DYNAMODB_THREAD', 'SANDBOX_EXPRESS_HISTORIES'] as const;

function tuning(env: NodeJS.ProcessEnv): Record<string, string | undefined> {
  return Object.fromEntries(TUNING_SETTINGS.map((name) => [name, env[name]]));
}

export async function measureOne(options: MeasureOptions): Promise<Measurement> {
  // Real time scale: nothing in a healthy run waits, so scaling would only hide a retry storm.
  const config = configFromEnv({
    ...tuning(process.env),
    SANDBOX_PORT: '0',
    SANDBOX_TABLE: `bench-${options.mode}`,
    SANDBOX_PREFIX: 'bench',
  });
  // The in-memory table alone costs ~3 KB per row; on disk, RSS shows what the pipeline itself keeps.
  const dataDir = options.onDisk ? await mkdtemp(join(tmpdir(), BENCH_DATA_DIR_PREFIX)) : undefined;
  const sandbox = await startSandbox({ config, host: '127.0.0.1', port: 0, dataDir });
  const clients = sandbox.clients();
  try {
    await uploadCsv(clients, config, options);
    const cpuBefore = process.cpuUsage();
    const threadCpuBefore = process.threadCpuUsage();
    const run = options.mode === 'pipeline' ? await timePipeline(clients, config, options) : await timeDirect(clients, config, options);
    const cpu = process.cpuUsage(cpuBefore);
    const threadCpu = process.threadCpuUsage(threadCpuBefore);
    const cpuSeconds = Math.round((cpu.user + cpu.system) / 10_000) / 100;
    const mainThreadCpuSeconds = Math.round((threadCpu.user + threadCpu.system) / 10_000) / 100;
    const itemsInTable = await countItems(clients.dynamodb, config.table);
    return {
      mode: options.mode,
      rows: options.rows,
      ...run,
      cpuSeconds,
      mainThreadCpuSeconds,
      itemsInTable,
      peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
    };
  } finally {
    clients.destroy();
    await sandbox.close();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  }
}

/**
 * Generates the CSV and uploads it, in a function of its own so that nothing holds the generated Buffer (≈ 50 MB at
 * a million rows) during the timed part: a user's process never has it, and it counted in the peak RSS.
 */
async function uploadCsv(clients: AwsClients, config: SandboxConfig, options: MeasureOptions): Promise<void> {
  await ensureBucket(clients.s3, config.bucket, config.region);
  const csv = seededOrdersCsv(options.rows, options.seed);
  await clients.s3.send(new PutObjectCommand({ Bucket: config.bucket, Key: CSV_KEY, Body: csv, ContentType: 'text/csv' }));
}

type Timed = Pick<Measurement, 'seconds' | 'status' | 'childExecutions'>;

async function timePipeline(clients: AwsClients, config: SandboxConfig, options: MeasureOptions): Promise<Timed> {
  const { parentArn } = await bootstrap(clients, config);
  const summary = await runPipeline(clients, parentArn, {
    input: { key: CSV_KEY, maxConcurrency: options.concurrency },
    pollMs: 100,
    resultsLocation: { bucket: config.bucket, prefix: `${config.prefix}/results` },
  });
  if (summary.status !== 'SUCCEEDED') {
    throw new Error(`pipeline ended ${summary.status}: ${summary.error ?? ''} ${summary.cause ?? ''}`.trim());
  }
  return { seconds: summary.durationMs / 1000, status: summary.status, childExecutions: summary.executions?.total };
}

async function timeDirect(clients: AwsClients, config: SandboxConfig, options: MeasureOptions): Promise<Timed> {
  await ensureTable(clients.dynamodb, config.table);
  const started = performance.now();
  const written = await directLoad(clients, { bucket: config.bucket, key: CSV_KEY, table: config.table, concurrency: options.concurrency });
  const seconds = (performance.now() - started) / 1000;
  return { seconds, status: written === options.rows ? 'SUCCEEDED' : `WROTE ${written}/${options.rows}` };
}

async function countItems(dynamodb: DynamoDBClient, table: string): Promise<number> {
  let count = 0;
  let ExclusiveStartKey: Record<string, never> | undefined;
  do {
    const page = await dynamodb.send(new ScanCommand({ TableName: table, Select: 'COUNT', ExclusiveStartKey }));
    count += page.Count ?? 0;
    ExclusiveStartKey = page.LastEvaluatedKey as typeof ExclusiveStartKey;
  } while (ExclusiveStartKey);
  return count;
}
