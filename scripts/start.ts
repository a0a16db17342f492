// npm start — the main job, zero configuration: the embedded endpoint in this process, then bootstrap, seed,
// run and verify the pipeline, print the summary, and keep serving for the AWS CLI (unless --exit).
import { loadConfig, type SandboxConfig } from '../src/config/config';
import { closeSandbox, describeStartError } from '../src/cli/endpoint';
import { handleShutdown } from '../src/cli/shutdown';
import { startupNotes } from '../src/cli/startup-notes';
import { faultReportLines } from '../src/faults';
import { defectFateLines, runDemo } from '../src/pipeline/demo-run';
import { progressLine, summaryLines, verifyLines } from '../src/pipeline/report';
import { startSandbox, type Sandbox } from '../src/sandbox/start-sandbox';
import { fail, flags, intFlag, main, percentFlag } from './lib/cli';

const USAGE = `usage: npm start -- [--rows N] [--seed S] [--malformed K] [--tolerated-failure-percentage P] [--port P] [--data-dir DIR] [--exit]
  Starts the embedded endpoint, deploys the pipeline, loads a generated orders CSV through it and verifies the table.
  --rows N        rows to generate (default 10000)
  --seed S        generator seed (default 1)
  --malformed K   inject K malformed rows (one of each kind that spoils a single row, in turn) and see each
                  reported by CSV line (default 0)
  --tolerated-failure-percentage P
                  the run's ToleratedFailurePercentage (default 5 with --malformed, else 0). A failed batch
                  counts all of its 10 rows
  --port P        endpoint port (default SANDBOX_PORT or 4566)
  --data-dir DIR  keep everything on disk (default SANDBOX_DATA_DIR; in memory)
  --exit          stop once the summary is printed instead of serving`;

main(async (argv) => {
  const { values } = flags(
    argv,
    {
      rows: { type: 'string' },
      seed: { type: 'string' },
      malformed: { type: 'string' },
      'tolerated-failure-percentage': { type: 'string' },
      port: { type: 'string' },
      'data-dir': { type: 'string' },
      exit: { type: 'boolean' },
    },
    USAGE,
  );
  if (values.help) return void console.log(USAGE);
  const config = loadConfig();
  const port = values.port === undefined ? config.server.port : intFlag('port', values.port, config.server.port);
  // Every flag is checked before anything starts: a typo must not cost a startup, nor print an endpoint it then drops.
  const rows = intFlag('rows', values.rows, 10_000);
  const seed = intFlag('seed', values.seed, 1);
  const malformed = intFlag('malformed', values.malformed, 0);
  const tolerance = percentFlag(values['tolerated-failure-percentage']) ?? (malformed > 0 ? 5 : undefined);
  let sandbox: Sandbox;
  try {
    sandbox = await startSandbox({ config, port, dataDir: values['data-dir'] });
  } catch (err) {
    return fail(`error: ${describeStartError(err, config.server.host, port)}`);
  }
  console.log(`endpoint      ${sandbox.url} (S3, DynamoDB, Step Functions)`);
  console.log(`console       ${sandbox.url}/_sandbox/console/ (open it in a browser to watch the run)`);
  for (const note of startupNotes(config, { faults: sandbox.faults !== undefined })) console.log(`note          ${note}`);
  // Interrupted before the summary: 130, as a shell reports a command stopped by Ctrl-C.
  let exitCode = 130;
  const shutdown = handleShutdown({ stop: () => closeSandbox(sandbox, (line) => console.log(line)), exitCode: () => exitCode });
  const tty = Boolean(process.stdout.isTTY);
  const clients = sandbox.clients();
  let demo;
  try {
    demo = await runDemo(clients, config, {
      rows,
      seed,
      malformed,
      toleratedFailurePercentage: tolerance,
      onStep: (line) => console.log(line),
      pollMs: tty ? 200 : 1000,
      sandboxUrl: sandbox.url,
      onProgress: (p) => (tty ? process.stdout.write(`\r${progressLine(p, true)}`) : console.log(progressLine(p, false))),
    });
  } catch (err) {
    // A stop cuts the run's own API calls short: the shutdown reports and exits.
    if (shutdown.stopping) return new Promise<never>(() => undefined);
    throw err;
  }
  const { summary, verify } = demo;
  if (tty) process.stdout.write('\n');
  for (const line of [...summaryLines(summary), ...verifyLines(verify, { afterRun: summary.csv !== undefined }), ...defectFateLines(demo.defects, summary)])
    console.log(line);
  if (sandbox.faults) for (const line of faultReportLines(sandbox.faults.faultReport())) console.log(line);
  exitCode = summary.status === 'SUCCEEDED' && verify.ok ? 0 : 1;
  if (values.exit) {
    await sandbox.close(); // the fault report is printed above
    return exitCode;
  }
  printTryIt(sandbox, config);
  return new Promise<never>(() => undefined); // serves until a signal or npm's exit runs the shutdown
});

function printTryIt(sandbox: Sandbox, config: SandboxConfig): void {
  const aws = `AWS_ACCESS_KEY_ID=test AWS_SECRET_ACCESS_KEY=test aws --region ${config.region} --endpoint-url ${sandbox.url}`;
  console.log(`\nStill serving on ${sandbox.url} — Ctrl-C to stop. Try:`);
  console.log(
    `  ${aws} stepfunctions list-executions --state-machine-arn $(${aws} stepfunctions list-state-machines --query 'stateMachines[?name==\`${config.parentStateMachineName}\`].stateMachineArn' --output text)`,
  );
  console.log(`  ${aws} dynamodb scan --table-name ${config.table} --max-items 2`);
  console.log(`  ${aws} s3 ls --recursive s3://${config.bucket}/`);
}
