// What the scripts say when something is off: nothing listening at the endpoint (with what to do), an error
// name printed once, a missing table by name; a mock test case started through `npm run run`, and
// `npm run redrive` finishing a stopped run.
import { DeleteTableCommand } from '@aws-sdk/client-dynamodb';
import { PutObjectCommand } from '@aws-sdk/client-s3';
import { StopExecutionCommand } from '@aws-sdk/client-sfn';
import { join } from 'node:path';
import type { AwsClients } from '../../src/config/clients';
import { configFromEnv } from '../../src/config/config';
import { loadMockConfig } from '../../src/mocking';
import { bootstrap } from '../../src/pipeline/deploy';
import { generateOrdersCsv } from '../../src/pipeline/orders-csv';
import { startRun } from '../../src/pipeline/run-pipeline';
import { startSandbox, type Sandbox } from '../../src/sandbox/start-sandbox';
import { waitForExecution } from '../stepfunctions/redrive-support';
import { ROOT, runTsxToEnd } from '../support/tsx-process';
import { describeError } from '../../scripts/lib/cli';

jest.setTimeout(120_000);

describe('describeError', () => {
  it('prints the error name once when the message already starts with it', () => {
    const err = Object.assign(new Error('States.ItemReaderFailed: Invalid CSV'), { name: 'States.ItemReaderFailed' });
    expect(describeError(err)).toBe('error: States.ItemReaderFailed: Invalid CSV');
    expect(describeError(Object.assign(new Error('Requested resource not found'), { name: 'ResourceNotFoundException' }))).toBe(
      'error: ResourceNotFoundException: Requested resource not found',
    );
  });

  it('says to start the endpoint when nothing listens', () => {
    const err = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:4566'), { code: 'ECONNREFUSED' });
    expect(describeError(err)).toBe(
      'error: connect ECONNREFUSED 127.0.0.1:4566\nnothing is listening at 127.0.0.1:4566: start the sandbox endpoint first (npm run endpoint, or docker compose up), or point AWS_ENDPOINT_URL at a running one',
    );
  });
});

describe('the scripts against', () => {
  it('no endpoint: exit 1 with the hint, no stack trace', async () => {
    // Port 1 on loopback: nothing listens there.
    const { code, stderr } = await runTsxToEnd('scripts/run.ts', [], { env: { AWS_ENDPOINT_URL: 'http://127.0.0.1:1', AWS_MAX_ATTEMPTS: '1' } });
    expect(code).toBe(1);
    expect(stderr).toContain('nothing is listening at 127.0.0.1:1: start the sandbox endpoint first');
    expect(stderr).not.toMatch(/^\s+at /m);
  });
});

describe('with an endpoint serving SFN_MOCK_CONFIG', () => {
  let sandbox: Sandbox;
  let clients: AwsClients;
  let env: Record<string, string>;
  const config = configFromEnv({ SANDBOX_TABLE: 'errors-orders', SFN_TIME_SCALE: '0' });

  beforeAll(async () => {
    sandbox = await startSandbox({ config, port: 0, mockConfig: loadMockConfig(join(ROOT, 'examples/mock-config/MockConfigFile.json')) });
    clients = sandbox.clients();
    env = { AWS_ENDPOINT_URL: sandbox.url, SANDBOX_TABLE: 'errors-orders' };
    await bootstrap(clients, config);
    await clients.s3.send(
      new PutObjectCommand({ Bucket: config.bucket, Key: `${config.prefix}/${config.csvFile}`, Body: generateOrdersCsv({ rows: 30, seed: 4 }).text }),
    );
  });
  afterAll(() => sandbox.close());

  it('npm run run --state-machine name#TestCase starts the test case', async () => {
    const { code, stdout } = await runTsxToEnd(
      'scripts/run.ts',
      ['--state-machine', 'csv-to-ddb-orchestrator#ConditionalCheckFails', '--max-concurrency', '1'],
      { env },
    );
    expect(stdout).toMatch(/status\s+FAILED {2}States\.ExceedToleratedFailureThreshold/);
    expect(stdout).toMatch(/^ {2}line 2 \(data row 1\) ON\d+-[\d-]+: DynamoDB\.ConditionalCheckFailedException: /m);
    expect(code).toBe(1);
  });

  it('npm run redrive finishes a stopped run', async () => {
    const executionArn = await startRun(clients, (await bootstrap(clients, config)).parentArn, { input: { maxConcurrency: 1 } });
    await clients.sfn.send(new StopExecutionCommand({ executionArn }));
    expect((await waitForExecution(clients.sfn, executionArn)).status).toBe('ABORTED');
    const { code, stdout } = await runTsxToEnd('scripts/redrive.ts', ['--execution', executionArn], { env });
    expect(stdout).toContain(`redriving  ${executionArn}`);
    expect(stdout).toMatch(/status\s+SUCCEEDED/);
    expect(stdout).toContain('csv        30 rows read from 30 data lines');
    expect(stdout).toMatch(/^retries {4}0 task attempts retried \(0 throttled\), from \d+ EXPRESS histor(y|ies)$/m);
    expect(code).toBe(0);
  });

  it('verify names a missing table', async () => {
    await clients.dynamodb.send(new DeleteTableCommand({ TableName: 'errors-orders' }));
    const { code, stderr } = await runTsxToEnd('scripts/verify.ts', [], { env });
    expect(stderr).toBe("error: table 'errors-orders' not found (ResourceNotFoundException): run npm run bootstrap first\n");
    expect(code).toBe(1);
  });
});
