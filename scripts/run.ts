// npm run run — start the parent workflow, show live progress, print the summary; exit 1 if it failed.
import { endpointFor } from '../src/config/config';
import { startableArn } from '../src/pipeline/deploy';
import { csvNeedsAttention, progressLine, summaryLines } from '../src/pipeline/report';
import { compactInput } from '../src/pipeline/run-input';
import { runPipeline } from '../src/pipeline/run-pipeline';
import { fail, flags, intFlag, main, scriptContext } from './lib/cli';

const USAGE = `usage: npm run run -- [--key KEY] [--max-concurrency N] [--tolerated-failure-percentage P]
                     [--tolerated-failure-count N] [--max-items N] [--name NAME] [--state-machine NAME]
  --state-machine NAME  the parent to start (default from the config); NAME#TestCase starts a test case of the
                       endpoint's SFN_MOCK_CONFIG, e.g. csv-to-ddb-orchestrator#ConditionalCheckFails
  Starts the parent workflow on the CSV at KEY (default <prefix>/<csvFile>), follows it to the end, then reads the
  CSV again to name each failed row by its CSV line and to check rows read against the file's lines.
  Exit 1 when the execution did not succeed, or when the CSV check finds merged rows or missing columns.`;

main(async (argv) => {
  const { values } = flags(
    argv,
    {
      key: { type: 'string' },
      'max-concurrency': { type: 'string' },
      'tolerated-failure-percentage': { type: 'string' },
      'tolerated-failure-count': { type: 'string' },
      'max-items': { type: 'string' },
      name: { type: 'string' },
      'state-machine': { type: 'string' },
    },
    USAGE,
  );
  if (values.help) return void console.log(USAGE);
  const { config, clients } = scriptContext();
  const name = values['state-machine'] ?? config.parentStateMachineName;
  const parentArn = (await startableArn(clients.sfn, name)) ?? fail(`state machine '${name.split('#')[0]}' not found: run npm run bootstrap first`);
  const percentage = values['tolerated-failure-percentage'];
  if (percentage !== undefined && !(Number(percentage) >= 0 && Number(percentage) <= 100)) fail('--tolerated-failure-percentage must be 0-100');
  const tty = Boolean(process.stdout.isTTY);
  const key = values.key ?? `${config.prefix}/${config.csvFile}`;
  const summary = await runPipeline(clients, parentArn, {
    name: values.name,
    csv: { bucket: config.bucket, key },
    input: compactInput({
      key: values.key,
      maxConcurrency: values['max-concurrency'] === undefined ? undefined : intFlag('max-concurrency', values['max-concurrency'], 0),
      toleratedFailurePercentage: percentage === undefined ? undefined : Number(percentage),
      toleratedFailureCount:
        values['tolerated-failure-count'] === undefined ? undefined : intFlag('tolerated-failure-count', values['tolerated-failure-count'], 0),
      maxItems: values['max-items'] === undefined ? undefined : intFlag('max-items', values['max-items'], 0),
    }),
    resultsLocation: { bucket: config.bucket, prefix: `${config.prefix}/results` },
    retries: { endpointUrl: endpointFor(config, 'sfn') },
    pollMs: tty ? 200 : 2000,
    onProgress: (p) => (tty ? process.stdout.write(`\r${progressLine(p, true)}`) : console.log(progressLine(p, false))),
  });
  if (tty) process.stdout.write('\n');
  for (const line of summaryLines(summary)) console.log(line);
  // Rows merged by a stray quote or a header without the pipeline's columns fail the command even when the run SUCCEEDED.
  return summary.status === 'SUCCEEDED' && !csvNeedsAttention(summary) ? 0 : 1;
});
