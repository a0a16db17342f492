// The Distributed Map (docs/aws-behaviour.md#distributed-map, #csv-reading), and Map.Item.Source, through the
// real Map Run runner on the embedded sandbox (the engine's own
// tests use a scripted port): the whole parent history, ARNs and ResultWriter keys, a CSV with duplicate
// headers, and children that cannot see the parent's variables.
import { CreateBucketCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import {
  CreateStateMachineCommand,
  DescribeExecutionCommand,
  DescribeMapRunCommand,
  GetExecutionHistoryCommand,
  ListExecutionsCommand,
  StartExecutionCommand,
  type HistoryEvent,
} from '@aws-sdk/client-sfn';
import type { AwsClients } from '../../src/config/clients';
import { ROLE_ARN, waitForExecution } from './redrive-support';
import { useEmbeddedSandbox } from './support/embedded-sandbox';

const BUCKET = 'dmap-history';
const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';

interface MapOptions {
  readonly label?: string;
  readonly resultWriter?: boolean;
  /** The child's only state; default a Pass echoing its input. */
  readonly child?: Record<string, unknown>;
  readonly itemSelector?: unknown;
  /** Default: the CSV object named by the input's `key`. */
  readonly itemReader?: Record<string, unknown>;
  /** ToleratedFailureCount / ToleratedFailurePercentage fields of the Map state. */
  readonly tolerance?: Record<string, number>;
}

const CSV_READER = {
  Resource: 'arn:aws:states:::s3:getObject',
  ReaderConfig: { InputType: 'CSV', CSVHeaderLocation: 'FIRST_ROW' },
  Arguments: { Bucket: BUCKET, Key: '{% $states.input.key %}' },
};

function parent({ label, resultWriter, itemSelector, tolerance, itemReader = CSV_READER, child = { Type: 'Pass', End: true } }: MapOptions): string {
  return JSON.stringify({
    QueryLanguage: 'JSONata',
    StartAt: 'Init',
    States: {
      Init: { Type: 'Pass', Assign: { secret: 'parent-only' }, Next: 'Load' },
      Load: {
        Type: 'Map',
        ...(label && { Label: label }),
        ItemReader: itemReader,
        ...(itemSelector !== undefined && { ItemSelector: itemSelector }),
        ...tolerance,
        ItemProcessor: { ProcessorConfig: { Mode: 'DISTRIBUTED', ExecutionType: 'STANDARD' }, StartAt: 'Child', States: { Child: child } },
        ...(resultWriter && { ResultWriter: { Resource: 'arn:aws:states:::s3:putObject', Arguments: { Bucket: BUCKET, Prefix: 'out' } } }),
        End: true,
      },
    },
  });
}

describe('a Distributed Map on the real Map Run runner', () => {
  const target = useEmbeddedSandbox();
  let clients: AwsClients;
  let sequence = 0;

  beforeAll(async () => {
    ({ clients } = target);
    await clients.s3.send(new CreateBucketCommand({ Bucket: BUCKET }));
  });

  async function run(csv: string, options: MapOptions) {
    const name = `dm-${++sequence}`;
    await clients.s3.send(new PutObjectCommand({ Bucket: BUCKET, Key: `${name}.csv`, Body: csv }));
    const { stateMachineArn } = await clients.sfn.send(new CreateStateMachineCommand({ name, definition: parent(options), roleArn: ROLE_ARN }));
    const { executionArn } = await clients.sfn.send(new StartExecutionCommand({ stateMachineArn, input: JSON.stringify({ key: `${name}.csv` }) }));
    const described = await waitForExecution(clients.sfn, executionArn!);
    const events: HistoryEvent[] = (await clients.sfn.send(new GetExecutionHistoryCommand({ executionArn, maxResults: 1000 }))).events ?? [];
    return { name, described, events };
  }

  const shape = (events: HistoryEvent[]) => events.map((e) => [e.id, e.previousEventId, e.type]);

  it('records MapStateStarted {length: 0} and only Map Run events; output is {MapRunArn, ResultWriterDetails} keyed by the last UUID (items 3, 4); maxConcurrency 0', async () => {
    const { name, described, events } = await run('id,qty\na,1\nb,2\nc,3\n', { resultWriter: true });
    expect(described.status).toBe('SUCCEEDED');
    expect(shape(events)).toEqual([
      [1, 0, 'ExecutionStarted'],
      [2, 0, 'PassStateEntered'],
      [3, 2, 'PassStateExited'],
      [4, 3, 'MapStateEntered'],
      [5, 4, 'MapStateStarted'],
      [6, 5, 'MapRunStarted'],
      [7, 6, 'MapRunSucceeded'],
      [8, 7, 'MapStateSucceeded'],
      [9, 6, 'MapStateExited'],
      [10, 9, 'ExecutionSucceeded'],
    ]);
    expect(events[4].mapStateStartedEventDetails).toEqual({ length: 0 });
    const mapRunArn = events[5].mapRunStartedEventDetails!.mapRunArn!;
    // No Label: the Map Run ARN repeats a UUID where the label would be; the files use the last one.
    const arn = new RegExp(`^arn:aws:states:[a-z0-9-]+:000000000000:mapRun:${name}/(${UUID}):(${UUID})$`).exec(mapRunArn);
    expect(arn).not.toBeNull();
    expect(JSON.parse(described.output!)).toEqual({ MapRunArn: mapRunArn, ResultWriterDetails: { Bucket: BUCKET, Key: `out/${arn![2]}/manifest.json` } });
    // No MaxConcurrency means unlimited, which DescribeMapRun reports as 0 [UNCONFIRMED].
    expect((await clients.sfn.send(new DescribeMapRunCommand({ mapRunArn }))).maxConcurrency).toBe(0);
  });

  it('fails the Map Run on duplicate CSV headers with States.ItemReaderFailed, not States.Runtime (item 2)', async () => {
    const { described, events } = await run('id,id\na,b\n', { label: 'Dup' });
    const error = 'States.ItemReaderFailed';
    const cause = 'CSV headers cannot contain duplicates.';
    expect({ status: described.status, error: described.error, cause: described.cause }).toEqual({ status: 'FAILED', error, cause });
    expect(shape(events).slice(4)).toEqual([
      [5, 4, 'MapStateStarted'],
      [6, 5, 'MapRunStarted'],
      [7, 6, 'MapRunFailed'],
      [8, 7, 'MapStateFailed'],
      [9, 8, 'ExecutionFailed'],
    ]);
    expect(events[6].mapRunFailedEventDetails).toEqual({ error, cause });
    expect(events[8].executionFailedEventDetails).toEqual({ error, cause });
  });

  it('runs children without the parent variables: a child reading one fails (item 9)', async () => {
    const child = { Type: 'Pass', Output: '{% $secret %}', End: true };
    const { described, events } = await run('id\na\n', { label: 'Vars', child });
    expect({ status: described.status, error: described.error }).toEqual({ status: 'FAILED', error: 'States.ExceedToleratedFailureThreshold' });
    const mapRunArn = events.find((e) => e.type === 'MapRunStarted')!.mapRunStartedEventDetails!.mapRunArn;
    const [only] = (await clients.sfn.send(new ListExecutionsCommand({ mapRunArn }))).executions ?? [];
    const childRun = await clients.sfn.send(new DescribeExecutionCommand({ executionArn: only.executionArn }));
    expect({ status: childRun.status, error: childRun.error }).toEqual({ status: 'FAILED', error: 'States.QueryEvaluationError' });
    expect(childRun.cause).toContain("The JSONata expression '$secret' specified for the field 'Output' returned nothing (undefined).");
  });

  it('DescribeMapRun counts resultsWritten also without a ResultWriter (recorded test_list_map_runs_and_describe_map_run)', async () => {
    const { described, events } = await run('id\na\nb\n', {});
    expect(described.status).toBe('SUCCEEDED');
    const mapRunArn = events.find((e) => e.type === 'MapRunStarted')!.mapRunStartedEventDetails!.mapRunArn;
    const mapRun = await clients.sfn.send(new DescribeMapRunCommand({ mapRunArn }));
    expect([mapRun.itemCounts?.resultsWritten, mapRun.executionCounts?.resultsWritten]).toEqual([2, 2]);
  });

  it('DescribeMapRun reports an unset tolerance as 0 and 0.0; a lone ToleratedFailurePercentage is not defeated by that 0 count', async () => {
    const child = { Type: 'Pass', Output: "{% $states.input.id = 'b' ? $error('bad row') : $states.input %}", End: true };
    const { described, events } = await run('id\na\nb\n', { label: 'Half', child, tolerance: { ToleratedFailurePercentage: 50 } });
    expect(described.status).toBe('SUCCEEDED');
    const mapRunArn = events.find((e) => e.type === 'MapRunStarted')!.mapRunStartedEventDetails!.mapRunArn;
    const mapRun = await clients.sfn.send(new DescribeMapRunCommand({ mapRunArn }));
    expect([mapRun.toleratedFailureCount, mapRun.toleratedFailurePercentage]).toEqual([0, 50]);
    expect([mapRun.itemCounts?.succeeded, mapRun.itemCounts?.failed]).toEqual([1, 1]);

    const strict = await run('id\na\nb\n', { label: 'Strict', child });
    expect({ status: strict.described.status, error: strict.described.error }).toEqual({ status: 'FAILED', error: 'States.ExceedToleratedFailureThreshold' });
    const strictArn = strict.events.find((e) => e.type === 'MapRunStarted')!.mapRunStartedEventDetails!.mapRunArn;
    const strictRun = await clients.sfn.send(new DescribeMapRunCommand({ mapRunArn: strictArn }));
    expect([strictRun.toleratedFailureCount, strictRun.toleratedFailurePercentage]).toEqual([0, 0]);
  });

  it('gives each item Map.Item.Source S3://bucket/key of the CSV read [UNCONFIRMED by recordings]', async () => {
    const { name, described } = await run('id\na\nb\n', { itemSelector: '{% $states.context.Map.Item %}' });
    expect(described.status).toBe('SUCCEEDED');
    const source = `S3://${BUCKET}/${name}.csv`;
    expect(JSON.parse(described.output!)).toEqual([
      { Index: 0, Value: { id: 'a' }, Source: source },
      { Index: 1, Value: { id: 'b' }, Source: source },
    ]);
  });

  it('gives listed objects Map.Item.Source S3://bucket [UNCONFIRMED by recordings]', async () => {
    const listing = { Resource: 'arn:aws:states:::s3:listObjectsV2', Arguments: { Bucket: BUCKET, Prefix: '{% $states.input.key %}' } };
    const { described } = await run('id\n', { itemReader: listing, itemSelector: '{% $states.context.Map.Item.Source %}' });
    expect(described.status).toBe('SUCCEEDED');
    expect(JSON.parse(described.output!)).toEqual([`S3://${BUCKET}`]);
  });

  it('fails the Map Run on a ReaderConfig field it does not implement instead of ignoring it', async () => {
    const itemReader = { ...CSV_READER, ReaderConfig: { InputType: 'JSON', ItemsPointer: '/rows' } };
    const { described, events } = await run('{"rows":[1]}', { label: 'Pointer', itemReader });
    const cause = "ReaderConfig ItemsPointer '/rows' is not supported by the sandbox; it reads CSV, JSON, JSONL and listObjectsV2 as they are.";
    expect({ status: described.status, error: described.error, cause: described.cause }).toEqual({ status: 'FAILED', error: 'States.ItemReaderFailed', cause });
    expect(events.find((e) => e.type === 'MapRunFailed')!.mapRunFailedEventDetails).toEqual({ error: 'States.ItemReaderFailed', cause });
  });
});
