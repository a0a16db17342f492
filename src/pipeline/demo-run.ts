// The main job (`npm start`): bootstrap, seed a generated CSV, run the parent workflow, verify the table
// against the CSV. Takes clients and config only, so it runs the same against any target.
import { PutObjectCommand } from '@aws-sdk/client-s3';
import type { AwsClients } from '../config/clients';
import type { SandboxConfig } from '../config/config';
import { bootstrap } from './deploy';
import { generateOrdersCsv, type InjectedDefect } from './orders-csv';
import { rowName, shortCause } from './report';
import { runPipeline, type Progress, type RunSummary } from './run-pipeline';
import { verifyLoad, type VerifyReport } from './verify';

export interface DemoOptions {
  readonly rows: number;
  readonly seed: number;
  readonly malformed: number;
  /** ToleratedFailurePercentage of the run (default: the definition's, 0). */
  readonly toleratedFailurePercentage?: number;
  readonly onStep?: (line: string) => void;
  readonly onProgress?: (progress: Progress) => void;
  readonly pollMs?: number;
  /** The sandbox's URL: the summary then counts the retries inside the children from the histories it keeps. */
  readonly sandboxUrl?: string;
}

export interface DemoResult {
  readonly summary: RunSummary;
  readonly verify: VerifyReport;
  readonly key: string;
  readonly defects: readonly InjectedDefect[];
}

export async function runDemo(clients: AwsClients, config: SandboxConfig, options: DemoOptions): Promise<DemoResult> {
  const step = options.onStep ?? (() => undefined);
  const deployed = await bootstrap(clients, config);
  step(`bootstrapped  s3://${config.bucket}, table ${config.table}, ${deployed.parentArn}`);
  const csv = generateOrdersCsv({ rows: options.rows, seed: options.seed, malformed: options.malformed });
  const key = `${config.prefix}/${config.csvFile}`;
  await clients.s3.send(new PutObjectCommand({ Bucket: config.bucket, Key: key, Body: csv.text, ContentType: 'text/csv' }));
  step(`seeded        s3://${config.bucket}/${key}: ${csv.rows.length} rows (seed ${options.seed}), ${csv.defects.length} malformed`);
  for (const d of csv.defects) step(`  injected    ${defectName(d)}: ${d.kind} ${JSON.stringify(d.text)}`);
  const tolerance = options.toleratedFailurePercentage;
  if (tolerance !== undefined) step(`tolerance     ToleratedFailurePercentage ${tolerance} (a failed batch counts all its rows)`);
  const summary = await runPipeline(clients, deployed.parentArn, {
    input: { key, ...(tolerance !== undefined ? { toleratedFailurePercentage: tolerance } : {}) },
    csv: { bucket: config.bucket, key },
    resultsLocation: { bucket: config.bucket, prefix: `${config.prefix}/results` },
    pollMs: options.pollMs,
    onProgress: options.onProgress,
    ...(options.sandboxUrl ? { retries: { endpointUrl: options.sandboxUrl } } : {}),
  });
  const verify = await verifyLoad(clients, {
    bucket: config.bucket,
    key,
    table: config.table,
    manifest: summary.resultWriter?.manifest,
    run: { status: summary.status, ...(summary.error ? { error: summary.error } : {}) },
  });
  return { summary, verify, key, defects: csv.defects };
}

/** `line 7 (data row 6)`, or just the line for a defect that makes no row (an empty line, the BOM). */
export function defectName(d: InjectedDefect): string {
  return d.row === undefined ? `line ${d.line.toLocaleString('en-US')}` : rowName(d.row, d.line);
}

/**
 * What became of each injected defect, by CSV line: the error of a row that failed, or what the reader or the
 * pipeline did with it. The fates follow from src/pipeline/orders-csv.ts's kinds and the README's table.
 */
export function defectFateLines(defects: readonly InjectedDefect[], summary: RunSummary): string[] {
  if (defects.length === 0) return [];
  const failures = new Map(summary.rowFailures.map((f) => [f.row, f]));
  const failedBatchRows = new Set(summary.failures.flatMap((f) => f.rows));
  const lines = [`malformed  ${defects.length} rows injected (by CSV line):`];
  for (const d of defects) {
    const failure = d.row === undefined ? undefined : failures.get(d.row);
    const fate = failure
      ? `FAILED ${failure.error ?? ''}: ${shortCause(failure.cause ?? '')}`
      : d.kind === 'bom'
        ? 'a BOM before the header: stripped by the CSV reader'
        : d.kind === 'empty-line'
          ? 'an empty line: skipped by the CSV reader (no row)'
          : d.row !== undefined && failedBatchRows.has(d.row)
            ? 'in a failed batch (see the failures above)'
            : summary.status === 'SUCCEEDED' || summary.items?.total === summary.items?.succeeded
              ? d.kind === 'extra-fields'
                ? 'written: the extra fields were dropped'
                : 'written'
              : 'not processed: the run stopped before it, or its batch is not reported';
    lines.push(`  ${defectName(d)}  ${d.kind}: ${fate.length > 240 ? `${fate.slice(0, 240)}…` : fate}`);
  }
  return lines;
}
