// The full pipeline flow: N CSV rows become N items with the ItemSelector's exact attributes, written by
// child executions of 10 rows each, never more of them at once than MaxConcurrency allows.
import { generateOrdersCsv } from '../../src/pipeline/orders-csv';
import { ConcurrencyProbeStore } from './support/concurrency-probe';
import { coreCounts, counts, deployCase, runCase, uploadCsv, verifyCase, type CaseDeployment } from './support/pipeline-case';
import { expectedItem, firstTableDifference } from './support/table-diff';
import { startTarget, targetName, type E2eTarget } from './support/target';

/** 10,000 rows take 3-26 s on a 2-core machine depending on its load; 300 s leaves room for 4x that and more. */
const LARGE_RUN_TIMEOUT_MS = 300_000;

describe(`full flow (${targetName()} target)`, () => {
  const probe = new ConcurrencyProbeStore();
  let target: E2eTarget;

  beforeAll(async () => {
    target = await startTarget({ suite: 'full-flow', store: probe });
  });
  afterAll(() => target?.close());

  /** Deploys a fresh pipeline, loads `rows` generated rows and runs it. */
  async function load(rows: number, input: { maxConcurrency?: number } = {}) {
    const deployment: CaseDeployment = await deployCase(target);
    const csv = generateOrdersCsv({ rows, seed: rows });
    const key = await uploadCsv(target, deployment, csv.text);
    const run = await runCase(target, deployment, { key, ...input });
    return { deployment, csv, key, run };
  }

  it('1,000 rows: SUCCEEDED, 1,000 items with the exact attributes, 100 children of 10 rows, results in SUCCEEDED_0', async () => {
    const { deployment, csv, key, run } = await load(1000);
    expect({ status: run.summary.status, error: run.summary.error, cause: run.summary.cause }).toEqual({
      status: 'SUCCEEDED',
      error: undefined,
      cause: undefined,
    });
    expect(
      firstTableDifference(
        run.table,
        csv.rows.map((row, i) => expectedItem(row, i + 1)),
      ),
    ).toBeUndefined();
    expect(coreCounts(run.mapRun?.itemCounts)).toEqual(counts({ succeeded: 1000, total: 1000 }));
    expect(coreCounts(run.mapRun?.executionCounts)).toEqual(counts({ succeeded: 100, total: 100 }));
    expect(run.mapRun?.status).toBe('SUCCEEDED');
    expect(run.children).toHaveLength(100);
    expect(new Set(run.children.map((c) => `${c.status} itemCount=${c.itemCount}`))).toEqual(new Set(['SUCCEEDED itemCount=10']));
    const manifest = run.summary.resultWriter!.manifest;
    expect(manifest.MapRunArn).toBe(run.summary.mapRunArn);
    expect(manifest.ResultFiles.SUCCEEDED.map((f) => f.Key)).toEqual([
      `${deployment.resultsPrefix}/${run.summary.mapRunArn!.split(':').pop()}/SUCCEEDED_0.json`,
    ]);
    expect({ FAILED: manifest.ResultFiles.FAILED, PENDING: manifest.ResultFiles.PENDING }).toEqual({ FAILED: [], PENDING: [] });
    // COMPACT: only each child's output, the Choice state's parse of write-to-ddb's `{"written": n}`.
    expect(run.results.SUCCEEDED).toHaveLength(100);
    expect(new Set(run.results.SUCCEEDED.map((e) => JSON.stringify(e)))).toEqual(new Set(['{"written":10}']));
    const verify = await verifyCase(target, deployment, run, key);
    expect({ ok: verify.ok, present: verify.present, tableItems: verify.tableItems, lost: verify.lost.length }).toEqual({
      ok: true,
      present: 1000,
      tableItems: 1000,
      lost: 0,
    });
  });

  it('205 rows: batches of at most 10 items, 21 children (the last with 5 items), each row written once', async () => {
    const { csv, run } = await load(205);
    expect({ status: run.summary.status, error: run.summary.error, cause: run.summary.cause }).toEqual({
      status: 'SUCCEEDED',
      error: undefined,
      cause: undefined,
    });
    expect(run.children.map((c) => c.itemCount).sort((a, b) => a! - b!)).toEqual([5, ...Array(20).fill(10)]);
    expect(coreCounts(run.mapRun?.executionCounts)).toEqual(counts({ succeeded: 21, total: 21 }));
    expect(run.results.SUCCEEDED.map((e) => JSON.stringify(e)).sort()).toEqual([...Array(20).fill('{"written":10}'), '{"written":5}'].sort());
    expect(
      firstTableDifference(
        run.table,
        csv.rows.map((row, i) => expectedItem(row, i + 1)),
      ),
    ).toBeUndefined();
  });

  it('MaxConcurrency 3 from the input: DescribeMapRun reports 3 and at most 3 children ever run at once', async () => {
    const { csv, run } = await load(300, { maxConcurrency: 3 });
    expect(run.summary.status).toBe('SUCCEEDED');
    expect(run.mapRun?.maxConcurrency).toBe(3);
    const peak = probe.peakConcurrency(run.summary.mapRunArn!);
    expect(peak).toBeLessThanOrEqual(3);
    // More than one at a time, or the limit was never exercised (30 children, each awaiting 10 writes).
    expect(peak).toBeGreaterThan(1);
    expect(
      firstTableDifference(
        run.table,
        csv.rows.map((row, i) => expectedItem(row, i + 1)),
      ),
    ).toBeUndefined();
  });

  it('MaxConcurrency 1: the children run strictly one after another', async () => {
    const { run } = await load(100, { maxConcurrency: 1 });
    expect(run.summary.status).toBe('SUCCEEDED');
    expect(run.mapRun?.maxConcurrency).toBe(1);
    expect(probe.peakConcurrency(run.summary.mapRunArn!)).toBe(1);
    expect(coreCounts(run.mapRun?.executionCounts)).toEqual(counts({ succeeded: 10, total: 10 }));
  });

  it(
    '10,000 rows: every row present with the exact attributes, 1,000 children, verify accounts for every row',
    async () => {
      const { deployment, csv, key, run } = await load(10_000);
      expect(run.summary.status).toBe('SUCCEEDED');
      expect(coreCounts(run.mapRun?.itemCounts)).toEqual(counts({ succeeded: 10_000, total: 10_000 }));
      expect(coreCounts(run.mapRun?.executionCounts)).toEqual(counts({ succeeded: 1000, total: 1000 }));
      expect(run.children).toHaveLength(1000);
      expect(run.results.SUCCEEDED).toHaveLength(1000);
      expect(
        firstTableDifference(
          run.table,
          csv.rows.map((row, i) => expectedItem(row, i + 1)),
        ),
      ).toBeUndefined();
      const verify = await verifyCase(target, deployment, run, key);
      expect({ ok: verify.ok, csvItems: verify.csvItems, present: verify.present, lost: verify.lost[0] }).toEqual({
        ok: true,
        csvItems: 10_000,
        present: 10_000,
        lost: undefined,
      });
    },
    LARGE_RUN_TIMEOUT_MS,
  );

  // AWS API reference, MapRunItemCounts.resultsWritten: "Returns the count of items whose results were written
  // by ResultWriter" (items, not child executions; MapRunExecutionCounts.resultsWritten counts executions).
  it('DescribeMapRun itemCounts.resultsWritten counts items (200), executionCounts.resultsWritten children (20)', async () => {
    const { run } = await load(200);
    expect(run.summary.status).toBe('SUCCEEDED');
    expect({ items: run.mapRun?.itemCounts?.resultsWritten, executions: run.mapRun?.executionCounts?.resultsWritten }).toEqual({ items: 200, executions: 20 });
  });
});
