// Starts the parent workflow and follows it to the end through the public API only (DescribeExecution,
// ListMapRuns, DescribeMapRun), so it reports the same way against the sandbox, LocalStack or AWS.
import {
  DescribeExecutionCommand,
  DescribeMapRunCommand,
  ListMapRunsCommand,
  StartExecutionCommand,
  type DescribeMapRunCommandOutput,
  type ExecutionStatus,
  type MapRunItemCounts,
} from '@aws-sdk/client-sfn';
import type { AwsClients } from '../config/clients';
import { CsvScanError, headerProblem, scanCsv, type CsvRowPlace } from './csv-scan';
import { countRetries, type RetryCount } from './express-retries';
import { entryItems, readManifest, readResults, type ResultEntry, type ResultManifest } from './result-files';

export interface Progress {
  readonly status: ExecutionStatus;
  readonly mapRunArn?: string;
  readonly items?: MapRunItemCounts;
  readonly elapsedMs: number;
}

export interface RunOptions {
  readonly input?: Record<string, unknown>;
  readonly name?: string;
  readonly pollMs?: number;
  readonly onProgress?: (progress: Progress) => void;
  /** How many failed batches to read back from the ResultWriter files for the summary. */
  readonly failuresToShow?: number;
  /** Where the ResultWriter writes (bucket + Prefix), to find results of a run that failed and has no output. */
  readonly resultsLocation?: { readonly bucket: string; readonly prefix: string };
  /** The CSV the run reads: checked after the run (rows read vs lines, header, UTF-8) and used to name CSV lines. */
  readonly csv?: { readonly bucket: string; readonly key: string };
  /**
   * Count the task attempts retried inside the EXPRESS children, from the histories the sandbox keeps, at this
   * Step Functions endpoint (undefined: real AWS, which keeps none).
   */
  readonly retries?: { readonly endpointUrl: string | undefined };
}

export interface FailureSample {
  readonly error?: string;
  readonly cause?: string;
  readonly items: number;
  /** The data rows (csvRow) of the failed batch. */
  readonly rows: readonly number[];
  /** The CSV lines of its first and last row, when the CSV was read. */
  readonly lines?: readonly [number, number];
}

/** One failed row: its data row (csvRow), CSV line when the CSV was read, and why it failed. */
interface RowFailure {
  readonly row: number;
  readonly line?: number;
  readonly pk?: string;
  readonly error?: string;
  readonly cause?: string;
}

/** What reading the CSV again after the run found. */
export interface CsvCheck {
  readonly location: string;
  readonly rows: number;
  readonly dataLines: number;
  readonly multiLineRows: readonly CsvRowPlace[];
  readonly invalidUtf8: number;
  readonly firstInvalidUtf8Line?: number;
  readonly headerProblem?: string;
  /** The CSV could not be read (the ItemReader fails the same way). */
  readonly unreadable?: string;
}

export interface RunSummary {
  readonly executionArn: string;
  readonly status: string;
  readonly error?: string;
  readonly cause?: string;
  readonly durationMs: number;
  readonly mapRunArn?: string;
  readonly items?: MapRunItemCounts;
  readonly executions?: MapRunItemCounts;
  readonly rowsPerSecond?: number;
  readonly resultWriter?: { readonly bucket: string; readonly manifestKey: string; readonly manifest: ResultManifest };
  /** Failed batches (FAILED and TIMED_OUT children), the first `failuresToShow`. */
  readonly failures: readonly FailureSample[];
  readonly failedBatches: number;
  /** Children stopped because the run ended (listed in FAILED_n.json with status ABORTED and no error). */
  readonly abortedBatches: number;
  /** Every row a failed batch names as failed itself, by data row, with its CSV line when `csv` was given. */
  readonly rowFailures: readonly RowFailure[];
  readonly csv?: CsvCheck;
  /** Retries inside the children, when `retries` was asked for. */
  readonly retries?: RetryCount;
  /** The row the run's own error names (an ItemSelector failure says which item index it was on). */
  readonly failedAt?: { readonly row: number; readonly line?: number };
}

export async function startRun(clients: AwsClients, parentArn: string, options: RunOptions = {}): Promise<string> {
  const started = await clients.sfn.send(
    new StartExecutionCommand({ stateMachineArn: parentArn, name: options.name, input: JSON.stringify(options.input ?? {}) }),
  );
  return started.executionArn!;
}

export async function runPipeline(clients: AwsClients, parentArn: string, options: RunOptions = {}): Promise<RunSummary> {
  const executionArn = await startRun(clients, parentArn, options);
  return followRun(clients, executionArn, options);
}

/** Polls until the execution leaves RUNNING, reporting Map Run progress on the way. */
export async function followRun(clients: AwsClients, executionArn: string, options: RunOptions = {}): Promise<RunSummary> {
  const pollMs = options.pollMs ?? 250;
  for (;;) {
    const execution = await clients.sfn.send(new DescribeExecutionCommand({ executionArn }));
    const mapRun = await latestMapRun(clients, executionArn);
    const started = execution.startDate!.getTime();
    const elapsedMs = (execution.stopDate ?? new Date()).getTime() - started;
    options.onProgress?.({ status: execution.status!, mapRunArn: mapRun?.mapRunArn, items: mapRun?.itemCounts, elapsedMs });
    if (execution.status !== 'RUNNING') {
      return summarize(clients, { ...execution, executionArn }, mapRun, elapsedMs, options);
    }
    await new Promise((resolve) => setTimeout(resolve, pollMs));
  }
}

async function latestMapRun(clients: AwsClients, executionArn: string): Promise<DescribeMapRunCommandOutput | undefined> {
  const runs = await clients.sfn.send(new ListMapRunsCommand({ executionArn }));
  const latest = runs.mapRuns?.[0];
  return latest ? clients.sfn.send(new DescribeMapRunCommand({ mapRunArn: latest.mapRunArn })) : undefined;
}

async function summarize(
  clients: AwsClients,
  execution: { executionArn: string; status?: string; error?: string; cause?: string; output?: string },
  mapRun: DescribeMapRunCommandOutput | undefined,
  durationMs: number,
  options: RunOptions,
): Promise<RunSummary> {
  const resultWriter = await locateResults(clients, execution.output, mapRun?.mapRunArn, options.resultsLocation);
  const entries = resultWriter ? await readResults(clients.s3, resultWriter.manifest, 'FAILED') : [];
  const failed = entries.filter((e) => e.Status !== 'ABORTED');
  const total = mapRun?.itemCounts?.total ?? 0;
  const csv = options.csv ? await checkCsv(clients, options.csv) : undefined;
  const lineOf = csv?.lineOf ?? (() => undefined);
  const retries =
    options.retries && mapRun?.mapRunArn ? await countRetries(options.retries.endpointUrl, mapRun.mapRunArn, mapRun.executionCounts?.total ?? 0) : undefined;
  return {
    executionArn: execution.executionArn,
    status: execution.status ?? 'UNKNOWN',
    error: execution.error,
    cause: execution.cause,
    durationMs,
    mapRunArn: mapRun?.mapRunArn,
    items: mapRun?.itemCounts,
    executions: mapRun?.executionCounts,
    rowsPerSecond: durationMs > 0 ? Math.round((total * 1000) / durationMs) : undefined,
    resultWriter,
    failures: failed.slice(0, options.failuresToShow ?? 5).map((entry) => toSample(entry, lineOf)),
    failedBatches: failed.length,
    abortedBatches: entries.length - failed.length,
    rowFailures: failed.flatMap((entry) => reportedRows(entry.Cause) ?? []).map((f) => withLine(f, lineOf(f.row))),
    ...(csv ? { csv: csv.check } : {}),
    ...(retries ? { retries } : {}),
    ...failedAt(execution.cause, lineOf),
  };
}

function failedAt(cause: string | undefined, lineOf: (row: number) => number | undefined): Pick<RunSummary, 'failedAt'> {
  const index = /\(ItemSelector, item index (\d+)\)/.exec(cause ?? '')?.[1];
  if (index === undefined) return {};
  const row = Number(index) + 1; // the Map's item index counts from 0, data rows from 1
  const line = lineOf(row);
  return { failedAt: { row, ...(line !== undefined ? { line } : {}) } };
}

async function checkCsv(
  clients: AwsClients,
  location: { bucket: string; key: string },
): Promise<{ check: CsvCheck; lineOf?: (row: number) => number | undefined }> {
  const where = `s3://${location.bucket}/${location.key}`;
  try {
    const scan = await scanCsv(clients.s3, location);
    const problem = headerProblem(scan, where);
    return {
      check: {
        location: where,
        rows: scan.rows,
        dataLines: scan.dataLines,
        multiLineRows: scan.multiLineRows,
        invalidUtf8: scan.invalidUtf8,
        ...(scan.firstInvalidUtf8Line !== undefined ? { firstInvalidUtf8Line: scan.firstInvalidUtf8Line } : {}),
        ...(problem ? { headerProblem: problem } : {}),
      },
      lineOf: scan.lineOf,
    };
  } catch (err) {
    if (err instanceof CsvScanError || (err as { name?: string }).name === 'NoSuchKey') {
      return { check: { location: where, rows: 0, dataLines: 0, multiLineRows: [], invalidUtf8: 0, unreadable: (err as Error).message } };
    }
    throw err;
  }
}

function withLine(failure: RowFailure, line: number | undefined): RowFailure {
  return line === undefined ? failure : { ...failure, line };
}

/** The rows a failed batch names as failed itself (write-to-ddb's BatchWriteFailed cause lists them). */
function reportedRows(cause: string | undefined): RowFailure[] | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(cause ?? '');
  } catch {
    return undefined;
  }
  const failed = (parsed as { failed?: unknown } | null)?.failed;
  if (!Array.isArray(failed)) return undefined;
  const rows = failed.flatMap((f: { csvRow?: unknown; pk?: unknown; error?: unknown; cause?: unknown }) => {
    const row = Number(f?.csvRow);
    if (!Number.isInteger(row)) return [];
    return [
      {
        row,
        ...(typeof f.pk === 'string' ? { pk: f.pk } : {}),
        ...(typeof f.error === 'string' ? { error: f.error } : {}),
        ...(typeof f.cause === 'string' ? { cause: f.cause } : {}),
      },
    ];
  });
  return rows.length > 0 ? rows : undefined;
}

function csvRowsOf(entry: ResultEntry): number[] {
  return (entryItems(entry) as Array<{ csvRow?: { N?: string } } | null>).map((item) => Number(item?.csvRow?.N)).filter(Number.isInteger);
}

/**
 * The Map's output with a ResultWriter is `{MapRunArn, ResultWriterDetails: {Bucket, Key}}` (docs/aws-behaviour.md#resultwriter). A failed
 * run has no output, but its files sit at `<Prefix>/<last ARN segment>/manifest.json`.
 */
export async function locateResults(
  clients: AwsClients,
  output: string | undefined,
  mapRunArn: string | undefined,
  location: RunOptions['resultsLocation'],
): Promise<RunSummary['resultWriter']> {
  const details = output ? (JSON.parse(output) as { ResultWriterDetails?: { Bucket?: string; Key?: string } })?.ResultWriterDetails : undefined;
  const bucket = details?.Bucket ?? location?.bucket;
  const key = details?.Key ?? (location && mapRunArn ? `${location.prefix}/${mapRunArn.split(':').pop()}/manifest.json` : undefined);
  if (!bucket || !key) return undefined;
  try {
    return { bucket, manifestKey: key, manifest: await readManifest(clients.s3, bucket, key) };
  } catch (err) {
    if ((err as { name?: string }).name === 'NoSuchKey') return undefined;
    throw err;
  }
}

function toSample(entry: ResultEntry, lineOf: (row: number) => number | undefined): FailureSample {
  const rows = csvRowsOf(entry);
  const first = rows.length > 0 ? lineOf(Math.min(...rows)) : undefined;
  const last = rows.length > 0 ? lineOf(Math.max(...rows)) : undefined;
  return { error: entry.Error, cause: entry.Cause, items: entryItems(entry).length, rows, ...(first && last ? { lines: [first, last] as const } : {}) };
}
