// Compares the CSV in S3 with the DynamoDB table: every valid row must be in the table with the right
// attributes, every other row must be accounted for in the run's FAILED/PENDING results. Rows that are
// neither were lost silently (the article's design loses them all): they are named, by CSV row.
import { ScanCommand, type AttributeValue } from '@aws-sdk/client-dynamodb';
import type { AwsClients } from '../config/clients';
import { headerProblem, scanCsv, type CsvRowPlace } from './csv-scan';
import { ORDER_COLUMNS } from './orders-csv';
import { entryItems, readResults, type ResultManifest } from './result-files';

export interface VerifyInput {
  readonly bucket: string;
  readonly key: string;
  readonly table: string;
  /** The run's ResultWriter manifest, when it wrote one. */
  readonly manifest?: ResultManifest;
  /** The run being verified: a run that did not succeed is never "verified", and its unprocessed rows are not "lost". */
  readonly run?: { readonly status: string; readonly error?: string };
}

interface RowProblem {
  /** 1-based data row as the CSV reader produced it (header excluded): the csvRow the pipeline stores. */
  readonly row: number;
  /** 1-based CSV line where the row starts (the header is line 1). */
  readonly line: number;
  readonly pk: string;
  readonly reason: string;
}

export interface VerifyReport {
  readonly csvItems: number;
  /** Non-empty physical lines after the header: more than csvItems means the reader merged lines (stray quote). */
  readonly csvDataLines: number;
  readonly validRows: number;
  readonly present: number;
  readonly reportedFailed: number;
  readonly writtenDespiteDefects: number;
  readonly duplicateKeys: number;
  readonly tableItems: number;
  readonly lost: readonly RowProblem[];
  /** Rows neither in the table nor in the results of a run that did not succeed: it stopped before them. */
  readonly notProcessed: number;
  readonly mismatched: readonly RowProblem[];
  /** Rows whose quoted field swallowed whole lines (a stray quote); rows with ordinary quoted line breaks are fine. */
  readonly mergedRows: readonly CsvRowPlace[];
  readonly multiLineRows: number;
  readonly invalidUtf8: number;
  readonly firstInvalidUtf8Line?: number;
  readonly headerProblem?: string;
  readonly run?: VerifyInput['run'];
  readonly ok: boolean;
}

type Item = Record<string, AttributeValue>;
type Row = Record<string, string>;

export async function verifyLoad(clients: AwsClients, input: VerifyInput): Promise<VerifyReport> {
  const table = await scanByKey(clients, input.table);
  const reported = await reportedRows(clients, input.manifest);
  const seenKeys = new Set<string>();
  const counts = { csvItems: 0, validRows: 0, present: 0, reportedFailed: 0, writtenDespiteDefects: 0, duplicateKeys: 0, notProcessed: 0 };
  const lost: RowProblem[] = [];
  const mismatched: RowProblem[] = [];
  const runFailed = input.run !== undefined && input.run.status !== 'SUCCEEDED';
  const scan = await scanCsv(clients.s3, { bucket: input.bucket, key: input.key }, (row, place) => {
    const n = ++counts.csvItems;
    const pk = `${row.orderNumber ?? ''}-${row.orderDate ?? ''}`;
    if (seenKeys.has(pk)) counts.duplicateKeys++;
    seenKeys.add(pk);
    const valid = isValidRow(row);
    if (valid) counts.validRows++;
    const item = table.get(pk);
    if (reported.has(n)) counts.reportedFailed++;
    if (item) {
      const diff = firstDifference(row, item);
      if (valid && !diff) counts.present++;
      else if (valid) mismatched.push({ row: n, line: place.line, pk, reason: diff! });
      else counts.writtenDespiteDefects++;
    } else if (runFailed && !reported.has(n)) {
      counts.notProcessed++;
    } else if (!reported.has(n)) {
      lost.push({
        row: n,
        line: place.line,
        pk,
        reason: valid ? 'valid row missing from the table and not in FAILED results' : 'invalid row neither written nor reported',
      });
    }
  });
  const mergedRows = scan.multiLineRows.filter((r) => r.mergesRows);
  const problem = headerProblem(scan, `s3://${input.bucket}/${input.key}`);
  return {
    ...counts,
    csvDataLines: scan.dataLines,
    tableItems: table.size,
    lost,
    mismatched,
    mergedRows,
    multiLineRows: scan.multiLineRows.length,
    invalidUtf8: scan.invalidUtf8,
    ...(scan.firstInvalidUtf8Line !== undefined ? { firstInvalidUtf8Line: scan.firstInvalidUtf8Line } : {}),
    ...(problem ? { headerProblem: problem } : {}),
    ...(input.run ? { run: input.run } : {}),
    ok: lost.length === 0 && mismatched.length === 0 && mergedRows.length === 0 && !problem && !runFailed,
  };
}

/** The rows the pipeline can write: all five columns present, numbers where the table stores numbers. */
function isValidRow(row: Row): boolean {
  return (
    ORDER_COLUMNS.every((c) => typeof row[c] === 'string' && row[c] !== '') &&
    /^\d+$/.test(row.lineItems) &&
    /^-?\d+(\.\d+)?$/.test(row.totalPrice) &&
    !/[\r\n"]/.test(Object.values(row).join(''))
  );
}

function firstDifference(row: Row, item: Item): string | undefined {
  for (const column of ['orderStatus', 'lineItems', 'totalPrice'] as const) {
    const attr = item[column];
    if (attr === undefined) continue; // a design may not store every column (the article's stores two)
    const same = attr.N !== undefined ? Number(attr.N) === Number(row[column]) : attr.S === row[column];
    if (!same) return `${column}: table has ${attr.N ?? attr.S}, CSV has ${row[column]}`;
  }
  return undefined;
}

async function scanByKey(clients: AwsClients, table: string): Promise<Map<string, Item>> {
  const items = new Map<string, Item>();
  let start: Item | undefined;
  do {
    const page = await clients.dynamodb.send(new ScanCommand({ TableName: table, ExclusiveStartKey: start })).catch((err: unknown) => {
      // DynamoDB's own message ("Requested resource not found") does not say which table.
      if ((err as { name?: string }).name === 'ResourceNotFoundException')
        throw new Error(`table '${table}' not found (ResourceNotFoundException): run npm run bootstrap first`);
      throw err;
    });
    for (const item of page.Items ?? []) if (item.pk?.S !== undefined) items.set(item.pk.S, item);
    start = page.LastEvaluatedKey;
  } while (start);
  return items;
}

/** CSV rows (1-based, from the csvRow attribute the ItemSelector adds) listed in FAILED or PENDING results. */
async function reportedRows(clients: AwsClients, manifest: ResultManifest | undefined): Promise<Set<number>> {
  const rows = new Set<number>();
  if (!manifest) return rows;
  for (const status of ['FAILED', 'PENDING'] as const) {
    for (const entry of await readResults(clients.s3, manifest, status)) {
      for (const item of entryItems(entry) as Item[]) {
        const n = Number(item?.csvRow?.N);
        if (Number.isInteger(n)) rows.add(n);
      }
    }
  }
  return rows;
}
