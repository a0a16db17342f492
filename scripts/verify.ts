// npm run verify — compare the CSV in S3 with the DynamoDB table and the last run's FAILED results.
import { DescribeExecutionCommand, ListExecutionsCommand, ListMapRunsCommand } from '@aws-sdk/client-sfn';
import { findStateMachineArn } from '../src/pipeline/deploy';
import { verifyLines } from '../src/pipeline/report';
import type { ResultManifest } from '../src/pipeline/result-files';
import { locateResults } from '../src/pipeline/run-pipeline';
import { CsvScanError } from '../src/pipeline/csv-scan';
import { verifyLoad } from '../src/pipeline/verify';
import { fail, flags, main, scriptContext, type ScriptContext } from './lib/cli';

const USAGE = `usage: npm run verify -- [--key KEY] [--execution ARN]
  Checks that every valid CSV row is in the table and every other row is in the run's FAILED results.
  --execution  the parent execution whose results to use (default: the newest one)`;

main(async (argv) => {
  const { values } = flags(argv, { key: { type: 'string' }, execution: { type: 'string' } }, USAGE);
  if (values.help) return void console.log(USAGE);
  const ctx = scriptContext();
  const { manifest, run } = await lastRun(ctx, values.execution);
  let report;
  try {
    report = await verifyLoad(ctx.clients, {
      bucket: ctx.config.bucket,
      key: values.key ?? `${ctx.config.prefix}/${ctx.config.csvFile}`,
      table: ctx.config.table,
      manifest,
      run,
    });
  } catch (err) {
    if (!(err instanceof CsvScanError)) throw err;
    console.log(`NOT VERIFIED  ${err.message}`);
    return 1;
  }
  if (run?.arn) console.log(`execution  ${run.arn}`);
  for (const line of verifyLines(report)) console.log(line);
  return report.ok ? 0 : 1;
});

interface LastRun {
  readonly manifest?: ResultManifest;
  readonly run?: { readonly arn: string; readonly status: string; readonly error?: string };
}

async function lastRun({ config, clients }: ScriptContext, executionArn?: string): Promise<LastRun> {
  let arn = executionArn;
  if (!arn) {
    const parent = await findStateMachineArn(clients.sfn, config.parentStateMachineName);
    if (!parent) fail(`state machine '${config.parentStateMachineName}' not found: run npm run bootstrap first`);
    arn = (await clients.sfn.send(new ListExecutionsCommand({ stateMachineArn: parent, maxResults: 1 }))).executions?.[0]?.executionArn;
    if (!arn) return {};
  }
  const execution = await clients.sfn.send(new DescribeExecutionCommand({ executionArn: arn }));
  // A failed run has no output; its results are still under the ResultWriter prefix, by Map Run.
  const mapRunArn = (await clients.sfn.send(new ListMapRunsCommand({ executionArn: arn }))).mapRuns?.[0]?.mapRunArn;
  const located = await locateResults(clients, execution.output, mapRunArn, { bucket: config.bucket, prefix: `${config.prefix}/results` });
  const run = { arn, status: execution.status ?? 'UNKNOWN', ...(execution.error ? { error: execution.error } : {}) };
  return { manifest: located?.manifest, run };
}
