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
}

export interface FailureSample {
  readonly error?: string;
  readonly cause?: string;
  readonly items: number;
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
  readonly failures: readonly FailureSample[];
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
  const failed = resultWriter ? await readResults(clients.s3, resultWriter.manifest, 'FAILED') : [];
  const total = mapRun?.itemCounts?.total ?? 0;
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
    failures: failed.slice(0, options.failuresToShow ?? 5).map(toSample),
  };
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

function toSample(entry: ResultEntry): FailureSample {
  return { error: entry.Error, cause: entry.Cause, items: entryItems(entry).length };
}
