// The composition root: what startSandbox builds from SANDBOX_SERVICES and its options, the one cycle it closes
// (the engine's clients reach the Step Functions that runs them), and what it closes when a start fails.
import { CreateTableCommand, PutItemCommand } from '@aws-sdk/client-dynamodb';
import { CreateStateMachineCommand, DescribeExecutionCommand, StartExecutionCommand } from '@aws-sdk/client-sfn';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createClients } from '../../src/config/clients';
import { configFromEnv, type Env } from '../../src/config/config';
import { parseFaultPlan } from '../../src/faults';
import { startSandbox, type SandboxOptions } from '../../src/sandbox/start-sandbox';

const ROLE_ARN = 'arn:aws:iam::000000000000:role/sfn';
const start = (env: Env = {}, options: Omit<SandboxOptions, 'config'> = {}) =>
  startSandbox({ config: configFromEnv({ SANDBOX_HOST: '127.0.0.1', SFN_TIME_SCALE: '0', ...env }), port: 0, ...options });

describe('startSandbox', () => {
  it("runs a Task that starts a child execution on the sandbox's own Step Functions (the engine's clients loop back in-process)", async () => {
    const sandbox = await start();
    const clients = sandbox.clients();
    try {
      const child = await clients.sfn.send(
        new CreateStateMachineCommand({
          name: 'child',
          roleArn: ROLE_ARN,
          definition: JSON.stringify({ StartAt: 'Done', States: { Done: { Type: 'Pass', Result: { done: true }, End: true } } }),
        }),
      );
      const parentDefinition = {
        StartAt: 'Child',
        States: {
          Child: {
            Type: 'Task',
            Resource: 'arn:aws:states:::states:startExecution.sync:2',
            Parameters: { StateMachineArn: child.stateMachineArn },
            OutputPath: '$.Output',
            End: true,
          },
        },
      };
      const parent = await clients.sfn.send(new CreateStateMachineCommand({ name: 'parent', roleArn: ROLE_ARN, definition: JSON.stringify(parentDefinition) }));
      const { executionArn } = await clients.sfn.send(new StartExecutionCommand({ stateMachineArn: parent.stateMachineArn }));
      await sandbox.stepFunctions!.whenIdle(parent.stateMachineArn!);
      const described = await clients.sfn.send(new DescribeExecutionCommand({ executionArn }));
      expect([described.status, JSON.parse(described.output!)]).toEqual(['SUCCEEDED', { done: true }]);
    } finally {
      clients.destroy();
      await sandbox.close();
    }
  });

  it('hosts only what SANDBOX_SERVICES names', async () => {
    const sandbox = await start({ SANDBOX_SERVICES: 's3,dynamodb' });
    try {
      expect(sandbox.stepFunctions).toBeUndefined();
      expect(Object.keys(sandbox.services).sort()).toEqual(['dynamodb', 's3']);
    } finally {
      await sandbox.close();
    }
  });

  it('serves DynamoDB through the fault decorator when a fault plan is given', async () => {
    const faultPlan = parseFaultPlan(
      { seed: 1, rules: [{ service: 'dynamodb', operations: ['PutItem'], calls: [1], error: 'ProvisionedThroughputExceededException' }] },
      'test',
    );
    const sandbox = await start({}, { faultPlan });
    // One attempt: the SDK's retry would hide the injected fault.
    const clients = createClients(configFromEnv({}), { requestHandler: sandbox.requestHandler, maxAttempts: 1 });
    try {
      expect(sandbox.services.dynamodb).toBe(sandbox.faults);
      await clients.dynamodb.send(
        new CreateTableCommand({
          TableName: 'orders',
          KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
          AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }],
          BillingMode: 'PAY_PER_REQUEST',
        }),
      );
      const put = () => clients.dynamodb.send(new PutItemCommand({ TableName: 'orders', Item: { id: { S: '1' } } }));
      await expect(put()).rejects.toMatchObject({ name: 'ProvisionedThroughputExceededException' });
      await expect(put()).resolves.toBeDefined();
      expect(sandbox.faults!.faultReport().injected).toBe(1);
    } finally {
      clients.destroy();
      await sandbox.close();
    }
  });

  describe('a start that fails', () => {
    let dataDir: string;
    beforeEach(async () => {
      dataDir = await mkdtemp(join(tmpdir(), 'start-sandbox-'));
    });
    afterEach(() => rm(dataDir, { recursive: true, force: true }));

    /** DynamoDB holds a lock on its data directory: a second start on it succeeds only if the first closed it. */
    const reopens = async () => {
      const again = await start({ SANDBOX_DATA_DIR: dataDir });
      await again.close();
    };

    it('closes S3, DynamoDB and Step Functions when the port is taken', async () => {
      const holder = await start();
      try {
        await expect(start({ SANDBOX_DATA_DIR: dataDir }, { port: holder.port })).rejects.toMatchObject({ code: 'EADDRINUSE' });
        await reopens();
      } finally {
        await holder.close();
      }
    });

    it('closes S3 and DynamoDB when Step Functions cannot open its store', async () => {
      await writeFile(join(dataDir, 'stepfunctions'), 'a file where the store wants a folder');
      await expect(start({ SANDBOX_DATA_DIR: dataDir })).rejects.toMatchObject({ code: 'EEXIST', path: join(dataDir, 'stepfunctions') });
      await rm(join(dataDir, 'stepfunctions'));
      await reopens();
    });
  });
});
