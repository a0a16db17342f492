// Re-runs the pipeline locally on production evidence: a CSV, optionally narrowed to the rows listed in a
// ResultWriter FAILED_n.json, so a team sees exactly which rows fail and why.
import { PutObjectCommand } from '@aws-sdk/client-s3';
import { stringify } from 'csv-stringify/sync';
import { readFileSync } from 'node:fs';
import type { AwsClients } from '../config/clients';
import { openItemReader } from '../engine/states/map/distributed/item-reader';
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
}

export function parseS3Uri(uri: string): { bucket: string; key: string } | undefined {
  const m = /^s3:\/\/([^/]+)\/(.+)$/.exec(uri);
  return m ? { bucket: m[1], key: m[2] } : undefined;
}

async function load(clients: AwsClients, location: string): Promise<string> {
  const s3 = parseS3Uri(location);
  return s3 ? readText(clients.s3, s3.bucket, s3.key) : readFileSync(location, 'utf8');
}

/** The 1-based CSV rows a FAILED file names, from the csvRow attribute the pipeline's ItemSelector adds. */
export function failedRows(entries: readonly ResultEntry[]): Set<number> {
  const rows = new Set<number>();
  for (const entry of entries) {
    for (const item of entryItems(entry) as Array<Record<string, { N?: string }>>) {
      const n = Number(item?.csvRow?.N);
      if (!Number.isInteger(n)) {
        throw new Error('the FAILED file has items without a csvRow attribute: it was not written by this pipeline (statemachines/parent.asl.json)');
      }
      rows.add(n);
    }
  }
  return rows;
}

/** Uploads the CSV (narrowed to the failed rows when a FAILED file is given) and returns its key. */
export async function prepareReplay(clients: AwsClients, bucket: string, prefix: string, source: ReplaySource): Promise<PreparedReplay> {
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const sourceKey = `${prefix}/replay/${stamp}-source.csv`;
  const text = await load(clients, source.csv);
  await clients.s3.send(new PutObjectCommand({ Bucket: bucket, Key: sourceKey, Body: text }));
  if (!source.failed) return { key: sourceKey, rows: -1 };
  const wanted = failedRows(parseEntries(await load(clients, source.failed)));
  const kept: Record<string, string>[] = [];
  let row = 0;
  for await (const item of openItemReader(clients.s3, {
    resource: 'getObject', bucket, key: sourceKey, inputType: 'CSV', csvHeaderLocation: 'FIRST_ROW', maxItems: 0,
  })) {
    if (wanted.has(++row)) kept.push(item as Record<string, string>);
  }
  if (kept.length === 0) throw new Error('none of the rows named in the FAILED file exist in the CSV');
  const key = `${prefix}/replay/${stamp}-failed-rows.csv`;
  await clients.s3.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: stringify(kept, { header: true }) }));
  return { key, rows: kept.length };
}

function parseEntries(text: string): ResultEntry[] {
  const trimmed = text.trim();
  return trimmed.startsWith('[') ? (JSON.parse(trimmed) as ResultEntry[]) : trimmed.split('\n').filter(Boolean).map((l) => JSON.parse(l) as ResultEntry);
}
