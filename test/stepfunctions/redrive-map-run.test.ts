// Redriving a parent whose Distributed Map failed over its tolerance (docs/aws-behaviour.md#redrive, #history-events): the same Map Run gets
// MapRunRedriven, only the items whose children did not succeed run again, the counts cover the whole run, and
// the ResultWriter files / the Map output hold every item once.
import { CreateBucketCommand, GetObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import {
  CreateStateMachineCommand,
  DescribeMapRunCommand,
  GetExecutionHistoryCommand,
  ListExecutionsCommand,
  ListMapRunsCommand,
  RedriveExecutionCommand,
  StartExecutionCommand,
} from '@aws-sdk/client-sfn';
import type { AwsClients } from '../../src/config/clients';
import { createTable, ROLE_ARN, waitForExecution } from './redrive-support';
import { useEmbeddedSandbox } from './support/embedded-sandbox';

const ROWS = 20;
const LATE_ROWS = [5, 12];
const BUCKET = 'redrive-map-run';

function definition(resultWriter: boolean): string {
  return JSON.stringify({
    QueryLanguage: 'JSONata',
    StartAt: 'Load',
    States: {
      Load: {
        Type: 'Map',
        Label: 'Load',
        MaxConcurrency: 1,
        ItemReader: {
          Resource: 'arn:aws:states:::s3:getObject',
          ReaderConfig: { InputType: 'CSV', CSVHeaderLocation: 'FIRST_ROW' },
          Arguments: { Bucket: BUCKET, Key: '{% $states.input.key %}' },
        },
        ItemSelector: { id: '{% $states.context.Map.Item.Value.id %}', table: '{% $states.context.Map.Item.Value.table %}' },
        ItemProcessor: {
          ProcessorConfig: { Mode: 'DISTRIBUTED', ExecutionType: 'EXPRESS' },
          StartAt: 'Put',
          States: {
            Put: {
              Type: 'Task',
              Resource: 'arn:aws:states:::dynamodb:putItem',
              Arguments: { TableName: '{% $states.input.table %}', Item: { pk: { S: '{% $states.input.id %}' } } },
              Output: '{% $states.input.id %}',
              End: true,
            },
          },
        },
        ...(resultWriter
          ? {
              ResultWriter: {
                Resource: 'arn:aws:states:::s3:putObject',
                Arguments: { Bucket: BUCKET, Prefix: 'results' },
                WriterConfig: { OutputType: 'JSON', Transformation: 'COMPACT' },
              },
            }
          : {}),
        End: true,
      },
    },
  });
}

describe('RedriveExecution of a failed Distributed Map', () => {
  const target = useEmbeddedSandbox();
  let clients: AwsClients;

  beforeAll(async () => {
    ({ clients } = target);
    await clients.s3.send(new CreateBucketCommand({ Bucket: BUCKET }));
  });

  async function failedMapRun(name: string, resultWriter: boolean) {
    const ready = `ready-${name}`;
    const late = `late-${name}`;
    await createTable(clients.dynamodb, ready);
    const rows = Array.from({ length: ROWS }, (_, i) => `row-${i},${LATE_ROWS.includes(i) ? late : ready}`);
    await clients.s3.send(new PutObjectCommand({ Bucket: BUCKET, Key: `${name}.csv`, Body: ['id,table', ...rows].join('\n') }));
    const { stateMachineArn } = await clients.sfn.send(new CreateStateMachineCommand({ name, definition: definition(resultWriter), roleArn: ROLE_ARN }));
    const { executionArn } = await clients.sfn.send(new StartExecutionCommand({ stateMachineArn, input: JSON.stringify({ key: `${name}.csv` }) }));
    const failed = await waitForExecution(clients.sfn, executionArn!);
    expect({ status: failed.status, error: failed.error }).toEqual({ status: 'FAILED', error: 'States.ExceedToleratedFailureThreshold' });
    const mapRunArn = (await clients.sfn.send(new ListMapRunsCommand({ executionArn }))).mapRuns![0].mapRunArn!;
    return { executionArn: executionArn!, mapRunArn, late };
  }

  const children = async (mapRunArn: string) => (await clients.sfn.send(new ListExecutionsCommand({ mapRunArn, maxResults: 1000 }))).executions ?? [];

  it('re-runs only the items that did not succeed and writes result files covering the whole run', async () => {
    const { executionArn, mapRunArn, late } = await failedMapRun('with-writer', true);
    // MaxConcurrency 1, no tolerance: rows 0–4 succeed, row 5 fails, rows 6–19 never start.
    expect(await children(mapRunArn)).toHaveLength(6);
    const firstManifest = await readJson(`results/${mapRunArn.split(':').pop()}/manifest.json`);
    expect(firstManifest.ResultFiles.FAILED).toHaveLength(1);
    expect(firstManifest.ResultFiles.PENDING).toHaveLength(1);

    await createTable(clients.dynamodb, late);
    await clients.sfn.send(new RedriveExecutionCommand({ executionArn }));
    const done = await waitForExecution(clients.sfn, executionArn);
    expect(done.status).toBe('SUCCEEDED');

    const all = await children(mapRunArn);
    expect(all).toHaveLength(6 + (ROWS - 5));
    expect(all.filter((c) => c.status === 'SUCCEEDED')).toHaveLength(ROWS);
    const run = await clients.sfn.send(new DescribeMapRunCommand({ mapRunArn }));
    expect({ status: run.status, redriveCount: run.redriveCount, redrivenAt: typeof run.redriveDate }).toEqual({
      status: 'SUCCEEDED',
      redriveCount: 1,
      redrivenAt: 'object',
    });
    expect(run.itemCounts).toMatchObject({ succeeded: ROWS, failed: 0, pending: 0, running: 0, total: ROWS });
    expect(run.executionCounts).toMatchObject({ succeeded: ROWS, failed: 0, total: ROWS });

    const events = (await clients.sfn.send(new GetExecutionHistoryCommand({ executionArn, maxResults: 1000 }))).events ?? [];
    const redriven = events.slice(events.findIndex((e) => e.type === 'ExecutionRedriven'));
    expect(redriven.map((e) => e.type)).toEqual([
      'ExecutionRedriven',
      'MapStateEntered',
      'MapStateStarted',
      'MapRunRedriven',
      'MapRunSucceeded',
      'MapStateSucceeded',
      'MapStateExited',
      'ExecutionSucceeded',
    ]);
    expect(redriven[3].mapRunRedrivenEventDetails).toEqual({ mapRunArn, redriveCount: 1 });
    // MapStateExited points at the event that opened the run, here MapRunRedriven (MapRunStarted otherwise).
    expect(redriven[6].previousEventId).toBe(redriven[3].id);

    const manifest = await readJson(JSON.parse(done.output!).ResultWriterDetails.Key);
    expect({ failed: manifest.ResultFiles.FAILED, pending: manifest.ResultFiles.PENDING }).toEqual({ failed: [], pending: [] });
    const succeeded: string[] = [];
    for (const file of manifest.ResultFiles.SUCCEEDED) succeeded.push(...((await readJson(file.Key)) as string[]));
    expect(succeeded.sort()).toEqual(Array.from({ length: ROWS }, (_, i) => `row-${i}`).sort());
    await expect(readJson(firstManifest.ResultFiles.FAILED[0].Key)).rejects.toMatchObject({ name: 'NoSuchKey' });
  });

  it('returns every item in order from a Map without ResultWriter, the earlier outputs included', async () => {
    const { executionArn, mapRunArn, late } = await failedMapRun('no-writer', false);
    await createTable(clients.dynamodb, late);
    await clients.sfn.send(new RedriveExecutionCommand({ executionArn }));
    const done = await waitForExecution(clients.sfn, executionArn);
    expect(done.status).toBe('SUCCEEDED');
    expect(JSON.parse(done.output!)).toEqual(Array.from({ length: ROWS }, (_, i) => `row-${i}`));
    expect(await children(mapRunArn)).toHaveLength(6 + (ROWS - 5));
  });

  async function readJson(Key: string) {
    const object = await clients.s3.send(new GetObjectCommand({ Bucket: BUCKET, Key }));
    return JSON.parse(await object.Body!.transformToString());
  }
});
