// npm run redrive — redrive the newest parent execution (or --execution ARN) after it FAILED, was ABORTED or
// TIMED_OUT, follow it to the end and print the same summary as npm run run. Only the items that did not succeed
// run again (RedriveExecution).
import { ListExecutionsCommand, RedriveExecutionCommand } from '@aws-sdk/client-sfn';
import { endpointFor } from '../src/config/config';
import { findStateMachineArn } from '../src/pipeline/deploy';
import { csvNeedsAttention, progressLine, summaryLines } from '../src/pipeline/report';
import { followRun } from '../src/pipeline/run-pipeline';
import { fail, flags, main, scriptContext } from './lib/cli';

const USAGE = `usage: npm run redrive -- [--execution ARN] [--key KEY]
  Redrives a parent execution that FAILED, was ABORTED or TIMED_OUT (default: the newest one of the parent state
  machine), follows it to the end and prints the summary. Exit 1 when it does not succeed.
  --execution ARN  the execution to redrive
  --key KEY        the CSV it reads, to name failed rows by line (default <prefix>/<csvFile>)`;

main(async (argv) => {
  const { values } = flags(argv, { execution: { type: 'string' }, key: { type: 'string' } }, USAGE);
  if (values.help) return void console.log(USAGE);
  const { config, clients } = scriptContext();
  const executionArn = values.execution ?? (await newestExecution(clients.sfn, config.parentStateMachineName));
  const redriven = await clients.sfn.send(new RedriveExecutionCommand({ executionArn }));
  console.log(`redriving  ${executionArn} (redrive date ${redriven.redriveDate?.toISOString()})`);
  const tty = Boolean(process.stdout.isTTY);
  const summary = await followRun(clients, executionArn, {
    resultsLocation: { bucket: config.bucket, prefix: `${config.prefix}/results` },
    csv: { bucket: config.bucket, key: values.key ?? `${config.prefix}/${config.csvFile}` },
    retries: { endpointUrl: endpointFor(config, 'sfn') },
    pollMs: tty ? 200 : 2000,
    onProgress: (p) => (tty ? process.stdout.write(`\r${progressLine(p, true)}`) : console.log(progressLine(p, false))),
  });
  if (tty) process.stdout.write('\n');
  for (const line of summaryLines(summary)) console.log(line);
  return summary.status === 'SUCCEEDED' && !csvNeedsAttention(summary) ? 0 : 1;
});

async function newestExecution(sfn: ReturnType<typeof scriptContext>['clients']['sfn'], name: string): Promise<string> {
  const parent = (await findStateMachineArn(sfn, name)) ?? fail(`state machine '${name}' not found: run npm run bootstrap first`);
  const newest = (await sfn.send(new ListExecutionsCommand({ stateMachineArn: parent, maxResults: 1 }))).executions?.[0];
  if (!newest) fail(`state machine '${name}' has no execution to redrive: run npm run run first`);
  return newest.executionArn!;
}
