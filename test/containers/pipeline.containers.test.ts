// The whole pipeline (bootstrap, seed, run, verify) with S3 and DynamoDB in the LocalStack container (or
// its stand-in), once with the engine in-process and once with the engine as the sandbox image, the two
// shapes of the containers target.
import type { AwsClients } from '../../src/config/clients';
import { createClients } from '../../src/config/clients';
import { runDemo } from '../../src/pipeline/demo-run';
import { startSandbox, type Sandbox } from '../../src/sandbox/start-sandbox';
import { startContainersTarget, type ContainersTarget } from './containers-target';

// Well-formed rows only: malformed rows are the e2e suites' cases (an unbalanced quote fails the whole ItemReader).
const ROWS = 120;

function envFor(name: string): NodeJS.ProcessEnv {
  const suffix = `${name}-${process.pid}`;
  return { ...process.env, SFN_TIME_SCALE: '0', SANDBOX_BUCKET: `orders-${suffix}`, SANDBOX_TABLE: `orders-${suffix}` };
}

async function expectVerifiedRun(clients: AwsClients, target: ContainersTarget): Promise<void> {
  const { summary, verify } = await runDemo(clients, target.config, { rows: ROWS, seed: 7, malformed: 0, pollMs: 50 });
  expect(summary.status).toBe('SUCCEEDED');
  expect(summary.items?.total).toBe(ROWS);
  expect(verify).toMatchObject({ ok: true, validRows: ROWS, present: ROWS, lost: [], mismatched: [], duplicateKeys: 0 });
  expect(verify.tableItems).toBe(ROWS);
}

describe('engine in-process, S3 and DynamoDB in the container', () => {
  let target: ContainersTarget;
  let sandbox: Sandbox;

  beforeAll(async () => {
    target = await startContainersTarget({ env: envFor('inproc') });
    sandbox = await startSandbox({ config: target.config, port: 0 });
  });
  afterAll(async () => {
    await sandbox?.close();
    await target?.stop();
  });

  test('the in-process endpoint hosts Step Functions only', () => {
    expect(Object.keys(sandbox.services)).toEqual(['stepfunctions']);
    expect(target.engineUrl).toBeUndefined();
  });

  test('bootstrap, seed, run, verify', async () => {
    const clients = sandbox.clients();
    try {
      await expectVerifiedRun(clients, target);
    } finally {
      clients.destroy();
    }
  });
});

describe('engine as the sandbox image, the front door for every service (the compose `sfn` service)', () => {
  let target: ContainersTarget;
  let clients: AwsClients;

  beforeAll(async () => {
    target = await startContainersTarget({ env: envFor('image'), engine: 'container' });
    clients = createClients(target.config);
  });
  afterAll(async () => {
    clients?.destroy();
    await target?.stop();
  });

  test('one endpoint URL for S3, DynamoDB and Step Functions; its health reports all three running', async () => {
    expect(target.config.endpointUrl).toBe(target.engineUrl);
    expect(target.config.serviceEndpoints).toEqual({});
    const health = (await (await fetch(`${target.engineUrl}/_localstack/health`)).json()) as { services: Record<string, string> };
    expect(health.services).toMatchObject({ s3: 'running', dynamodb: 'running', stepfunctions: 'running' });
  });

  test('bootstrap, seed, run, verify through the front door', async () => {
    await expectVerifiedRun(clients, target);
  });
});
