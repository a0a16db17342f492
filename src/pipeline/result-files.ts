// Reads what a Distributed Map's ResultWriter left in S3: the manifest and its result files.
import { GetObjectCommand, type S3Client } from '@aws-sdk/client-s3';

export interface ResultManifest {
  readonly DestinationBucket: string;
  readonly MapRunArn: string;
  readonly ResultFiles: Readonly<Record<'SUCCEEDED' | 'FAILED' | 'PENDING', readonly { Key: string; Size: number }[]>>;
}

/** One FAILED_n / PENDING_n entry (always the NONE transformation: execution metadata). */
export interface ResultEntry {
  readonly Status?: string;
  readonly Input?: string;
  readonly Output?: string;
  readonly Error?: string;
  readonly Cause?: string;
  readonly ExecutionArn?: string;
  readonly Name?: string;
}

export async function readText(s3: S3Client, bucket: string, key: string): Promise<string> {
  const res = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
  return res.Body!.transformToString('utf8');
}

export async function readManifest(s3: S3Client, bucket: string, key: string): Promise<ResultManifest> {
  return JSON.parse(await readText(s3, bucket, key)) as ResultManifest;
}

/** Reads a JSON (array) or JSONL result file. */
export async function readResultFile(s3: S3Client, bucket: string, key: string): Promise<ResultEntry[]> {
  return parseResultEntries(await readText(s3, bucket, key));
}

/** The entries of a result file's text: a JSON array or JSON lines. */
export function parseResultEntries(raw: string): ResultEntry[] {
  const text = raw.trim();
  if (text === '') return [];
  if (text.startsWith('[')) return JSON.parse(text) as ResultEntry[];
  return text
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as ResultEntry);
}

/** Every entry of one status, across all its files. */
export async function readResults(s3: S3Client, manifest: ResultManifest, status: 'FAILED' | 'PENDING' | 'SUCCEEDED'): Promise<ResultEntry[]> {
  const out: ResultEntry[] = [];
  for (const file of manifest.ResultFiles[status] ?? []) out.push(...(await readResultFile(s3, manifest.DestinationBucket, file.Key)));
  return out;
}

/** The batch items a FAILED/PENDING entry carried (its Input is the child's `{BatchInput, Items}` JSON). */
export function entryItems(entry: ResultEntry): unknown[] {
  if (!entry.Input) return [];
  const input = JSON.parse(entry.Input) as { Items?: unknown[] } | unknown[];
  if (Array.isArray(input)) return input;
  return Array.isArray(input.Items) ? input.Items : [input];
}
