// Re-running the pipeline on the same CSV (bootstrap again, run again) is idempotent: the same
// items, no duplicates, the same counts, and a separate ResultWriter folder per Map Run.
import { bootstrap } from '../../src/pipeline/deploy';
import { generateOrdersCsv } from '../../src/pipeline/orders-csv';
import { coreCounts, counts, deployCase, runCase, uploadCsv, verifyCase } from './support/pipeline-case';
import { expectedItem, firstTableDifference } from './support/table-diff';
import { startTarget, targetName, type E2eTarget } from './support/target';

describe(`re-running on the same CSV (${targetName()} target)`, () => {
  let target: E2eTarget;

  beforeAll(async () => {
    target = await startTarget({ suite: 'rerun' });
  });
  afterAll(() => target?.close());

  it('500 rows run twice (bootstrap repeated in between): same 500 items, no duplicates, same counts, two result folders', async () => {
    const deployment = await deployCase(target);
    const csv = generateOrdersCsv({ rows: 500, seed: 8 });
    const expected = csv.rows.map((row, i) => expectedItem(row, i + 1));
    const key = await uploadCsv(target, deployment, csv.text);

    const first = await runCase(target, deployment, { key });
    expect(first.summary.status).toBe('SUCCEEDED');
    expect(firstTableDifference(first.table, expected)).toBeUndefined();

    // The deploy step is idempotent too: same resources, same ARNs.
    expect(await bootstrap(target.clients, deployment.config)).toEqual(deployment.pipeline);
    const second = await runCase(target, deployment, { key });
    expect(second.summary.status).toBe('SUCCEEDED');
    expect(second.summary.executionArn).not.toBe(first.summary.executionArn);
    expect(firstTableDifference(second.table, expected)).toBeUndefined();
    expect(second.table.size).toBe(500);

    for (const run of [first, second]) {
      expect(coreCounts(run.mapRun?.itemCounts)).toEqual(counts({ succeeded: 500, total: 500 }));
      expect(coreCounts(run.mapRun?.executionCounts)).toEqual(counts({ succeeded: 50, total: 50 }));
      expect(run.results.SUCCEEDED).toHaveLength(50);
    }
    const folder = (run: typeof first) => run.summary.resultWriter!.manifestKey.split('/').slice(0, -1).join('/');
    expect(folder(second)).not.toBe(folder(first));

    const verify = await verifyCase(target, deployment, second, key);
    expect({ ok: verify.ok, duplicateKeys: verify.duplicateKeys, tableItems: verify.tableItems, present: verify.present }).toEqual({
      ok: true,
      duplicateKeys: 0,
      tableItems: 500,
      present: 500,
    });
  });
});
