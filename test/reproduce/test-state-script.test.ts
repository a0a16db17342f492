// `npm run test-state` reproducing a production putItem failure from exported files alone: the seed pipeline
// runs with one row DynamoDB rejects (a non-numeric totalPrice), its FAILED_0.json and execution histories
// are exported as AWS users export them, and the script, a separate process given only those files,
// finds the failing row and shows the same DynamoDB error; with a fixed definition the row goes through.
import { CreateStateMachineCommand, GetExecutionHistoryCommand, StartExecutionCommand, type HistoryEvent } from '@aws-sdk/client-sfn';
import { PutObjectCommand } from '@aws-sdk/client-s3';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateOrdersCsv } from '../../src/pipeline/orders-csv';
import { loadDefinition, renderValuesFrom } from '../../src/pipeline/render-definition';
import { readResultFile } from '../../src/pipeline/result-files';
import { runTsxToEnd } from '../support/tsx-process';
import { startPipelineSandbox, type PipelineSandbox } from './support/pipeline-sandbox';

jest.setTimeout(180_000);

const work = mkdtempSync(join(tmpdir(), 'sfn-test-state-'));
const NUMERIC_ERROR = 'The parameter cannot be converted to a numeric value: N/A';
let p: PipelineSandbox;
let badRow: string;
let failedFile: string;

async function exportHistory(executionArn: string, file: string): Promise<void> {
  const events: HistoryEvent[] = [];
  let nextToken: string | undefined;
  do {
    const page = await p.clients.sfn.send(new GetExecutionHistoryCommand({ executionArn, nextToken }));
    events.push(...(page.events ?? []));
    nextToken = page.nextToken;
  } while (nextToken);
  // The `aws stepfunctions get-execution-history --output json` shape (timestamps as epoch seconds).
  const exported = events.map((e) => ({ ...e, timestamp: (e.timestamp as Date).getTime() / 1000 }));
  writeFileSync(file, JSON.stringify({ events: exported }, null, 2));
}

const script = (...args: string[]) =>
  runTsxToEnd('scripts/test-state.ts', args, {
    env: { AWS_ENDPOINT_URL: p.sandbox.url, AWS_ACCESS_KEY_ID: 'test', AWS_SECRET_ACCESS_KEY: 'test', AWS_REGION: 'us-east-1' },
  });

beforeAll(async () => {
  p = await startPipelineSandbox({ rows: 1 });
  const csv = generateOrdersCsv({ rows: 25, seed: 3, malformed: 1, kinds: ['non-numeric-price'] });
  await p.clients.s3.send(new PutObjectCommand({ Bucket: p.config.bucket, Key: p.csvKey, Body: csv.text }));
  const summary = await p.run();
  expect(summary.status).toBe('FAILED');
  const failedKey = summary.resultWriter!.manifest.ResultFiles.FAILED[0].Key;
  const entries = await readResultFile(p.clients.s3, p.config.bucket, failedKey);
  failedFile = join(work, 'FAILED_0.json');
  writeFileSync(failedFile, JSON.stringify(entries));
  badRow = /"csvRow":"(\d+)"/.exec(entries[0].Cause ?? '')![1];
  await exportHistory(summary.executionArn, join(work, 'parent-history.json'));
});
afterAll(async () => {
  await p?.close();
  rmSync(work, { recursive: true, force: true });
});

describe('npm run test-state', () => {
  it('from a FAILED_n.json entry: walks the child to PutItem and shows the one row DynamoDB rejects', async () => {
    const { code, stdout, stderr } = await script('--failed', failedFile, '--state', 'PutItem');
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    expect(stdout).toContain('definition  statemachines/write-to-ddb.asl.json');
    expect(stdout).toMatch(/input from {2}entry 1 of .*FAILED_0\.json \(failed there with BatchWriteFailed\)/);
    expect(stdout).toMatch(/\d+ runs: \d+ SUCCEEDED, 1 CAUGHT_ERROR/);
    expect(stdout).toContain('walked      Initialize Variables → Put each item');
    expect(stdout).toContain('status      CAUGHT_ERROR');
    expect(stdout).toContain('error       DynamoDB.AmazonDynamoDBException');
    expect(stdout).toContain(NUMERIC_ERROR);
    expect(stdout).toContain(`"csvRow":{"N":"${badRow}"}`);
    expect(stdout).toContain('next state  Put failed');
    expect(stdout).toMatch(/ {2}variables {19}\{"ddbTable":"orders"\}/);
  });

  it('from an exported child history alone: the entry that led to the failure, its variables and input', async () => {
    // AWS keeps no history for EXPRESS executions: run the child's definition as a STANDARD machine, as a
    // team does to get a history, on the failed batch, and export that history.
    const definition = loadDefinition('write-to-ddb.asl.json', renderValuesFrom(p.config));
    const { stateMachineArn } = await p.clients.sfn.send(
      new CreateStateMachineCommand({ name: 'child-standard', definition, roleArn: p.config.roleArn, type: 'STANDARD' }),
    );
    const failedInput = JSON.parse(readFileSync(failedFile, 'utf8'))[0].Input as string;
    const { executionArn } = await p.clients.sfn.send(new StartExecutionCommand({ stateMachineArn, input: failedInput }));
    await p.sandbox.stepFunctions!.whenIdle(stateMachineArn!);
    const historyFile = join(work, 'child-history.json');
    await exportHistory(executionArn!, historyFile);

    const { code, stdout, stderr } = await script('--history', historyFile, '--state', 'PutItem', '--definition', 'write-to-ddb.asl.json');
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    expect(stdout).toMatch(/input from {2}event \d+ of .*child-history\.json, which led to TaskFailed DynamoDB\.AmazonDynamoDBException/);
    expect(stdout).toContain('status      CAUGHT_ERROR');
    expect(stdout).toContain(NUMERIC_ERROR);
    expect(stdout).toContain(`"csvRow":{"N":"${badRow}"}`);

    // The same from the local execution's ARN.
    const byArn = await script('--execution', executionArn!, '--state', 'PutItem', '--level', 'INFO');
    expect(byArn.stdout).toContain('status      CAUGHT_ERROR');
    expect(byArn.stdout).not.toContain('steps');
  });

  it("a state of the Distributed Map's processor from the same entry: the real child call, then a walk to the Fail state", async () => {
    const task = await script('--failed', failedFile, '--state', 'Write a batch of items to DynamoDB table', '--level', 'INFO');
    expect(task.stdout).toContain('definition  statemachines/parent.asl.json');
    expect(task.stdout).toContain('status      SUCCEEDED');
    expect(task.stdout).toContain('"Status":"FAILED"');
    expect(task.stdout).toContain('next state  Did the batch succeed?');
    const ambiguous = await script('--failed', failedFile, '--state', 'Batch failed');
    expect(ambiguous.stderr).toContain(
      "'Batch failed' is in several definitions (statemachines/parent.asl.json, statemachines/write-to-ddb.asl.json): pass --definition FILE",
    );
    const fail = await script('--failed', failedFile, '--state', 'Batch failed', '--definition', 'parent.asl.json');
    expect(fail.stdout).toContain('walked      Write a batch of items to DynamoDB table → Did the batch succeed?');
    expect(fail.stdout).toContain('status      FAILED');
    expect(fail.stdout).toContain('error       BatchWriteFailed');
  });

  it('with a fixed definition the same row is written', async () => {
    const fixed = JSON.parse(loadDefinition('write-to-ddb.asl.json', renderValuesFrom(p.config)));
    const put = fixed.States['Put each item'].ItemProcessor.States.PutItem;
    // The fix under test: a price DynamoDB cannot read is stored as 0.
    put.Arguments.Item =
      "{% $merge([$states.input, {'totalPrice': {'N': $contains($states.input.totalPrice.N, /^[0-9.]+$/) ? $states.input.totalPrice.N : '0'}}]) %}";
    const fixedFile = join(work, 'write-to-ddb.fixed.asl.json');
    writeFileSync(fixedFile, JSON.stringify(fixed));
    const { code, stdout } = await script('--failed', failedFile, '--state', 'PutItem', '--definition', fixedFile);
    expect(code).toBe(0);
    expect(stdout).toMatch(/(\d+) runs: \1 SUCCEEDED\n/);
  });

  it('a state of the parent from its exported history: the Map state with a mock, and clear errors for bad arguments', async () => {
    const history = join(work, 'parent-history.json');
    const mocked = await script('--history', history, '--state', 'Read CSV file from S3', '--mock', '{"result":{}}');
    expect(mocked.stdout).toMatch(/input from {2}event 2 of .*parent-history\.json, which led to MapRunFailed States\.ExceedToleratedFailureThreshold/);
    expect(mocked.stdout).toContain('status      SUCCEEDED');
    expect(mocked.stdout).toMatch(/ {2}maxConcurrency {14}50/);
    const unknown = await script('--history', history, '--state', 'Nope');
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain("no state named 'Nope' in the pipeline's definitions");
    const twoSources = await script('--history', history, '--failed', failedFile, '--state', 'PutItem');
    expect(twoSources.stderr).toContain('give exactly one of --history FILE, --execution ARN, --failed FAILED_n.json or --input JSON');
  });
});
