// Malformed rows: every kind of defect `npm run seed` can inject (generateOrdersCsv), one kind at a
// time and all mixed: what reaches DynamoDB, what the run reports (status, DescribeMapRun, FAILED_n), and
// that verifyLoad accounts for every row. Runs tolerate any failure (ToleratedFailurePercentage 100) so the
// whole file is processed. The CSV rules applied are the sandbox's (item-reader/CSV-RULES.md).
import { generateOrdersCsv, MALFORMED_KINDS, type MalformedKind } from '../../src/pipeline/orders-csv';
import { defectRows, planBatches, planOutcome, rowsByCsvRow } from './support/batch-plan';
import { coreCounts, counts, csvRowsOf, deployCase, runCase, uploadCsv, verifyCase } from './support/pipeline-case';
import { expectedItem, firstTableDifference } from './support/table-diff';
import { startTarget, targetName, type E2eTarget } from './support/target';

const ROWS = 200;
const DEFECTS = 3;
/** Kinds whose row the reader delivers but DynamoDB rejects (an empty or non-numeric N value). */
const REJECTED_BY_DYNAMODB: readonly MalformedKind[] = ['missing-fields', 'non-numeric-price'];
/** Kinds that never become an item of their own. */
const NOT_AN_ITEM: readonly MalformedKind[] = ['empty-line'];

describe(`malformed rows (${targetName()} target)`, () => {
  let target: E2eTarget;

  beforeAll(async () => {
    target = await startTarget({ suite: 'malformed' });
  });
  afterAll(() => target?.close());

  async function load(text: string) {
    const deployment = await deployCase(target);
    const key = await uploadCsv(target, deployment, text);
    const run = await runCase(target, deployment, { key, toleratedFailurePercentage: 100 });
    return { deployment, key, run };
  }

  it.each(MALFORMED_KINDS.filter((k) => k !== 'unbalanced-quote'))('%s ×3 in 200 rows: the run SUCCEEDS, every row is written or in FAILED_n', async (kind) => {
    const csv = generateOrdersCsv({ rows: ROWS, seed: 21, malformed: DEFECTS, kinds: [kind] });
    const { deployment, key, run } = await load(csv.text);
    const items = ROWS - (NOT_AN_ITEM.includes(kind) ? DEFECTS : 0);
    const rejected = REJECTED_BY_DYNAMODB.includes(kind) ? defectRows(csv, [kind]) : [];
    const want = planOutcome(planBatches(items, rejected), { toleratedFailurePercentage: 100 });

    expect(run.summary.status).toBe('SUCCEEDED');
    expect(coreCounts(run.mapRun?.itemCounts)).toEqual(counts({ succeeded: want.succeededItems, failed: want.failedItems, total: items }));
    expect(coreCounts(run.mapRun?.executionCounts)).toEqual(
      counts({ succeeded: want.succeededBatches, failed: want.failedBatches, total: want.succeededBatches + want.failedBatches }),
    );
    // The table: every row the reader produced, except those DynamoDB rejected (extra fields dropped, BOM stripped).
    const rows = rowsByCsvRow(csv);
    expect(
      firstTableDifference(
        run.table,
        want.writtenRows.map((n) => expectedItem(rows.get(n)!, n)),
      ),
    ).toBeUndefined();
    expect(csvRowsOf(run.results.FAILED)).toEqual(want.failedRows);
    for (const entry of run.results.FAILED) {
      const cause = JSON.parse(entry.Cause!) as { failed: { csvRow: string; error: string; cause: string }[] };
      expect(cause.failed.map((f) => `${f.csvRow} ${f.error}`)).toEqual(
        rejected.filter((n) => want.failedRows.includes(n) && csvRowsOf([entry]).includes(n)).map((n) => `${n} DynamoDB.AmazonDynamoDBException`),
      );
    }
    const verify = await verifyCase(target, deployment, run, key);
    expect({
      ok: verify.ok,
      lost: verify.lost[0],
      mismatched: verify.mismatched[0],
      csvItems: verify.csvItems,
      valid: verify.validRows,
      present: verify.present,
    }).toEqual({
      ok: true,
      lost: undefined,
      mismatched: undefined,
      csvItems: items,
      valid: items - rejected.length,
      present: items - rejected.length,
    });
  });

  it('unbalanced-quote ×3: the third quote is never closed, so the run FAILS with States.ItemReaderFailed naming its line; nothing is written', async () => {
    const csv = generateOrdersCsv({ rows: ROWS, seed: 21, malformed: DEFECTS, kinds: ['unbalanced-quote'] });
    const { deployment, key, run } = await load(csv.text);
    const lastQuote = Math.max(...csv.defects.map((d) => d.line));
    const cause = `Invalid CSV in s3://${deployment.pipeline.bucket}/${key}: unterminated quoted field: the quote opened on line ${lastQuote} is never closed.`;
    expect({ status: run.summary.status, error: run.summary.error, cause: run.summary.cause }).toEqual({
      status: 'FAILED',
      error: 'States.ItemReaderFailed',
      cause,
    });
    expect(run.mapRun?.status).toBe('FAILED');
    expect(run.children).toHaveLength(0);
    expect(run.table.size).toBe(0);
    // verify reads the file with the same reader and refuses it the same way: no row is silently skipped.
    await expect(verifyCase(target, deployment, run, key)).rejects.toMatchObject({ error: 'States.ItemReaderFailed', cause });
  });

  it('all kinds mixed (2 of each in 1,000 rows): the 2 stray quotes merge the lines between them into one row, which verify reports', async () => {
    const csv = generateOrdersCsv({ rows: 1000, seed: 5, malformed: 2 * MALFORMED_KINDS.length, kinds: MALFORMED_KINDS });
    const quotes = csv.defects.filter((d) => d.kind === 'unbalanced-quote').map((d) => d.line);
    expect(quotes).toHaveLength(2);
    // Lines (1-based) from the first stray quote to the second become one row; blank lines are no rows.
    const lines = csv.text.split('\n').slice(0, -1);
    const nonEmpty = (from: number, to: number) => lines.slice(from - 1, to).filter((l) => l !== '').length;
    const merged = nonEmpty(Math.min(...quotes), Math.max(...quotes)) - 1;
    const items = nonEmpty(2, lines.length) - merged;
    const { deployment, key, run } = await load(csv.text);

    expect(run.summary.status).toBe('SUCCEEDED');
    expect(run.mapRun?.itemCounts?.total).toBe(items);
    expect((run.mapRun?.itemCounts?.succeeded ?? 0) + (run.mapRun?.itemCounts?.failed ?? 0)).toBe(items);
    const verify = await verifyCase(target, deployment, run, key);
    expect({
      ok: verify.ok,
      csvItems: verify.csvItems,
      linesMergedAway: verify.csvDataLines - verify.csvItems,
      lost: verify.lost[0],
      mismatched: verify.mismatched[0],
      allValidPresent: verify.present === verify.validRows,
      // The merged row keeps numeric fields from the second quote's line, so DynamoDB accepts it.
      writtenDespiteDefects: verify.writtenDespiteDefects,
    }).toEqual({
      ok: false,
      csvItems: items,
      linesMergedAway: merged,
      lost: undefined,
      mismatched: undefined,
      allValidPresent: true,
      writtenDespiteDefects: 1,
    });
    // The rows DynamoDB rejected (missing fields, non-numeric prices, unless merged away) are each in a FAILED_n batch.
    const insideMerge = (line: number) => line >= Math.min(...quotes) && line <= Math.max(...quotes);
    const rejectedPks = csv.defects
      .filter((d) => REJECTED_BY_DYNAMODB.includes(d.kind) && !insideMerge(d.line))
      .map((d) => d.text.split(',').slice(0, 2).join('-'));
    const failedPks = run.results.FAILED.flatMap((e) => (JSON.parse(e.Cause!) as { failed: { pk: string }[] }).failed.map((f) => f.pk));
    expect(failedPks.sort()).toEqual(rejectedPks.sort());
  });
});
