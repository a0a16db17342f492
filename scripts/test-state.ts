// npm run test-state — run one state of the pipeline on the sandbox (TestState API) with production input.
import type { InspectionLevel } from '@aws-sdk/client-sfn';
import { reproductionLines, summaryLine } from '../src/pipeline/test-state/format';
import { parseMockFlag, testStateFromEvidence } from '../src/pipeline/test-state';
import { fail, flags, intFlag, main, scriptContext } from './lib/cli';

const USAGE = `usage: npm run test-state -- --state NAME (--history FILE | --execution ARN | --failed FAILED_n.json [--entry N] | --input JSON)
         [--definition FILE] [--variables JSON] [--event-id N] [--mock JSON] [--level INFO|DEBUG|TRACE] [--all]
  Runs the state on the sandbox with the TestState API, with the input, variables and context it had:
  --history   an execution history exported with 'aws stepfunctions get-execution-history --output json'
  --execution an execution on this sandbox (its history and definition are read from the endpoint)
  --failed    a ResultWriter FAILED_n.json: the entry's Input starts the state's block (a Distributed Map's
              processor, or the child state machine), and the definition is walked to the state with TestState
  --definition the local (possibly fixed) definition; default: the pipeline definition holding the state
  --mock      the TestState mock, e.g. '{"errorOutput":{"error":"DynamoDB.ProvisionedThroughputExceededException"}}' or @file
  --all       print every run (default: the summary and the runs that did not succeed)`;

main(async (argv) => {
  const { values } = flags(
    argv,
    {
      state: { type: 'string' },
      history: { type: 'string' },
      execution: { type: 'string' },
      failed: { type: 'string' },
      entry: { type: 'string' },
      input: { type: 'string' },
      variables: { type: 'string' },
      'event-id': { type: 'string' },
      definition: { type: 'string' },
      mock: { type: 'string' },
      level: { type: 'string' },
      all: { type: 'boolean' },
    },
    USAGE,
  );
  if (values.help) return void console.log(USAGE);
  if (!values.state) fail(`--state is required\n\n${USAGE}`);
  const level = (values.level ?? 'DEBUG').toUpperCase();
  if (!['INFO', 'DEBUG', 'TRACE'].includes(level)) fail(`--level must be INFO, DEBUG or TRACE, got '${values.level}'`);
  const { config, clients } = scriptContext();
  const report = await testStateFromEvidence(clients.sfn, config, {
    state: values.state,
    history: values.history,
    execution: values.execution,
    failed: values.failed,
    entry: values.entry === undefined ? undefined : intFlag('entry', values.entry, 1),
    input: values.input,
    variables: values.variables,
    eventId: values['event-id'] === undefined ? undefined : intFlag('event-id', values['event-id'], 0),
    definition: values.definition,
    mock: values.mock === undefined ? undefined : parseMockFlag(values.mock),
    level: level as InspectionLevel,
  });
  console.log(`state       ${values.state}`);
  console.log(`definition  ${report.definition}`);
  console.log(`input from  ${report.source}`);
  if (report.runs.length > 1) console.log(summaryLine(report.runs));
  const shown = values.all || report.runs.length === 1 ? report.runs : report.runs.filter((r) => r.response.status !== 'SUCCEEDED');
  for (const run of shown) console.log(reproductionLines(run).join('\n'));
  clients.destroy();
});
