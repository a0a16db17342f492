// Failure thresholds end to end: rows whose PutItem DynamoDB rejects (totalPrice "N/A" in an N attribute,
// or a table whose key the items lack) fail their batch; under and at ToleratedFailureCount /
// ToleratedFailurePercentage the run SUCCEEDS and lists them in FAILED_n, over it the run FAILS with
// States.ExceedToleratedFailureThreshold (docs/aws-behaviour.md#failure-tolerance) and the batches never started are PENDING_n.
import { CreateTableCommand, waitUntilTableExists } from '@aws-sdk/client-dynamodb';
import { GetExecutionHistoryCommand } from '@aws-sdk/client-sfn';
import { generateOrdersCsv } from '../../src/pipeline/orders-csv';
import { defectRows, planBatches, planOutcome, rowsByCsvRow, type Tolerance } from './support/batch-plan';
import { coreCounts, counts, csvRowsOf, deployCase, runCase, uploadCsv, verifyCase } from './support/pipeline-case';
import { expectedItem, firstTableDifference } from './support/table-diff';
import { startTarget, targetName, type E2eTarget } from './support/target';

const THRESHOLD_ERROR = 'States.ExceedToleratedFailureThreshold';
const THRESHOLD_CAUSE = 'The specified tolerated failure threshold was exceeded';

// 200 rows, 3 of them with totalPrice "N/A" in 3 different batches: 30 failed items = 15 % of 200.
const ROWS = 200;
const csv = generateOrdersCsv({ rows: ROWS, seed: 7, malformed: 3, kinds: ['non-numeric-price'] });
const plan = planBatches(ROWS, defectRows(csv, ['non-numeric-price']));
const FAILED_ITEMS = 30;

describe(`failure threshold (${targetName()} target)`, () => {
  let target: E2eTarget;

  beforeAll(async () => {
    target = await startTarget({ suite: 'threshold' });
  });
  afterAll(() => target?.close());

  it('fixture: the 3 bad rows sit in 3 different batches (30 of 200 items fail)', () => {
    const badBatches = plan.batches.filter((b) => b.some((row) => plan.badRows.has(row)));
    expect(badBatches.flat()).toHaveLength(FAILED_ITEMS);
  });

  it.each<[string, Tolerance & { maxConcurrency?: number }]>([
    ['ToleratedFailureCount 100 (under): SUCCEEDED, all 30 failed items in FAILED_n', { toleratedFailureCount: 100 }],
    ['ToleratedFailureCount 30 (exactly the failed items): SUCCEEDED', { toleratedFailureCount: FAILED_ITEMS }],
    ['ToleratedFailureCount 29 (one under the failed items): FAILED, later batches PENDING', { toleratedFailureCount: FAILED_ITEMS - 1 }],
    ['ToleratedFailurePercentage 50 (under), MaxConcurrency 50: SUCCEEDED', { toleratedFailurePercentage: 50, maxConcurrency: 50 }],
    ['ToleratedFailurePercentage 15 (exactly 30/200): SUCCEEDED', { toleratedFailurePercentage: 15 }],
    ['ToleratedFailurePercentage 14.9 (just under 15 %): FAILED', { toleratedFailurePercentage: 14.9 }],
    ['no tolerance (both 0): FAILED at the first failed batch', {}],
    ['count 100 but percentage 10: FAILED (exceeding either fails)', { toleratedFailureCount: 100, toleratedFailurePercentage: 10 }],
  ])('%s', async (_name, { maxConcurrency = 1, ...tolerance }) => {
    const deployment = await deployCase(target);
    const key = await uploadCsv(target, deployment, csv.text);
    const run = await runCase(target, deployment, { key, maxConcurrency, ...tolerance });
    const want = planOutcome(plan, tolerance);

    expect({ status: run.summary.status, error: run.summary.error, cause: run.summary.cause }).toEqual(
      want.exceeded ? { status: 'FAILED', error: THRESHOLD_ERROR, cause: THRESHOLD_CAUSE } : { status: 'SUCCEEDED', error: undefined, cause: undefined },
    );
    expect(run.mapRun?.status).toBe(want.exceeded ? 'FAILED' : 'SUCCEEDED');
    expect({ count: run.mapRun?.toleratedFailureCount, percentage: run.mapRun?.toleratedFailurePercentage }).toEqual({
      count: tolerance.toleratedFailureCount ?? (tolerance.toleratedFailurePercentage !== undefined ? 100_000_000 : 0),
      percentage: tolerance.toleratedFailurePercentage ?? (tolerance.toleratedFailureCount !== undefined ? 100 : 0),
    });
    expect(coreCounts(run.mapRun?.itemCounts)).toEqual(
      counts({ succeeded: want.succeededItems, failed: want.failedItems, pending: want.pendingItems, total: ROWS }),
    );
    expect(coreCounts(run.mapRun?.executionCounts)).toEqual(
      counts({ succeeded: want.succeededBatches, failed: want.failedBatches, total: want.succeededBatches + want.failedBatches }),
    );
    expect(run.children).toHaveLength(want.succeededBatches + want.failedBatches);

    // ResultWriter: FAILED_n holds every item of each failed batch, PENDING_n every item never started.
    expect(csvRowsOf(run.results.FAILED)).toEqual(want.failedRows);
    expect(csvRowsOf(run.results.PENDING)).toEqual(want.pendingRows);
    expect(run.results.SUCCEEDED).toHaveLength(want.succeededBatches);
    for (const entry of run.results.FAILED) {
      expect({ Status: entry.Status, Error: entry.Error }).toEqual({ Status: 'FAILED', Error: 'BatchWriteFailed' });
      const cause = JSON.parse(entry.Cause!) as { written: number; failed: { csvRow: string; error: string; cause: string }[] };
      expect(cause.failed.map((f) => Number(f.csvRow)).every((row) => plan.badRows.has(row))).toBe(true);
      expect(cause.failed[0].error).toBe('DynamoDB.AmazonDynamoDBException');
      expect(cause.failed[0].cause).toContain('Error Code: ValidationException');
    }
    for (const entry of run.results.PENDING) expect(entry.Status).toBe('PENDING');

    // The table holds exactly the good rows of the batches that ran.
    const rows = rowsByCsvRow(csv);
    expect(
      firstTableDifference(
        run.table,
        want.writtenRows.map((n) => expectedItem(rows.get(n)!, n)),
      ),
    ).toBeUndefined();
    const verify = await verifyCase(target, deployment, run, key);
    expect({ ok: verify.ok, lost: verify.lost[0], reported: verify.reportedFailed }).toEqual({
      ok: true,
      lost: undefined,
      reported: want.failedItems + want.pendingItems,
    });

    if (want.exceeded) {
      const history = await target.clients.sfn.send(
        new GetExecutionHistoryCommand({ executionArn: run.summary.executionArn, reverseOrder: true, maxResults: 3 }),
      );
      expect(history.events?.map((e) => e.type)).toEqual(['ExecutionFailed', 'MapStateFailed', 'MapRunFailed']);
      expect(history.events?.[2].mapRunFailedEventDetails).toEqual({ error: THRESHOLD_ERROR, cause: THRESHOLD_CAUSE });
    }
  });

  it("a table without the items' key (id): every PutItem fails, the run FAILS at the first batch, nothing is written", async () => {
    const table = `${target.config.table}-wrong-key`;
    await target.clients.dynamodb.send(
      new CreateTableCommand({
        TableName: table,
        BillingMode: 'PAY_PER_REQUEST',
        AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }],
        KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
      }),
    );
    await waitUntilTableExists({ client: target.clients.dynamodb, maxWaitTime: 60, minDelay: 1 }, { TableName: table });
    const deployment = await deployCase(target, { config: { table } });
    const good = generateOrdersCsv({ rows: 50, seed: 3 });
    const key = await uploadCsv(target, deployment, good.text);
    const run = await runCase(target, deployment, { key, maxConcurrency: 1 });

    expect({ status: run.summary.status, error: run.summary.error, cause: run.summary.cause }).toEqual({
      status: 'FAILED',
      error: THRESHOLD_ERROR,
      cause: THRESHOLD_CAUSE,
    });
    expect(coreCounts(run.mapRun?.itemCounts)).toEqual(counts({ failed: 10, pending: 40, total: 50 }));
    expect(run.table.size).toBe(0);
    expect(csvRowsOf(run.results.FAILED)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(csvRowsOf(run.results.PENDING)).toHaveLength(40);
    const cause = JSON.parse(run.results.FAILED[0].Cause!) as { written: number; failed: { error: string; cause: string }[] };
    expect(cause.written).toBe(0);
    expect(cause.failed).toHaveLength(10);
    expect(cause.failed[0].error).toBe('DynamoDB.AmazonDynamoDBException');
    expect(cause.failed[0].cause).toMatch(
      /^One or more parameter values were invalid: Missing the key id in the item \(Service: AmazonDynamoDBv2; Status Code: 400; Error Code: ValidationException; Request ID: [^;]+; Proxy: null\)$/,
    );
  });
});
