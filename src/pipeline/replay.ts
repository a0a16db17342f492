// Re-runs the pipeline locally on production evidence: a CSV, optionally narrowed to the rows listed in a
// ResultWriter FAILED_n.json, so a team sees exactly which rows fail and why.
import { PutObjectCommand } from '@aws-sdk/client-s3';
import { stringify } from 'csv-stringify/sync';
import { readFileSync } from 'node:fs';
import type { AwsClients } from '../config/clients';
import { scanCsv } from './csv-scan';
import type { RunSummary } from './run-pipeline';
import { jsonErrorPlace } from './json-error-place';
import { entryItems, readText, type ResultEntry } from './result-files';

export interface ReplaySource {
  /** A local path or an s3://bucket/key URI. */
  readonly csv: string;
  /** Optional FAILED_n.json (local path or s3:// URI): only its rows are replayed. */
  readonly failed?: string;
}

export interface PreparedReplay {
  readonly key: string;
  readonly rows: number;
  /** For each data row of the uploaded file, where it came from in the given CSV (data row and line). */
  readonly origin?: readonly { readonly row: number; readonly line: number }[];
}

/** The FAILED file cannot be used with this CSV: it is not a ResultWriter file, or it names rows the CSV does not have. */
export class ReplayError extends Error {
  override readonly name = 'ReplayError';
}

function parseS3Uri(uri: string): { bucket: string; key: string } | undefined {
  const m = /^s3:\/\/([^/]+)\/(.+)$/.exec(uri);
  return m ? { bucket: m[1], key: m[2] } : undefined;
}

async function load(clients: AwsClients, location: string): Promise<string> {
  const s3 = parseS3Uri(location);
  return s3 ? readText(clients.s3, s3.bucket, s3.key) : readFileSync(location, 'utf8');
}

/** The data rows (1-based, header excluded) a FAILED file names, from the csvRow the pipeline's ItemSelector adds, with the item's pk. */
function failedRows(entries: readonly ResultEntry[]): Map<number, string | undefined> {
  const rows = new Map<number, string | undefined>();
  for (const entry of entries) {
    for (const item of entryItems(entry) as Array<Record<string, { N?: string; S?: string }>>) {
      const n = Number(item?.csvRow?.N);
      if (!Number.isInteger(n)) {
        throw new ReplayError('the FAILED file has items without a csvRow attribute: it was not written by this pipeline (statemachines/parent.asl.json)');
      }
      rows.set(n, item?.pk?.S);
    }
  }
  return rows;
}

/**
 * Uploads the CSV (narrowed to the failed rows when a FAILED file is given) and returns its key. Every row the
 * FAILED file names must be in the CSV with the same key (pk): a FAILED file of another CSV is refused.
 */
export async function prepareReplay(clients: AwsClients, bucket: string, prefix: string, source: ReplaySource): Promise<PreparedReplay> {
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const sourceKey = `${prefix}/replay/${stamp}-source.csv`;
  const failedText = source.failed ? await load(clients, source.failed) : undefined;
  const wanted = failedText === undefined ? undefined : failedRows(parseEntries(failedText, source.failed!));
  const text = await load(clients, source.csv);
  await clients.s3.send(new PutObjectCommand({ Bucket: bucket, Key: sourceKey, Body: text }));
  if (!wanted) return { key: sourceKey, rows: -1 };
  const kept: Record<string, string>[] = [];
  const origin: { row: number; line: number }[] = [];
  const differing: string[] = [];
  const scan = await scanCsv(clients.s3, { bucket, key: sourceKey }, (item, place) => {
    if (!wanted.has(place.row)) return;
    const pk = wanted.get(place.row);
    const csvPk = `${item.orderNumber ?? ''}-${item.orderDate ?? ''}`;
    if (pk !== undefined && pk !== csvPk) differing.push(`line ${place.line} (data row ${place.row}) is ${csvPk} in the CSV but ${pk} in the FAILED file`);
    kept.push(item);
    origin.push({ row: place.row, line: place.line });
  });
  const beyond = [...wanted.keys()].filter((row) => row > scan.rows);
  if (beyond.length > 0 || differing.length > 0) {
    const reasons = [
      ...(beyond.length > 0 ? [`it names data rows up to ${Math.max(...beyond)} but the CSV has ${scan.rows}`] : []),
      ...differing.slice(0, 3),
      ...(differing.length > 3 ? [`and ${differing.length - 3} more rows differ`] : []),
    ];
    throw new ReplayError(`the FAILED file ${source.failed} does not belong to ${source.csv}: ${reasons.join('; ')}`);
  }
  const key = `${prefix}/replay/${stamp}-failed-rows.csv`;
  await clients.s3.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: stringify(kept, { header: true }) }));
  return { key, rows: kept.length, origin };
}

/** A ResultWriter FAILED file: a JSON array, or one JSON entry per line. */
function parseEntries(text: string, where: string): ResultEntry[] {
  const trimmed = text.trim();
  if (trimmed === '') return [];
  if (trimmed.startsWith('[')) return parseJson(trimmed, where, 0) as ResultEntry[];
  return text.split('\n').flatMap((line, i) => (line.trim() === '' ? [] : [parseJson(line, where, i)])) as ResultEntry[];
}

function parseJson(text: string, where: string, lineOffset: number): unknown {
  try {
    return JSON.parse(text);
  } catch (err) {
    throw new ReplayError(`the FAILED file ${where} is not a ResultWriter FAILED_n.json (JSON) file: ${jsonErrorPlace(text, err as Error, lineOffset)}`);
  }
}

/** The summary of a replay of failed rows, with each row named by its data row and line in the original CSV. */
export function inOriginalRows(summary: RunSummary, origin: PreparedReplay['origin']): RunSummary {
  if (!origin) return summary;
  const original = (row: number) => origin[row - 1];
  return {
    ...summary,
    rowFailures: summary.rowFailures.map((f) => ({ ...f, ...(original(f.row) ?? {}) })),
    failures: summary.failures.map((f) => {
      const rows = f.rows.map((r) => original(r)?.row ?? r);
      const lines = f.rows.map((r) => original(r)?.line).filter((l): l is number => l !== undefined);
      return { ...f, rows, ...(lines.length > 0 ? { lines: [Math.min(...lines), Math.max(...lines)] as const } : {}) };
    }),
    ...(summary.failedAt ? { failedAt: original(summary.failedAt.row) ?? summary.failedAt } : {}),
  };
}
