// RedriveExecution of an execution started with `…:stateMachine:Name#Case` (MockConfigFile test case): the
// redrive runs under the same test case, in the top-level states and in the Distributed Map children it re-runs.
// Without it the unmocked Lambda functions do not exist and the redrive would fail again.
import type { AwsClients } from '../../src/config/clients';
import { createTable } from './redrive-support';
import { expectPricedRedrive, failedPricedRun, pricedMocks } from './redrive-test-case-support';
import { useEmbeddedSandbox } from './support/embedded-sandbox';

describe('RedriveExecution under a #TestCase', () => {
  const target = useEmbeddedSandbox({ mockConfig: pricedMocks });
  let clients: AwsClients;

  beforeAll(() => {
    ({ clients } = target);
  });

  it('mocks the re-run Distributed Map children and the states after the Map again', async () => {
    const table = 'redrive-test-case-late';
    const executionArn = await failedPricedRun(clients, table);
    await createTable(clients.dynamodb, table);
    await expectPricedRedrive(clients, executionArn, table);
  });
});
