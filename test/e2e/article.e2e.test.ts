// The article's design as written (statemachines/examples/, placeholders filled by
// render-definition): EXPRESS Map Run children start the writer fire-and-forget (request-response
// states:startExecution), so the run SUCCEEDS whatever happens to the writes (the design's flaw this suite demonstrates).
// verify names the missing rows; the writer's own failure is AWS's, shown by running it synchronously on
// the batch the Map Run sent (AWS offers no DescribeExecution for EXPRESS executions either).
import { DescribeExecutionCommand, StartSyncExecutionCommand } from '@aws-sdk/client-sfn';
import { generateOrdersCsv } from '../../src/pipeline/orders-csv';
import { coreCounts, counts, deployCase, runCase, uploadCsv, verifyCase, type CaseDeployment } from './support/pipeline-case';
import { firstTableDifference, scanTable, type Item } from './support/table-diff';
import { startTarget, targetName, type E2eTarget } from './support/target';

/** 10,000 rows take 3-26 s on a 2-core machine depending on its load; 300 s leaves room for 4x that and more. */
const LARGE_RUN_TIMEOUT_MS = 300_000;

const ARTICLE_PARENT = 'examples/article-parent.asl.json';
const ARTICLE_CHILD = 'examples/article-child.asl.json';
const ARTICLE_CHILD_BATCH_INPUT = 'examples/article-child-batch-input.asl.json';
const ARTICLE_PARENT_DATA_M = 'examples/article-parent-data-m.asl.json';
const OUR_CHILD = 'write-to-ddb.asl.json';
const ROWS = 200;

interface StartedChild {
  readonly childWfOutput: { readonly ExecutionArn: string; readonly StartDate: unknown };
}

describe(`the article's design as written (${targetName()} target)`, () => {
  let target: E2eTarget;
  const csv = generateOrdersCsv({ rows: ROWS, seed: 99 });

  beforeAll(async () => {
    target = await startTarget({ suite: 'article' });
  });
  afterAll(() => target?.close());

  /** The article reads `<s3Prefix>/<csvFile>` and writes results under `<s3Prefix>`. */
  async function runArticle(files: { parent: string; child: string }) {
    const deployment = await deployCase(target, { files, resultsPrefix: (c) => c.prefix });
    const key = await uploadCsv(target, deployment, csv.text);
    const run = await runCase(target, deployment);
    return { deployment, key, run };
  }

  /** What the article's ItemSelector makes of a CSV row (its totalPrice is a string attribute). */
  function articleItem(row: (typeof csv.rows)[number]): Item {
    return {
      pk: { S: `${row.orderNumber}-${row.orderDate}` },
      sk: { S: 'ORDER_HEADER' },
      orderStatus: { S: row.orderStatus },
      totalPrice: { S: row.totalPrice },
    };
  }

  /** Runs the writer synchronously on one batch exactly as the Map Run built it. */
  async function runWriterOn(deployment: CaseDeployment, batch: unknown) {
    return target.clients.sfn.send(new StartSyncExecutionCommand({ stateMachineArn: deployment.pipeline.childArn, input: JSON.stringify(batch) }));
  }

  it('article parent + child: the run SUCCEEDS, every Map Run child SUCCEEDS, yet no row reaches the table and verify names all 200', async () => {
    const { deployment, key, run } = await runArticle({ parent: ARTICLE_PARENT, child: ARTICLE_CHILD });
    expect({ status: run.summary.status, error: run.summary.error }).toEqual({ status: 'SUCCEEDED', error: undefined });
    expect(coreCounts(run.mapRun?.itemCounts)).toEqual(counts({ succeeded: ROWS, total: ROWS }));
    expect(coreCounts(run.mapRun?.executionCounts)).toEqual(counts({ succeeded: 20, total: 20 }));
    expect(run.summary.resultWriter?.manifest.ResultFiles.FAILED).toEqual([]);
    // Each Map Run child only started the writer: its output is StartExecution's {ExecutionArn, StartDate}.
    const started = run.results.SUCCEEDED as unknown as StartedChild[];
    expect(started).toHaveLength(20);
    const writerArn = `arn:aws:states:${deployment.config.region}:${deployment.config.accountId}:express:${deployment.config.childStateMachineName}:`;
    expect(started.every((s) => s.childWfOutput.ExecutionArn.startsWith(writerArn))).toBe(true);
    expect(run.table.size).toBe(0);
    const verify = await verifyCase(target, deployment, run, key);
    expect({ ok: verify.ok, lost: verify.lost.length, first: verify.lost[0] }).toEqual({
      ok: false,
      lost: ROWS,
      first: {
        row: 1,
        line: 2,
        pk: `${csv.rows[0].orderNumber}-${csv.rows[0].orderDate}`,
        reason: 'valid row missing from the table and not in FAILED results',
      },
    });
    // The caller never sees the writer's fate: EXPRESS executions cannot be described (docs/aws-behaviour.md#express-and-standard-workflows).
    await expect(target.clients.sfn.send(new DescribeExecutionCommand({ executionArn: started[0].childWfOutput.ExecutionArn }))).rejects.toMatchObject({
      name: 'InvalidArn',
    });
  });

  // What AWS guarantees for this design: the run SUCCEEDS and every writer is started; a writer's own failure (a
  // throttled or dropped DynamoDB call, which a remote DynamoDB can have under 1,000 concurrent writers) is lost
  // silently. So every row in the table must be the row's own item, nothing else, and verify must account for every
  // row; all rows present is required only in-process, where no network stands between the writers and DynamoDB.
  it(
    "the seed's parent with its child reading BatchInput: 10,000 rows, run SUCCEEDED, the table a faithful subset once the fire-and-forget writers end",
    async () => {
      const rows = 10_000;
      const big = generateOrdersCsv({ rows, seed: 10_000 });
      const deployment = await deployCase(target, { files: { parent: ARTICLE_PARENT, child: ARTICLE_CHILD_BATCH_INPUT }, resultsPrefix: (c) => c.prefix });
      const key = await uploadCsv(target, deployment, big.text);
      const run = await runCase(target, deployment);
      expect({ status: run.summary.status, error: run.summary.error }).toEqual({ status: 'SUCCEEDED', error: undefined });
      expect(coreCounts(run.mapRun?.itemCounts)).toEqual(counts({ succeeded: rows, total: rows }));
      expect(coreCounts(run.mapRun?.executionCounts)).toEqual(counts({ succeeded: rows / 10, total: rows / 10 }));
      // The Map Run's children only started the writers; the parent cannot wait for them, the sandbox can.
      await target.sandbox.stepFunctions!.whenIdle(deployment.pipeline.childArn);
      const table = await scanTable(target.clients.dynamodb, deployment.pipeline.table);
      const expected = big.rows.map(articleItem);
      expect(firstTableDifference(table, expected, { missing: 'allowed' })).toBeUndefined();
      const verify = await verifyCase(target, deployment, { ...run, table }, key);
      expect({ present: verify.present, tableItems: verify.tableItems }).toEqual({ present: table.size, tableItems: table.size });
      expect(verify.present + verify.lost.length).toBe(rows);
      if (target.name === 'embedded') expect(firstTableDifference(table, expected)).toBeUndefined();
    },
    LARGE_RUN_TIMEOUT_MS,
  );

  it("article child on the batch it receives: FAILED with States.QueryEvaluationError, '$states.input.ddbTable' returned nothing", async () => {
    const deployment = await deployCase(target, { files: { parent: ARTICLE_PARENT, child: ARTICLE_CHILD } });
    const batch = { BatchInput: { ddbTable: deployment.pipeline.table }, Items: [{ pk: { S: 'ON100000-2025-01-01' }, sk: { S: 'ORDER_HEADER' } }] };
    const result = await runWriterOn(deployment, batch);
    expect({ status: result.status, error: result.error, cause: result.cause }).toEqual({
      status: 'FAILED',
      error: 'States.QueryEvaluationError',
      cause:
        "An error occurred while executing the state 'Initialize Variables' (entered at the event id #2). " +
        "The JSONata expression '$states.input.ddbTable' specified for the field 'Assign/ddbTable' returned nothing (undefined).",
    });
  });

  it('data {"M": row} variant with a correct writer: the run SUCCEEDS although every PutItem is rejected; the table stays empty', async () => {
    const { deployment, key, run } = await runArticle({ parent: ARTICLE_PARENT_DATA_M, child: OUR_CHILD });
    expect(run.summary.status).toBe('SUCCEEDED');
    expect(coreCounts(run.mapRun?.itemCounts)).toEqual(counts({ succeeded: ROWS, total: ROWS }));
    expect(run.table.size).toBe(0);
    const verify = await verifyCase(target, deployment, run, key);
    expect({ ok: verify.ok, lost: verify.lost.length }).toEqual({ ok: false, lost: ROWS });
    // The batch the Map Run sent, run synchronously through the same writer. Its items carry no csvRow, so the
    // writer's Catch Output ('$states.input.csvRow.N') is undefined: the catcher ran, i.e. PutItem failed.
    const row = csv.rows[0];
    const item = { pk: { S: 'TEST_CSV_LOAD' }, sk: { S: `${row.orderNumber}-${row.orderDate}` }, data: { M: row } };
    const sent = await runWriterOn(deployment, { BatchInput: { ddbTable: deployment.pipeline.table }, Items: [item] });
    expect({ status: sent.status, error: sent.error, cause: sent.cause }).toEqual({
      status: 'FAILED',
      error: 'States.QueryEvaluationError',
      cause:
        "An error occurred while executing the state 'PutItem' (entered at the event id #7). " +
        "The JSONata expression '$states.input.csvRow.N' specified for the field 'Output/csvRow' returned nothing (undefined).",
    });
    // With a csvRow added, the writer records DynamoDB's rejection of the {"M": <plain strings>} attribute itself.
    const labelled = await runWriterOn(deployment, { BatchInput: { ddbTable: deployment.pipeline.table }, Items: [{ ...item, csvRow: { N: '1' } }] });
    expect({ status: labelled.status, error: labelled.error }).toEqual({ status: 'FAILED', error: 'BatchWriteFailed' });
    const cause = JSON.parse(labelled.cause!) as { written: number; failed: { error: string; cause: string }[] };
    expect({ written: cause.written, failed: cause.failed.length, error: cause.failed[0].error }).toEqual({
      written: 0,
      failed: 1,
      error: 'DynamoDB.AmazonDynamoDBException',
    });
    expect(cause.failed[0].cause).toContain('Error Code: ValidationException');
  });
});
