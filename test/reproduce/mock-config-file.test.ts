// A MockConfigFile in the Step Functions Local format (examples/mock-config/MockConfigFile.json, loaded through
// SFN_MOCK_CONFIG) driving the seed pipeline: mocks inside the Distributed Map's children and inside the
// Express child's inline Map, the state's Retry/Catch applied to mocked errors, unmocked states calling the
// real S3 / Step Functions / DynamoDB.
import { StartExecutionCommand } from '@aws-sdk/client-sfn';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { configFromEnv } from '../../src/config/config';
import { MockConfigError, parseMockConfig } from '../../src/mocking';
import { readResults } from '../../src/pipeline/result-files';
import type { RunSummary } from '../../src/pipeline/run-pipeline';
import { startSandbox } from '../../src/sandbox/start-sandbox';
import { EXAMPLES_DIR, failedRowsOf, startPipelineSandbox, type PipelineSandbox } from './support/pipeline-sandbox';

const MOCK_FILE = join(EXAMPLES_DIR, 'mock-config', 'MockConfigFile.json');
const ROWS = 25; // batches of 10, 10 and 5

let p: PipelineSandbox;
beforeAll(async () => {
  p = await startPipelineSandbox({ rows: ROWS, env: { SFN_MOCK_CONFIG: MOCK_FILE } });
});
afterAll(() => p?.close());

/** The children's outputs: the COMPACT transformation writes each SUCCEEDED child's output as it is. */
function succeededOutputs(summary: RunSummary): Promise<unknown[]> {
  return readResults(p.clients.s3, summary.resultWriter!.manifest, 'SUCCEEDED');
}

const allRows = Array.from({ length: ROWS }, (_, i) => String(i + 1));

describe('the example MockConfigFile on the seed pipeline', () => {
  it('ThrottledPutItem: PutItem throws ProvisionedThroughputExceeded twice per batch, Retry absorbs it, no row fails', async () => {
    const summary = await p.run({}, 'ThrottledPutItem');
    expect(summary).toMatchObject({ status: 'SUCCEEDED', items: { total: ROWS, succeeded: ROWS, failed: 0 }, failures: [] });
    // "0-1" Throw then "2-11" Return: a batch of 10 needs exactly 12 invocations, so each throw was retried
    // once (one more invocation would have failed the child with States.Runtime, one fewer the Catch).
    expect(await succeededOutputs(summary)).toEqual(expect.arrayContaining([{ written: 10 }, { written: 5 }]));
    // The mocked PutItem never reached DynamoDB.
    expect((await p.verify(summary)).tableItems).toBe(0);
  });

  it('a mocked response one invocation short fails the batches that need it with States.Runtime', async () => {
    const json = JSON.parse(readFileSync(MOCK_FILE, 'utf8'));
    json.MockedResponses.ThrottledTwiceThenWritten = { ...json.MockedResponses.ThrottledTwiceThenWritten, '2-10': { Return: {} } };
    delete json.MockedResponses.ThrottledTwiceThenWritten['2-11'];
    const short = await startPipelineSandbox({ rows: ROWS, mockConfig: parseMockConfig(json, 'short.json') });
    try {
      const summary = await short.run({ toleratedFailurePercentage: 100 }, 'ThrottledPutItem');
      expect(summary).toMatchObject({ status: 'SUCCEEDED', items: { succeeded: 5, failed: 20 } });
      expect(summary.failures.map((f) => f.error)).toEqual(['States.Runtime', 'States.Runtime']);
      expect(summary.failures[0].cause).toMatch(/^No mocked response definition for state 'PutItem' and invocation number '11'/);
    } finally {
      await short.close();
    }
  });

  it('ThrottledPastRetries: every PutItem throttled, Retry gives up after MaxAttempts, Catch records each row as failed', async () => {
    const summary = await p.run({ toleratedFailurePercentage: 100 }, 'ThrottledPastRetries');
    expect(summary).toMatchObject({ status: 'SUCCEEDED', items: { total: ROWS, succeeded: 0, failed: ROWS } });
    expect(failedRowsOf(summary).sort((a, b) => Number(a) - Number(b))).toEqual(allRows);
    for (const failure of summary.failures) {
      const cause = JSON.parse(failure.cause!) as { failed: { error: string }[] };
      expect(new Set(cause.failed.map((f) => f.error))).toEqual(new Set(['DynamoDB.ProvisionedThroughputExceededException']));
    }
  });

  it('ConditionalCheckFails: the failed items are counted and the zero tolerance trips States.ExceedToleratedFailureThreshold', async () => {
    const summary = await p.run({ maxConcurrency: 1 }, 'ConditionalCheckFails');
    expect(summary).toMatchObject({
      status: 'FAILED',
      error: 'States.ExceedToleratedFailureThreshold',
      items: { total: ROWS, succeeded: 0, failed: 10, pending: 15 },
      failures: [{ error: 'BatchWriteFailed', items: 10 }],
    });
    expect(failedRowsOf(summary)).toEqual(allRows.slice(0, 10));
    expect(summary.failures[0].cause).toContain('DynamoDB.ConditionalCheckFailedException');
    // Nothing written, and verify finds every row in the FAILED or PENDING results: none lost silently.
    expect(await p.verify(summary)).toMatchObject({ ok: true, tableItems: 0, reportedFailed: ROWS, lost: [] });
  });

  it('ChildStartThrottled: the Distributed Map iterations answer StartSyncExecution from the mock, after two retried Sfn errors', async () => {
    const summary = await p.run({}, 'ChildStartThrottled');
    expect(summary).toMatchObject({ status: 'SUCCEEDED', items: { total: ROWS, succeeded: ROWS, failed: 0 } });
    // Every batch gets the mock's canned child output, even the 5-item one: no child workflow ran.
    expect(await succeededOutputs(summary)).toEqual([{ written: 10 }, { written: 10 }, { written: 10 }]);
    expect((await p.verify(summary)).tableItems).toBe(0);
  });

  it('RealWrites: a test case that mocks nothing the run reaches leaves every call to the real services', async () => {
    const summary = await p.run({}, 'RealWrites');
    expect(summary).toMatchObject({ status: 'SUCCEEDED', items: { succeeded: ROWS } });
    expect(await p.verify(summary)).toMatchObject({ ok: true, present: ROWS, tableItems: ROWS, lost: [], mismatched: [] });
  });

  it('an unknown #TestCase is InvalidArn naming the case and the file', async () => {
    const start = p.clients.sfn.send(new StartExecutionCommand({ stateMachineArn: `${p.pipeline.parentArn}#NoSuchCase`, input: '{}' }));
    await expect(start).rejects.toMatchObject({
      name: 'InvalidArn',
      $metadata: { httpStatusCode: 400 },
      message: expect.stringContaining(
        `Test case 'NoSuchCase' is not defined for state machine 'csv-to-ddb-orchestrator' in the mock configuration file ${MOCK_FILE}`,
      ),
    });
  });
});

describe('a bad MockConfigFile', () => {
  const dir = mkdtempSync(join(tmpdir(), 'reproduce-mocks-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  /** The example file with one edit, loaded as a user would: SFN_MOCK_CONFIG at sandbox start. */
  async function startWith(edit: (json: any) => void): Promise<MockConfigError> {
    const json = JSON.parse(readFileSync(MOCK_FILE, 'utf8'));
    edit(json);
    const path = join(dir, 'MockConfigFile.json');
    writeFileSync(path, JSON.stringify(json));
    const error = await startSandbox({ config: configFromEnv({ SFN_MOCK_CONFIG: path }), port: 0 }).then(
      async (sandbox) => {
        await sandbox.close();
        throw new Error('the sandbox started with a bad mock file');
      },
      (err: unknown) => err,
    );
    expect(error).toBeInstanceOf(MockConfigError);
    return error as MockConfigError;
  }

  it('stops the sandbox at start, naming the range inside the file', async () => {
    const error = await startWith((json) => {
      json.MockedResponses.ThrottledTwiceThenWritten['11-2'] = json.MockedResponses.ThrottledTwiceThenWritten['2-11'];
      delete json.MockedResponses.ThrottledTwiceThenWritten['2-11'];
    });
    expect(error.message).toBe(`${join(dir, 'MockConfigFile.json')}: MockedResponses.ThrottledTwiceThenWritten["11-2"]: range '11-2' ends before it starts`);
  });

  it('names a test case entry pointing at an undefined mocked response', async () => {
    const error = await startWith((json) => {
      json.StateMachines['write-to-ddb'].TestCases.ThrottledPutItem.PutItem = 'Throttled';
    });
    expect(error.location).toBe('StateMachines["write-to-ddb"].TestCases.ThrottledPutItem.PutItem');
    expect(error.problem).toBe("unknown mocked response 'Throttled' (not defined under MockedResponses)");
  });

  it('names a Throw without its Error', async () => {
    const error = await startWith((json) => {
      delete json.MockedResponses.AlwaysConditionalCheckFailed['0-99'].Throw.Error;
    });
    expect(error.location).toBe('MockedResponses.AlwaysConditionalCheckFailed["0-99"].Throw');
    expect(error.problem).toBe('Throw needs an Error (the error name Retry and Catch match)');
  });
});
