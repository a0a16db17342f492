// Row-level reporting of the pipeline tools: one numbering (CSV line, and data row named as such) from the
// generator through the CSV scan to the run summary and verify; rows merged by a stray quote, quoted line breaks,
// invalid UTF-8, a header without the pipeline's columns; failed rows listed by line, aborted batches apart.
import { PutItemCommand } from '@aws-sdk/client-dynamodb';
import { PutObjectCommand } from '@aws-sdk/client-s3';
import type { AwsClients } from '../../src/config/clients';
import { configFromEnv } from '../../src/config/config';
import { bootstrap, ensureStateMachine, PIPELINE_FILES } from '../../src/pipeline/deploy';
import { loadDefinition, renderValuesFrom } from '../../src/pipeline/render-definition';
import { CsvScanError, headerProblem, scanCsv } from '../../src/pipeline/csv-scan';
import { orderItem } from '../../src/pipeline/order-item';
import { DEFAULT_MALFORMED_KINDS, generateOrdersCsv } from '../../src/pipeline/orders-csv';
import { summaryLines, verifyLines } from '../../src/pipeline/report';
import { runPipeline, type RunSummary } from '../../src/pipeline/run-pipeline';
import { verifyLoad } from '../../src/pipeline/verify';
import { startSandbox, type Sandbox } from '../../src/sandbox/start-sandbox';

const config = configFromEnv({ SANDBOX_BUCKET: 'rows-bucket', SANDBOX_TABLE: 'rows-orders', SFN_TIME_SCALE: '0' });
let sandbox: Sandbox;
let clients: AwsClients;

beforeAll(async () => {
  sandbox = await startSandbox({ config, port: 0 });
  clients = sandbox.clients();
  await bootstrap(clients, config);
});
afterAll(() => sandbox.close());

let n = 0;
async function upload(text: string | Buffer): Promise<{ bucket: string; key: string }> {
  const key = `scan/${++n}.csv`;
  await clients.s3.send(new PutObjectCommand({ Bucket: config.bucket, Key: key, Body: text }));
  return { bucket: config.bucket, key };
}

describe('the generator', () => {
  it('injects no quote-breaking row unless asked for by kind, and names each defect by line and data row', async () => {
    const csv = generateOrdersCsv({ rows: 400, seed: 3, malformed: 10 });
    expect(DEFAULT_MALFORMED_KINDS).not.toContain('unbalanced-quote');
    expect(csv.defects.map((d) => d.kind)).not.toContain('unbalanced-quote');
    const scan = await scanCsv(clients.s3, await upload(csv.text));
    for (const d of csv.defects) {
      if (d.row === undefined) expect(['empty-line', 'bom']).toContain(d.kind);
      else expect(scan.lineOf(d.row)).toBe(d.line);
    }
    expect(generateOrdersCsv({ rows: 50, seed: 3, malformed: 1, kinds: ['unbalanced-quote'] }).defects[0].kind).toBe('unbalanced-quote');
  });
});

describe('scanCsv', () => {
  it('maps data rows to lines across blank lines and quoted line breaks, which are not merged rows', async () => {
    const text = 'orderNumber,orderDate,orderStatus,lineItems,totalPrice\nA,2025-01-01,"two\nlines",1,2\n\nB,2025-01-02,OPEN,1,2\n';
    const scan = await scanCsv(clients.s3, await upload(text));
    expect({ rows: scan.rows, dataLines: scan.dataLines, blank: scan.blankLines }).toEqual({ rows: 2, dataLines: 3, blank: 1 });
    expect([scan.lineOf(1), scan.lineOf(2), scan.lineOf(3)]).toEqual([2, 5, undefined]);
    expect(scan.multiLineRows).toEqual([{ row: 1, line: 2, endLine: 3, mergesRows: false, nonEmptyLines: 2 }]);
  });

  it('recognises lines swallowed by a stray quote as merged rows', async () => {
    const csv = generateOrdersCsv({ rows: 60, seed: 8, malformed: 2, kinds: ['unbalanced-quote'] });
    const [open, close] = csv.defects.map((d) => d.line).sort((a, b) => a - b);
    const scan = await scanCsv(clients.s3, await upload(csv.text));
    expect(scan.multiLineRows).toEqual([{ row: open - 1, line: open, endLine: close, mergesRows: true, nonEmptyLines: close - open + 1 }]);
    expect(scan.dataLines - scan.rows).toBe(close - open);
  });

  it('counts invalid UTF-8 and names the first line, but not a U+FFFD the file spells correctly', async () => {
    const body = Buffer.concat([Buffer.from('orderNumber,orderDate\nA\uFFFD,1\nB'), Buffer.from([0xff, 0xfe]), Buffer.from(',2\nC'), Buffer.from([0xc3])]);
    const scan = await scanCsv(clients.s3, await upload(body));
    expect({ invalid: scan.invalidUtf8, line: scan.firstInvalidUtf8Line }).toEqual({ invalid: 3, line: 2 });
  });

  it('fails like the ItemReader on a quote never closed, naming the line', async () => {
    const where = await upload('a,b\n1,"2\n3,4\n');
    await expect(scanCsv(clients.s3, where)).rejects.toEqual(
      new CsvScanError(`Invalid CSV in s3://${where.bucket}/${where.key}: unterminated quoted field: the quote opened on line 2 is never closed.`),
    );
  });

  it('a header check names the missing columns and the delimiter in use', async () => {
    const scan = await scanCsv(clients.s3, await upload('orderNumber;orderDate;orderStatus;lineItems;totalPrice\nA;1;2;3;4\n'));
    expect(headerProblem(scan, 's3://b/k')).toBe(
      'the header (line 1 of s3://b/k) has 1 column ["orderNumber;orderDate;orderStatus;lineItems;totalPrice"] split by CSVDelimiter COMMA: ' +
        "missing orderNumber, orderDate, orderStatus, lineItems, totalPrice. The header contains ';': is the file SEMICOLON-separated?",
    );
    expect(headerProblem({ headers: ['orderNumber', 'orderDate', 'orderStatus', 'lineItems', 'totalPrice'], delimiter: 'COMMA' }, 's3://b/k')).toBeUndefined();
  });
});

describe('verifyLoad', () => {
  it('accepts a valid CSV whose quoted fields hold line breaks', async () => {
    const where = await upload('orderNumber,orderDate,orderStatus,lineItems,totalPrice\nQ1,2025-01-01,"OPEN\nLATE",1,2\n');
    const row = { orderNumber: 'Q1', orderDate: '2025-01-01', orderStatus: 'OPEN\nLATE', lineItems: '1', totalPrice: '2' };
    await clients.dynamodb.send(new PutItemCommand({ TableName: config.table, Item: orderItem(row, 1) }));
    const report = await verifyLoad(clients, { ...where, table: config.table, run: { status: 'SUCCEEDED' } });
    expect({ ok: report.ok, multiLine: report.multiLineRows, merged: report.mergedRows.length, lost: report.lost, csvDataLines: report.csvDataLines }).toEqual({
      ok: true,
      multiLine: 1,
      merged: 0,
      lost: [],
      csvDataLines: 2,
    });
    expect(verifyLines(report)).toContain('csv        1 rows hold quoted line breaks (one row over several lines, as CSV allows)');
    // After a run's summary (which said how the CSV read), verify adds only the valid count: no second csv line.
    const afterRun = verifyLines(report, { afterRun: true });
    expect(afterRun.filter((l) => l.startsWith('csv'))).toEqual([]);
    expect(afterRun[0]).toBe(`valid      ${report.validRows} of the 1 rows are valid orders`);
  });

  it('never calls a FAILED run with an empty table verified; unreached rows are "never processed", not lost', async () => {
    const where = await upload(generateOrdersCsv({ rows: 30, seed: 4 }).text);
    const report = await verifyLoad(clients, { ...where, table: config.table, run: { status: 'FAILED', error: 'States.ItemReaderFailed' } });
    expect({ ok: report.ok, lost: report.lost.length, notProcessed: report.notProcessed }).toEqual({ ok: false, lost: 0, notProcessed: 30 });
    const lines = verifyLines(report);
    expect(lines).toContain('run        FAILED (States.ItemReaderFailed); 30 rows were never processed (neither written nor in its results)');
    expect(lines.at(-1)).toBe('NOT VERIFIED  0 rows lost, 0 mismatched, the run FAILED');
  });

  it('reports rows merged by a stray quote as not verified, with their lines', async () => {
    const csv = generateOrdersCsv({ rows: 60, seed: 8, malformed: 2, kinds: ['unbalanced-quote'] });
    const [open, close] = csv.defects.map((d) => d.line).sort((a, b) => a - b);
    const report = await verifyLoad(clients, { ...(await upload(csv.text)), table: config.table });
    const lines = verifyLines(report);
    expect(lines).toContain(`MERGED     line ${open} (data row ${open - 1}) runs to line ${close}: a stray quote made ${close - open + 1} lines one row`);
    expect(lines.at(-1)).toMatch(/^NOT VERIFIED {2}\d+ rows lost, 0 mismatched, 1 rows merging several lines$/);
  });
});

describe('a run whose ItemSelector fails on one row', () => {
  it('names the item index in the cause, and the summary names its CSV line and data row', async () => {
    // The pipeline's parent with a cast a production CSV can break: "N/A" is no number (JSONata D3030).
    const definition = loadDefinition(PIPELINE_FILES.parent, renderValuesFrom(config)).replace(
      '"{% $states.context.Map.Item.Value.totalPrice %}"',
      '"{% $string($number($states.context.Map.Item.Value.totalPrice)) %}"',
    );
    const parentArn = await ensureStateMachine(clients.sfn, { name: 'rows-cast-parent', definition, type: 'STANDARD', roleArn: config.roleArn });
    const csv = generateOrdersCsv({ rows: 40, seed: 2, malformed: 1, kinds: ['non-numeric-price'] });
    const where = await upload(csv.text);
    const summary = await runPipeline(clients, parentArn, { input: { key: where.key }, csv: where, pollMs: 20 });
    const { row, line } = csv.defects[0];
    expect({ status: summary.status, error: summary.error }).toEqual({ status: 'FAILED', error: 'States.QueryEvaluationError' });
    expect(summary.cause).toContain(`(ItemSelector, item index ${row! - 1})`);
    expect(summary.failedAt).toEqual({ row, line });
    expect(summaryLines(summary)).toContain(`at         line ${line} (data row ${row})`);
  });

  it('with a semicolon-separated file, the summary names the missing columns and the delimiter', async () => {
    const text = generateOrdersCsv({ rows: 5, seed: 2 }).text.replace(/,/g, ';');
    const where = await upload(text);
    const parentArn = (await bootstrap(clients, config)).parentArn;
    const summary = await runPipeline(clients, parentArn, { input: { key: where.key }, csv: where, pollMs: 20 });
    expect(summary.status).toBe('FAILED');
    expect(summaryLines(summary)).toContain(
      `HEADER     the header (line 1 of s3://${where.bucket}/${where.key}) has 1 column ["orderNumber;orderDate;orderStatus;lineItems;totalPrice"] ` +
        "split by CSVDelimiter COMMA: missing orderNumber, orderDate, orderStatus, lineItems, totalPrice. The header contains ';': is the file SEMICOLON-separated?",
    );
  });
});

describe('summaryLines', () => {
  const base: RunSummary = {
    executionArn: 'arn:aws:states:us-east-1:000000000000:execution:p:e',
    status: 'SUCCEEDED',
    durationMs: 1000,
    items: { pending: 0, running: 0, succeeded: 80, failed: 10, timedOut: 0, aborted: 10, total: 100, resultsWritten: 100 },
    executions: { pending: 0, running: 0, succeeded: 8, failed: 1, timedOut: 0, aborted: 1, total: 10, resultsWritten: 10 },
    failures: [
      {
        error: 'BatchWriteFailed',
        cause: JSON.stringify({ written: 9, failed: [{ csvRow: '14', pk: 'ON1-2025-01-01' }] }),
        items: 10,
        rows: [11, 12, 13, 14, 15, 16, 17, 18, 19, 20],
      },
    ],
    failedBatches: 1,
    abortedBatches: 1,
    rowFailures: [
      {
        row: 14,
        line: 15,
        pk: 'ON1-2025-01-01',
        error: 'DynamoDB.AmazonDynamoDBException',
        cause: 'bad number (Service: AmazonDynamoDBv2; Status Code: 400; Request ID: X)',
      },
    ],
  };

  it('reports rows and batches apart, names failed rows by line and data row, and lists no aborted batch as a failure', () => {
    const lines = summaryLines(base);
    expect(lines).toContain('rows       100 in the Map Run: 80 succeeded, 10 failed (every row of a failed batch counts), 10 aborted, 0 pending');
    expect(lines).toContain('batches    10 child executions: 8 succeeded, 1 failed, 1 aborted');
    expect(lines).toContain('aborted    1 batches were stopped when the run ended (in FAILED_n.json with status ABORTED, no error)');
    expect(lines).toContain('  line 15 (data row 14) ON1-2025-01-01: DynamoDB.AmazonDynamoDBException: bad number');
    expect(lines.join('\n')).not.toContain('(no error)');
  });

  it('names the row of an ItemSelector failure and the CSV check of rows against lines', () => {
    const lines = summaryLines({
      ...base,
      status: 'FAILED',
      error: 'States.QueryEvaluationError',
      cause: 'x (ItemSelector, item index 6)',
      failedAt: { row: 7, line: 9 },
      csv: {
        location: 's3://b/k',
        rows: 751,
        dataLines: 2000,
        multiLineRows: [{ row: 7, line: 8, endLine: 1256, mergesRows: true, nonEmptyLines: 1249 }],
        invalidUtf8: 2,
        firstInvalidUtf8Line: 40,
      },
    });
    expect(lines).toContain('at         line 9 (data row 7)');
    expect(lines).toContain('CSV        751 rows read from 2,000 data lines of s3://b/k');
    expect(lines).toContain('MERGED     line 8 (data row 7) runs to line 1,256: a quote opened on line 8 closes only there, so 1,249 lines became one row');
    expect(lines).toContain('warning    2 invalid UTF-8 sequences (the first on line 40) read as U+FFFD: the values written differ from the bytes in the file');
  });
});
