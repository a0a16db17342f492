// npm run replay — re-run the pipeline on a production CSV (optionally only the rows of a FAILED_n.json).
import { endpointFor } from '../src/config/config';
import { startableArn } from '../src/pipeline/deploy';
import { inOriginalRows, prepareReplay, ReplayError } from '../src/pipeline/replay';
import { summaryLines } from '../src/pipeline/report';
import { runPipeline } from '../src/pipeline/run-pipeline';
import { fail, flags, main, scriptContext } from './lib/cli';

const USAGE = `usage: npm run replay -- --csv FILE|s3://bucket/key [--failed FAILED_0.json|s3://...] [--state-machine NAME]
  Uploads the CSV (only the rows named in the FAILED file, when given), runs the parent on it and prints what failed.`;

main(async (argv) => {
  const { values } = flags(argv, { csv: { type: 'string' }, failed: { type: 'string' }, 'state-machine': { type: 'string' } }, USAGE);
  if (values.help) return void console.log(USAGE);
  if (!values.csv) fail(`--csv is required\n\n${USAGE}`);
  const { config, clients } = scriptContext();
  const name = values['state-machine'] ?? config.parentStateMachineName;
  const parentArn = (await startableArn(clients.sfn, name)) ?? fail(`state machine '${name.split('#')[0]}' not found: run npm run bootstrap first`);
  let prepared;
  try {
    prepared = await prepareReplay(clients, config.bucket, config.prefix, { csv: values.csv, failed: values.failed });
  } catch (err) {
    if (err instanceof ReplayError || (err as NodeJS.ErrnoException).code === 'ENOENT') fail(`error: ${(err as Error).message}`);
    throw err;
  }
  console.log(`replaying s3://${config.bucket}/${prepared.key}${prepared.rows >= 0 ? ` (${prepared.rows} rows from the FAILED file)` : ''}`);
  const summary = await runPipeline(clients, parentArn, {
    input: { key: prepared.key, toleratedFailurePercentage: 100 },
    resultsLocation: { bucket: config.bucket, prefix: `${config.prefix}/results` },
    failuresToShow: 20,
    retries: { endpointUrl: endpointFor(config, 'sfn') },
    csv: { bucket: config.bucket, key: prepared.key },
  });
  // Rows are named as in the CSV given, not as in the narrowed file the replay uploaded.
  for (const line of summaryLines(inOriginalRows(summary, prepared.origin))) console.log(line);
  return summary.failures.length === 0 && summary.status === 'SUCCEEDED' ? 0 : 1;
});
