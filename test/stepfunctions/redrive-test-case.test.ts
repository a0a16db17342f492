// RedriveExecution of an execution started with `…:stateMachine:Name#Case` (MockConfigFile test case): the
// redrive runs under the same test case, in the top-level states and in the Distributed Map children it re-runs.
// Without it the unmocked Lambda functions do not exist and the redrive would fail again.
import type { AwsClients } from '../../src/config/clients';
import { configFromEnv } from '../../src/config/config';
import { startSandbox, type Sandbox } from '../../src/sandbox/start-sandbox';
import { createTable } from './redrive-support';
import { expectPricedRedrive, failedPricedRun, pricedMocks } from './redrive-test-case-support';

describe('RedriveExecution under a #TestCase', () => {
  let sandbox: Sandbox;
  let clients: AwsClients;

  beforeAll(async () => {
    sandbox = await startSandbox({ config: configFromEnv({ SFN_TIME_SCALE: '0' }), port: 0, mockConfig: pricedMocks });
    clients = sandbox.clients();
  });
  afterAll(() => sandbox.close());

  it('mocks the re-run Distributed Map children and the states after the Map again', async () => {
    const table = 'redrive-test-case-late';
    const executionArn = await failedPricedRun(clients, table);
    await createTable(clients.dynamodb, table);
    await expectPricedRedrive(clients, executionArn, table);
  });
});
