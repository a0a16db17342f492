// The real AWS CLI (Debian's awscli, an independent client) choosing a MockConfigFile test case with
// `--state-machine-arn 'arn…#Case'` on the sandbox's socket, as Step Functions Local users do.
import { join } from 'node:path';
import { followRun } from '../../src/pipeline/run-pipeline';
import { awsCli, awsCliPath, runAwsCli } from '../support/aws-cli';
import { EXAMPLES_DIR, failedRowsOf, startPipelineSandbox, type PipelineSandbox } from './support/pipeline-sandbox';

describe('aws stepfunctions start-execution with a #TestCase', () => {
  let p: PipelineSandbox;
  beforeAll(async () => {
    awsCliPath();
    p = await startPipelineSandbox({ rows: 25, env: { SFN_MOCK_CONFIG: join(EXAMPLES_DIR, 'mock-config', 'MockConfigFile.json') } });
  });
  afterAll(() => p?.close());

  it('runs the parent under the test case: its children fail on the mocked ConditionalCheckFailed', async () => {
    const { executionArn } = (await awsCli(p.sandbox.url, [
      'stepfunctions',
      'start-execution',
      '--state-machine-arn',
      `${p.pipeline.parentArn}#ConditionalCheckFails`,
      '--input',
      '{"maxConcurrency":1}',
    ])) as { executionArn: string };
    // The execution belongs to the state machine proper: the case is not part of its ARN.
    expect(executionArn).toMatch(/^arn:aws:states:us-east-1:000000000000:execution:csv-to-ddb-orchestrator:[0-9a-f-]{36}$/);

    const summary = await followRun(p.clients, executionArn, {
      pollMs: 10,
      resultsLocation: { bucket: p.config.bucket, prefix: `${p.config.prefix}/results` },
    });
    expect(failedRowsOf(summary)).toEqual(Array.from({ length: 10 }, (_, i) => String(i + 1)));
    const described = await awsCli(p.sandbox.url, ['stepfunctions', 'describe-execution', '--execution-arn', executionArn]);
    expect(described).toMatchObject({
      stateMachineArn: p.pipeline.parentArn,
      status: 'FAILED',
      error: 'States.ExceedToleratedFailureThreshold',
    });
  });

  it('rejects a test case the file does not define with InvalidArn', async () => {
    const result = await runAwsCli(p.sandbox.url, ['stepfunctions', 'start-execution', '--state-machine-arn', `${p.pipeline.parentArn}#NoSuchCase`]);
    // A service error exits 254 in CLI v2 and 255 in v1.
    expect([254, 255]).toContain(result.code);
    expect(result.stderr).toContain('An error occurred (InvalidArn) when calling the StartExecution operation:');
    expect(result.stderr).toContain("Test case 'NoSuchCase' is not defined for state machine 'csv-to-ddb-orchestrator'");
  });
});
