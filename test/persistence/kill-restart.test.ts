// Persistence across a crash: an endpoint killed with SIGKILL mid-run and restarted on the same data dir keeps what it
// acknowledged (state machines, executions, histories, Map Runs, S3 objects, DynamoDB items), marks the
// interrupted parent FAILED with Sandbox.EndpointRestarted (REDRIVABLE), and RedriveExecution finishes the load
// with every row present exactly once. A clean SIGTERM restart keeps everything as it was.
import { ScanCommand } from '@aws-sdk/client-dynamodb';
import { GetObjectCommand } from '@aws-sdk/client-s3';
import {
  DescribeMapRunCommand,
  DescribeStateMachineCommand,
  ListExecutionsCommand,
  ListMapRunsCommand,
  RedriveExecutionCommand,
  type SFNClient,
} from '@aws-sdk/client-sfn';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startRun } from '../../src/pipeline/run-pipeline';
import { verifyLoad } from '../../src/pipeline/verify';
import { historyOf, poll, waitForExecution } from '../stepfunctions/redrive-support';
import { deployWithCsv, startEndpointProcess, stopEndpointProcess, type EndpointProcess } from './endpoint-process';

// Two endpoint processes, a 3,000-row run and its redrive: generous for a loaded 2-core machine.
jest.setTimeout(300_000);

/** A response without its per-request metadata (request ids differ between calls). */
function withoutMetadata(response: object): Record<string, unknown> {
  const { $metadata: _metadata, ...rest } = response as Record<string, unknown>;
  return rest;
}

describe('Step Functions persistence across endpoint restarts', () => {
  let dataDir: string;
  const running: EndpointProcess[] = [];

  beforeEach(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'sfn-persistence-'));
  });
  afterEach(async () => {
    for (const endpoint of running.splice(0)) endpoint.run.child.kill('SIGKILL');
    await rm(dataDir, { recursive: true, force: true });
  });

  async function start(): Promise<EndpointProcess> {
    const endpoint = await startEndpointProcess(dataDir);
    running.push(endpoint);
    return endpoint;
  }

  it('kill -9 mid-run: the parent is marked, survives with its history, and a redrive loads every row exactly once', async () => {
    const ROWS = 3000;
    const first = await start();
    const pipeline = await deployWithCsv(first, ROWS);
    const executionArn = await startRun(first.clients, pipeline.parentArn, { input: { maxConcurrency: 2 } });
    const mapRunArn = (
      await poll(
        () => first.clients.sfn.send(new ListMapRunsCommand({ executionArn })),
        (r) => (r.mapRuns?.length ?? 0) > 0,
        30_000,
        'the Map Run',
      )
    ).mapRuns![0].mapRunArn!;
    const midway = await poll(
      () => first.clients.sfn.send(new DescribeMapRunCommand({ mapRunArn })),
      (r) => r.status !== 'RUNNING' || (r.itemCounts?.succeeded ?? 0) >= 300,
      60_000,
      'the Map Run to be partly done',
    );
    expect({ status: midway.status, partly: midway.itemCounts!.succeeded! < ROWS }).toEqual({ status: 'RUNNING', partly: true });
    const before = await historyOf(first.clients.sfn, executionArn);
    const rowsBefore = (await first.clients.dynamodb.send(new ScanCommand({ TableName: pipeline.table, Select: 'COUNT' }))).Count ?? 0;
    expect(await stopEndpointProcess(first, 'SIGKILL')).toBeNull();

    const second = await start();
    const { sfn } = second.clients;
    expect((await sfn.send(new DescribeStateMachineCommand({ stateMachineArn: pipeline.parentArn }))).name).toBe(second.config.parentStateMachineName);
    const marked = await waitForExecution(sfn, executionArn, () => true);
    expect({ status: marked.status, error: marked.error, redriveStatus: marked.redriveStatus }).toEqual({
      status: 'FAILED',
      error: 'Sandbox.EndpointRestarted',
      redriveStatus: 'REDRIVABLE',
    });
    const after = await historyOf(sfn, executionArn);
    expect(after.slice(0, before.length)).toEqual(before);
    expect(after.at(-1)).toMatchObject({ type: 'ExecutionFailed', executionFailedEventDetails: { error: 'Sandbox.EndpointRestarted' } });
    const run = await sfn.send(new DescribeMapRunCommand({ mapRunArn }));
    expect({ status: run.status, running: run.itemCounts?.running }).toEqual({ status: 'FAILED', running: 0 });
    expect(run.itemCounts!.succeeded).toBeGreaterThanOrEqual(midway.itemCounts!.succeeded!);
    const csv = await second.clients.s3.send(new GetObjectCommand({ Bucket: pipeline.bucket, Key: pipeline.key }));
    expect((await csv.Body!.transformToString()).split('\n').filter(Boolean)).toHaveLength(ROWS + 1);
    const rowsAfter = (await second.clients.dynamodb.send(new ScanCommand({ TableName: pipeline.table, Select: 'COUNT' }))).Count ?? 0;
    expect(rowsAfter).toBeGreaterThanOrEqual(rowsBefore);
    expect(rowsAfter).toBeLessThan(ROWS);

    await sfn.send(new RedriveExecutionCommand({ executionArn }));
    const done = await waitForExecution(sfn, executionArn, undefined, 240_000);
    expect({ status: done.status, redriveCount: done.redriveCount }).toEqual({ status: 'SUCCEEDED', redriveCount: 1 });
    const redriven = await sfn.send(new DescribeMapRunCommand({ mapRunArn }));
    expect({ status: redriven.status, redriveCount: redriven.redriveCount, succeeded: redriven.itemCounts?.succeeded }).toEqual({
      status: 'SUCCEEDED',
      redriveCount: 1,
      succeeded: ROWS,
    });
    const report = await verifyLoad(second.clients, { bucket: pipeline.bucket, key: pipeline.key, table: pipeline.table });
    expect({ ok: report.ok, present: report.present, tableItems: report.tableItems, lost: report.lost.length }).toEqual({
      ok: true,
      present: ROWS,
      tableItems: ROWS,
      lost: 0,
    });
    expect(await stopEndpointProcess(second, 'SIGTERM')).toBe(0);
  });

  it('a clean SIGTERM restart keeps state machines, executions, histories and Map Runs as they were', async () => {
    const first = await start();
    const pipeline = await deployWithCsv(first, 200);
    const executionArn = await startRun(first.clients, pipeline.parentArn);
    const done = await waitForExecution(first.clients.sfn, executionArn, undefined, 240_000);
    expect(done.status).toBe('SUCCEEDED');
    const snapshot = async (sfn: SFNClient) => {
      const execution = withoutMetadata(await waitForExecution(sfn, executionArn, () => true));
      const { mapRuns } = await sfn.send(new ListMapRunsCommand({ executionArn }));
      const mapRun = withoutMetadata(await sfn.send(new DescribeMapRunCommand({ mapRunArn: mapRuns![0].mapRunArn })));
      const children = (await sfn.send(new ListExecutionsCommand({ mapRunArn: mapRuns![0].mapRunArn, maxResults: 1000 }))).executions;
      const executions = (await sfn.send(new ListExecutionsCommand({ stateMachineArn: pipeline.parentArn }))).executions;
      return { execution, mapRun, children, executions, history: await historyOf(sfn, executionArn) };
    };
    const before = await snapshot(first.clients.sfn);
    expect(before.children).toHaveLength(20);
    expect(await stopEndpointProcess(first, 'SIGTERM')).toBe(0);

    const second = await start();
    expect(await snapshot(second.clients.sfn)).toEqual(before);
    expect(await stopEndpointProcess(second, 'SIGTERM')).toBe(0);
  });
});
