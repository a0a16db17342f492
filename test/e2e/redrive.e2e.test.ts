// Redrive after a failure processes only what failed (docs/aws-behaviour.md#redrive: a failed
// Distributed Map is redriven by redriving the parent, and only its unsuccessful children run again). The run
// fails on a row DynamoDB rejects; the team deploys a fixed writer (which also tags what it writes) and
// redrives: the batches that succeeded the first time are not written again, the failed and PENDING ones are.
import { DescribeExecutionCommand, DescribeMapRunCommand, ListMapRunsCommand, RedriveExecutionCommand, StartSyncExecutionCommand } from '@aws-sdk/client-sfn';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ensureStateMachine } from '../../src/pipeline/deploy';
import { generateOrdersCsv } from '../../src/pipeline/orders-csv';
import { STATE_MACHINES_DIR } from '../../src/pipeline/render-definition';
import { followRun } from '../../src/pipeline/run-pipeline';
import { defectRows, planBatches, planOutcome, rowsByCsvRow } from './support/batch-plan';
import { coreCounts, counts, deployCase, runCase, uploadCsv, type CaseDeployment } from './support/pipeline-case';
import { expectedItem, firstTableDifference, scanTable } from './support/table-diff';
import { startTarget, targetName, type E2eTarget } from './support/target';

const ROWS = 100;

/** write-to-ddb, hot-fixed: a non-numeric totalPrice is kept as a string, and every item it writes is tagged. */
function fixedWriterDefinition(): string {
  const definition = JSON.parse(readFileSync(join(STATE_MACHINES_DIR, 'write-to-ddb.asl.json'), 'utf8'));
  definition.States['Put each item'].ItemProcessor.States.PutItem.Arguments.Item =
    "{% $merge([$states.input, {'writer': {'S': 'fixed'}}, $contains($states.input.totalPrice.N, /^[0-9]+(\\.[0-9]+)?$/) ? {} : {'totalPrice': {'S': $states.input.totalPrice.N}}]) %}";
  return JSON.stringify(definition);
}

describe(`redrive (${targetName()} target)`, () => {
  let target: E2eTarget;

  beforeAll(async () => {
    target = await startTarget({ suite: 'redrive' });
  });
  afterAll(() => target?.close());

  async function deployFix(deployment: CaseDeployment): Promise<void> {
    const { config } = deployment;
    await ensureStateMachine(target.clients.sfn, {
      name: config.childStateMachineName,
      definition: fixedWriterDefinition(),
      type: 'EXPRESS',
      roleArn: config.roleArn,
    });
  }

  it('fixture: the fixed writer writes a batch holding a non-numeric price, tagging every item', async () => {
    const deployment = await deployCase(target);
    await deployFix(deployment);
    const good = { pk: { S: 'A-1' }, sk: { S: 'ORDER_HEADER' }, totalPrice: { N: '12.5' }, csvRow: { N: '1' } };
    const bad = { pk: { S: 'B-2' }, sk: { S: 'ORDER_HEADER' }, totalPrice: { N: 'N/A' }, csvRow: { N: '2' } };
    const batch = { BatchInput: { ddbTable: deployment.pipeline.table }, Items: [good, bad] };
    const result = await target.clients.sfn.send(
      new StartSyncExecutionCommand({ stateMachineArn: deployment.pipeline.childArn, input: JSON.stringify(batch) }),
    );
    expect({ status: result.status, output: result.output }).toEqual({ status: 'SUCCEEDED', output: '{"written":2}' });
    const table = await scanTable(target.clients.dynamodb, deployment.pipeline.table);
    const tag = { writer: { S: 'fixed' } };
    expect(
      firstTableDifference(table, [
        { ...good, ...tag },
        { ...bad, ...tag, totalPrice: { S: 'N/A' } },
      ]),
    ).toBeUndefined();
  });

  it('a run FAILED on a rejected row is redriven after a fix: only the failed and PENDING batches run again', async () => {
    const csv = generateOrdersCsv({ rows: ROWS, seed: 6, malformed: 1, kinds: ['non-numeric-price'] });
    const bad = defectRows(csv, ['non-numeric-price']);
    const want = planOutcome(planBatches(ROWS, bad), {});
    // The fixture must leave batches on both sides of the failing one.
    expect(want.succeededBatches).toBeGreaterThan(0);
    expect(want.pendingBatches).toBeGreaterThan(0);

    const deployment = await deployCase(target);
    const key = await uploadCsv(target, deployment, csv.text);
    const failed = await runCase(target, deployment, { key, maxConcurrency: 1 });
    expect({ status: failed.summary.status, error: failed.summary.error }).toEqual({ status: 'FAILED', error: 'States.ExceedToleratedFailureThreshold' });
    expect(coreCounts(failed.mapRun?.itemCounts)).toEqual(
      counts({ succeeded: want.succeededItems, failed: want.failedItems, pending: want.pendingItems, total: ROWS }),
    );

    await deployFix(deployment);
    const { redriveDate } = await target.clients.sfn.send(new RedriveExecutionCommand({ executionArn: failed.summary.executionArn }));
    expect(redriveDate).toBeInstanceOf(Date);
    const redriven = await followRun(target.clients, failed.summary.executionArn, { pollMs: 10 });
    expect({ status: redriven.status, error: redriven.error }).toEqual({ status: 'SUCCEEDED', error: undefined });
    const execution = await target.clients.sfn.send(new DescribeExecutionCommand({ executionArn: failed.summary.executionArn }));
    expect(execution.redriveCount).toBe(1);

    // The same Map Run, redriven once, now complete.
    const mapRuns = await target.clients.sfn.send(new ListMapRunsCommand({ executionArn: failed.summary.executionArn }));
    expect(mapRuns.mapRuns?.map((m) => m.mapRunArn)).toEqual([failed.summary.mapRunArn]);
    const mapRun = await target.clients.sfn.send(new DescribeMapRunCommand({ mapRunArn: failed.summary.mapRunArn }));
    expect({ status: mapRun.status, redriveCount: mapRun.redriveCount }).toEqual({ status: 'SUCCEEDED', redriveCount: 1 });
    expect(coreCounts(mapRun.itemCounts)).toEqual(counts({ succeeded: ROWS, total: ROWS }));

    // Every row present; only rows of the failed and PENDING batches carry the fixed writer's tag.
    const rows = rowsByCsvRow(csv);
    const firstRunRows = new Set(want.writtenRows.filter((n) => !want.failedRows.includes(n)));
    const expected = [...rows.entries()].map(([n, row]) => {
      const item = expectedItem(row, n);
      if (firstRunRows.has(n)) return item;
      return { ...item, writer: { S: 'fixed' }, ...(bad.includes(n) ? { totalPrice: { S: row.totalPrice } } : {}) };
    });
    expect(firstTableDifference(await scanTable(target.clients.dynamodb, deployment.pipeline.table), expected)).toBeUndefined();
  });
});
