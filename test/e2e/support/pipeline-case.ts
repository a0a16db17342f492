// One end-to-end case as a user's scripts run it: deploy (bootstrap), upload a CSV, run the parent and
// follow it (runPipeline), then collect what AWS would show: DescribeMapRun, the Map Run's children
// (ListExecutions --map-run-arn), the ResultWriter files and the table.
import { PutObjectCommand } from '@aws-sdk/client-s3';
import { DescribeMapRunCommand, ListExecutionsCommand, type DescribeMapRunCommandOutput, type ExecutionListItem } from '@aws-sdk/client-sfn';
import type { SandboxConfig } from '../../../src/config/config';
import { bootstrap, PIPELINE_FILES, type DeployedPipeline } from '../../../src/pipeline/deploy';
import { readResults, type ResultEntry } from '../../../src/pipeline/result-files';
import { compactInput, type RunInput } from '../../../src/pipeline/run-input';
import { runPipeline, type RunSummary } from '../../../src/pipeline/run-pipeline';
import { verifyLoad, type VerifyReport } from '../../../src/pipeline/verify';
import { scanTable, type Item } from './table-diff';
import type { E2eTarget } from './target';

export interface CaseDeployment {
  readonly config: SandboxConfig;
  readonly pipeline: DeployedPipeline;
  /** Where the parent's ResultWriter writes (its Prefix). */
  readonly resultsPrefix: string;
}

export interface CaseRun {
  readonly summary: RunSummary;
  readonly mapRun?: DescribeMapRunCommandOutput;
  readonly children: readonly ExecutionListItem[];
  readonly results: Readonly<Record<'SUCCEEDED' | 'FAILED' | 'PENDING', readonly ResultEntry[]>>;
  readonly table: ReadonlyMap<string, Item>;
}

export interface DeployOptions {
  readonly files?: { readonly parent: string; readonly child: string };
  /** The ResultWriter Prefix of the parent definition (statemachines/parent.asl.json: `<s3Prefix>/results`). */
  readonly resultsPrefix?: (config: SandboxConfig) => string;
  /** Overrides of the rendered names, e.g. a table created by the case itself. */
  readonly config?: Partial<SandboxConfig>;
}

let caseSequence = 0;

/** A fresh table and pair of state machines for one case (the suite's bucket is shared). */
export async function deployCase(target: E2eTarget, options: DeployOptions = {}): Promise<CaseDeployment> {
  const n = ++caseSequence;
  const base = target.config;
  const config: SandboxConfig = {
    ...base,
    table: `${base.table}-c${n}`,
    parentStateMachineName: `${base.parentStateMachineName}-c${n}`,
    childStateMachineName: `${base.childStateMachineName}-c${n}`,
    ...options.config,
  };
  const pipeline = await bootstrap(target.clients, config, options.files ?? PIPELINE_FILES);
  return { config, pipeline, resultsPrefix: (options.resultsPrefix ?? ((c) => `${c.prefix}/results`))(config) };
}

export async function uploadCsv(
  target: E2eTarget,
  deployment: CaseDeployment,
  text: string,
  key = `${deployment.config.prefix}/${deployment.config.csvFile}`,
): Promise<string> {
  await target.clients.s3.send(new PutObjectCommand({ Bucket: deployment.pipeline.bucket, Key: key, Body: text }));
  return key;
}

export async function runCase(target: E2eTarget, deployment: CaseDeployment, input: RunInput = {}): Promise<CaseRun> {
  const { clients } = target;
  const summary = await runPipeline(clients, deployment.pipeline.parentArn, {
    input: compactInput(input),
    pollMs: 10,
    failuresToShow: 0,
    resultsLocation: { bucket: deployment.pipeline.bucket, prefix: deployment.resultsPrefix },
  });
  const mapRun = summary.mapRunArn ? await clients.sfn.send(new DescribeMapRunCommand({ mapRunArn: summary.mapRunArn })) : undefined;
  const manifest = summary.resultWriter?.manifest;
  const read = async (status: 'SUCCEEDED' | 'FAILED' | 'PENDING') => (manifest ? readResults(clients.s3, manifest, status) : []);
  return {
    summary,
    mapRun,
    children: summary.mapRunArn ? await listChildren(target, summary.mapRunArn) : [],
    results: { SUCCEEDED: await read('SUCCEEDED'), FAILED: await read('FAILED'), PENDING: await read('PENDING') },
    table: await scanTable(clients.dynamodb, deployment.pipeline.table),
  };
}

export function verifyCase(target: E2eTarget, deployment: CaseDeployment, run: CaseRun, key: string): Promise<VerifyReport> {
  return verifyLoad(target.clients, {
    bucket: deployment.pipeline.bucket,
    key,
    table: deployment.pipeline.table,
    manifest: run.summary.resultWriter?.manifest,
  });
}

/** ListExecutions --map-run-arn, every page. */
async function listChildren(target: E2eTarget, mapRunArn: string): Promise<ExecutionListItem[]> {
  const out: ExecutionListItem[] = [];
  let nextToken: string | undefined;
  do {
    const page = await target.clients.sfn.send(new ListExecutionsCommand({ mapRunArn, nextToken, maxResults: 1000 }));
    out.push(...(page.executions ?? []));
    nextToken = page.nextToken;
  } while (nextToken);
  return out;
}

/** DescribeMapRun counts with every field, zeros included, for exact comparison. */
export function counts(values: Partial<Record<'pending' | 'running' | 'succeeded' | 'failed' | 'timedOut' | 'aborted' | 'total', number>>) {
  return { pending: 0, running: 0, succeeded: 0, failed: 0, timedOut: 0, aborted: 0, total: 0, ...values };
}

/** The counts without resultsWritten / redrive fields (checked by their own cases). */
export function coreCounts(c: object | undefined) {
  if (!c) return undefined;
  const { pending, running, succeeded, failed, timedOut, aborted, total } = c as Record<string, number>;
  return { pending, running, succeeded, failed, timedOut, aborted, total };
}

/** Item indices (0-based, file order) of every item in a FAILED/PENDING entry's batch. */
export function csvRowsOf(entries: readonly ResultEntry[]): number[] {
  const rows: number[] = [];
  for (const entry of entries) {
    const input = JSON.parse(entry.Input ?? '{}') as { Items?: Item[] };
    for (const item of input.Items ?? []) rows.push(Number(item.csvRow?.N));
  }
  return rows.sort((a, b) => a - b);
}
