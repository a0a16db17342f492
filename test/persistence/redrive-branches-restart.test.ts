// A failed top-level Parallel redriven after the endpoint restarted on the same --data-dir: the branches that
// succeeded before the restart come back from the Step Functions disk store and do not run again. And the
// `#TestCase` of an execution survives the restart, so its redrive is still mocked; a mock configuration that
// no longer defines the case refuses the redrive instead of running the real integrations.
import { RedriveExecutionCommand, StartExecutionCommand, CreateStateMachineCommand } from '@aws-sdk/client-sfn';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { configFromEnv } from '../../src/config/config';
import { parseMockConfig, type MockConfig } from '../../src/mocking';
import { startSandbox, type Sandbox } from '../../src/sandbox/start-sandbox';
import { parallelMachine, runsOf, enteredStates } from '../stepfunctions/redrive-branches-support';
import { historyOf, createTable, ROLE_ARN, waitForExecution } from '../stepfunctions/redrive-support';
import { expectPricedRedrive, failedPricedRun, pricedMocks } from '../stepfunctions/redrive-test-case-support';
import { expectAwsError } from '../stepfunctions/support/expect-error';

describe('RedriveExecution of a Parallel / #TestCase after an endpoint restart (--data-dir)', () => {
  let dataDir: string;
  let sandbox: Sandbox | undefined;
  const open = async (mockConfig: MockConfig | undefined) =>
    (sandbox = await startSandbox({ config: configFromEnv({ SFN_TIME_SCALE: '0' }), port: 0, dataDir, mockConfig }));
  const restart = async (mockConfig: MockConfig | undefined) => {
    await sandbox?.close();
    return open(mockConfig);
  };

  beforeEach(async () => (dataDir = await mkdtemp(join(tmpdir(), 'redrive-branches-'))));
  afterEach(async () => {
    await sandbox?.close();
    sandbox = undefined;
    await rm(dataDir, { recursive: true, force: true });
  });

  it('keeps the succeeded branches (index → output) in the disk store across the restart', async () => {
    let clients = (await open(pricedMocks)).clients();
    const [counts, late] = ['restart-counts', 'restart-late'];
    await createTable(clients.dynamodb, counts);
    const { stateMachineArn } = await clients.sfn.send(new CreateStateMachineCommand({ name: 'fan', definition: parallelMachine, roleArn: ROLE_ARN }));
    const { executionArn } = await clients.sfn.send(new StartExecutionCommand({ stateMachineArn, input: JSON.stringify({ counts, late, run: 'r' }) }));
    expect((await waitForExecution(clients.sfn, executionArn!)).status).toBe('FAILED');
    const before = await historyOf(clients.sfn, executionArn!);

    clients = (await restart(pricedMocks)).clients();
    await createTable(clients.dynamodb, late);
    await clients.sfn.send(new RedriveExecutionCommand({ executionArn }));
    const done = await waitForExecution(clients.sfn, executionArn!);

    expect(done.status).toBe('SUCCEEDED');
    expect(JSON.parse(done.output!)).toEqual({
      results: [
        { item: 0, table: 'counts' },
        { item: 1, table: 'late' },
        { item: 2, table: 'counts' },
      ],
      branches: 3,
    });
    expect(await Promise.all([0, 1, 2].map((i) => runsOf(clients.dynamodb, counts, 'r', i)))).toEqual([1, 2, 1]);
    const added = (await historyOf(clients.sfn, executionArn!)).slice(before.length);
    expect(enteredStates(added).filter((name) => name === 'Work')).toEqual(['Work']);
  });

  it('redrives under the #TestCase recorded before the restart, and refuses when the case is gone', async () => {
    let clients = (await open(pricedMocks)).clients();
    const table = 'restart-priced';
    const executionArn = await failedPricedRun(clients, table);

    clients = (await restart(undefined)).clients();
    await createTable(clients.dynamodb, table);
    const refused = (reason: string) =>
      expectAwsError(
        clients.sfn.send(new RedriveExecutionCommand({ executionArn })),
        'ExecutionNotRedrivable',
        `Execution '${executionArn}' ran test case 'Happy'${reason}`,
      );
    await refused(', but no mock configuration file is loaded (set SFN_MOCK_CONFIG).');
    clients = (await restart(parseMockConfig({ StateMachines: {}, MockedResponses: {} }, 'empty.json'))).clients();
    await refused(', which the loaded mock configuration file does not define for its state machine.');
    expect((await waitForExecution(clients.sfn, executionArn)).redriveCount).toBe(0);

    clients = (await restart(pricedMocks)).clients();
    await expectPricedRedrive(clients, executionArn, table);
  });
});
