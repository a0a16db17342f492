// The benchmark's own code: the report it prints, and the direct load it measures the pipeline against, on
// ~100 rows in an in-process sandbox (the timed runs themselves are `npm run bench`, not a test).
import { PutObjectCommand } from '@aws-sdk/client-s3';
import { GetItemCommand, ScanCommand } from '@aws-sdk/client-dynamodb';
import * as configModule from '../../src/config/config';
import { configFromEnv } from '../../src/config/config';
import { ensureBucket, ensureTable } from '../../src/pipeline/deploy';
import { startSandbox, type Sandbox } from '../../src/sandbox/start-sandbox';
import { directLoad } from '../../scripts/lib/bench/direct-load';
import { orderItem } from '../../src/pipeline/order-item';
import type { OrderRow } from '../../src/pipeline/orders-csv';
import { readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { BENCH_DATA_DIR_PREFIX, measureOne, type Measurement } from '../../scripts/lib/bench/measure-one';
import { formatTable, jsonLine, sizeResult } from '../../scripts/lib/bench/report';
import { seededOrdersCsv } from '../../scripts/lib/bench/seeded-csv';

const measurement = (over: Partial<Measurement>): Measurement => ({
  mode: 'pipeline',
  rows: 10_000,
  seconds: 4,
  status: 'SUCCEEDED',
  itemsInTable: 10_000,
  peakRssMb: 350,
  cpuSeconds: 5.25,
  mainThreadCpuSeconds: 4.5,
  ...over,
});

describe('bench report', () => {
  const result = sizeResult(
    measurement({ childExecutions: 1_000 }),
    measurement({ mode: 'direct', seconds: 0.8, peakRssMb: 200, cpuSeconds: 1.2, mainThreadCpuSeconds: 0.7 }),
  );

  it('joins a pipeline and a direct measurement into rates and a ratio', () => {
    expect(result).toEqual({
      rows: 10_000,
      pipelineSeconds: 4,
      rowsPerSecond: 2_500,
      directSeconds: 0.8,
      directRowsPerSecond: 12_500,
      ratio: 5,
      pipelinePeakRssMb: 350,
      directPeakRssMb: 200,
      childExecutions: 1_000,
      childExecutionsPerSecond: 250,
      pipelineCpuSeconds: 5.25,
      directCpuSeconds: 1.2,
      pipelineMainThreadCpuSeconds: 4.5,
      directMainThreadCpuSeconds: 0.7,
    });
  });

  it('prints a right-aligned Markdown table and one JSON line per size', () => {
    expect(formatTable([result]).split('\n')).toEqual([
      '|   rows | pipeline s | rows/s | direct s | ratio |      peak RSS MB | CPU s (direct) | children/s |',
      '|-------:|-----------:|-------:|---------:|------:|-----------------:|---------------:|-----------:|',
      '| 10,000 |       4.00 |  2,500 |     0.80 | 5.00x | 350 (direct 200) |      5.3 (1.2) |        250 |',
    ]);
    expect(JSON.parse(jsonLine(result))).toEqual({ bench: 'pipeline-vs-direct', ...result });
  });
});

describe('bench direct load', () => {
  let sandbox: Sandbox;
  const config = configFromEnv({ SANDBOX_PORT: '0', SANDBOX_TABLE: 'bench-direct-test', SANDBOX_PREFIX: 'bench' });

  beforeAll(async () => {
    sandbox = await startSandbox({ config, host: '127.0.0.1', port: 0 });
  });
  afterAll(() => sandbox.close());

  it('writes every row of the seeded CSV once, shaped like the ItemSelector, with fewer writers than batches', async () => {
    const clients = sandbox.clients();
    try {
      await ensureBucket(clients.s3, config.bucket, config.region);
      await ensureTable(clients.dynamodb, config.table);
      const csv = seededOrdersCsv(103, 7);
      await clients.s3.send(new PutObjectCommand({ Bucket: config.bucket, Key: 'bench/t.csv', Body: csv }));
      const written = await directLoad(clients, { bucket: config.bucket, key: 'bench/t.csv', table: config.table, concurrency: 2 });
      expect(written).toBe(103);
      const scan = await clients.dynamodb.send(new ScanCommand({ TableName: config.table, Select: 'COUNT' }));
      expect(scan.Count).toBe(103);
      const [header, first] = csv.toString('utf8').split('\n');
      const row = Object.fromEntries(header.split(',').map((column, i) => [column, first.split(',')[i]]));
      const item = orderItem(row as OrderRow, 1);
      const stored = await clients.dynamodb.send(new GetItemCommand({ TableName: config.table, Key: { pk: item.pk, sk: item.sk } }));
      expect(stored.Item).toEqual(item);
      expect(item.csvRow).toEqual({ N: '1' });
    } finally {
      clients.destroy();
    }
  });

  it('makes the same CSV for the same seed and row count', () => {
    expect(seededOrdersCsv(20, 3).equals(seededOrdersCsv(20, 3))).toBe(true);
    expect(seededOrdersCsv(20, 3).toString('utf8').trim().split('\n')).toHaveLength(21);
  });
});

describe('bench measurement', () => {
  const benchDirs = async () => (await readdir(tmpdir())).filter((name) => name.startsWith(BENCH_DATA_DIR_PREFIX));

  it('--on-disk measures a store in a temporary data directory and removes it afterwards', async () => {
    const before = await benchDirs();
    const m = await measureOne({ mode: 'pipeline', rows: 37, concurrency: 3, seed: 5, onDisk: true });
    expect(m).toMatchObject({ mode: 'pipeline', rows: 37, status: 'SUCCEEDED', itemsInTable: 37, childExecutions: 4 });
    expect(await benchDirs()).toEqual(before);
  });

  it('takes the sandbox tuning settings from the environment, and nothing else', async () => {
    const configs = jest.spyOn(configModule, 'configFromEnv');
    const saved = { ...process.env };
    Object.assign(process.env, { SANDBOX_EXPRESS_HISTORIES: '0', SANDBOX_DYNAMODB_THREAD: 'main', SANDBOX_TABLE: 'mine', SFN_TIME_SCALE: '1000' });
    try {
      const m = await measureOne({ mode: 'pipeline', rows: 12, concurrency: 2, seed: 2 });
      expect(m).toMatchObject({ status: 'SUCCEEDED', itemsInTable: 12 });
      const env = configs.mock.calls[0][0];
      expect(env).toMatchObject({ SANDBOX_EXPRESS_HISTORIES: '0', SANDBOX_DYNAMODB_THREAD: 'main', SANDBOX_TABLE: 'bench-pipeline' });
      expect(env.SFN_TIME_SCALE).toBeUndefined();
      expect(configs.mock.results[0].value).toMatchObject({ expressHistories: 0 });
    } finally {
      process.env = saved;
      configs.mockRestore();
    }
  });
});
