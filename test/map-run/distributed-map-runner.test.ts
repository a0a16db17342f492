import { PutObjectCommand, CreateBucketCommand, GetObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { createS3Service } from '../../src/services/s3';
import { startS3TestServer, type StartedS3TestServer } from '../services/s3/support/s3-test-server';
import { StatesError, type DistributedMapFields, type ExecutionIdentity, type MapRunEvents, type StateMachineDefinition } from '../../src/engine';
import { DistributedMapRunner } from '../../src/map-run/distributed-map-runner';
import type { ChildRun, MapRunHandle, MapRunHost, MapRunInit, StartChildRequest } from '../../src/map-run/map-run-host';

/** The runner passes the ItemProcessor through to the host untouched; a marker object proves it. */
const CHILD = { marker: 'child' } as unknown as StateMachineDefinition;

const parent: ExecutionIdentity = {
  executionArn: 'arn:aws:states:us-east-1:000000000000:execution:parent:run1',
  executionName: 'run1',
  stateMachineArn: 'arn:aws:states:us-east-1:000000000000:stateMachine:parent',
  stateMachineName: 'parent',
  roleArn: 'arn:aws:iam::000000000000:role/r',
  startTime: new Date(),
  type: 'STANDARD',
  redriveCount: 0,
};

/** A host whose children succeed unless `fails(input)` says otherwise; it records what the runner asked for. */
class FakeHost implements MapRunHost {
  readonly started: StartChildRequest[] = [];
  readonly finished: string[] = [];
  running = 0;
  peak = 0;
  total = -1;
  notStarted = 0;
  init?: MapRunInit;
  constructor(private readonly fails: (input: unknown) => boolean = () => false) {}

  createMapRun(init: MapRunInit): MapRunHandle {
    this.init = init;
    const host = this;
    return {
      mapRunArn: `arn:aws:states:us-east-1:000000000000:mapRun:parent/${init.label ?? 'x'}:1111-2222`,
      maxConcurrency: () => init.maxConcurrency,
      tolerance: () => init.tolerance,
      setTotalItems: (total) => void (host.total = total),
      itemsNotStarted: (n) => void (host.notStarted += n),
      finish: (status) => void host.finished.push(status),
      async startChild(request): Promise<ChildRun> {
        host.started.push(request);
        host.peak = Math.max(host.peak, ++host.running);
        await new Promise((r) => setImmediate(r));
        host.running--;
        const failed = host.fails(request.input);
        const n = host.started.length;
        return {
          executionArn: `arn:aws:states:us-east-1:000000000000:execution:parent/x:child-${n}`,
          name: `child-${n}`,
          stateMachineArn: 'arn:aws:states:us-east-1:000000000000:stateMachine:parent/x',
          status: failed ? 'FAILED' : 'SUCCEEDED',
          output: failed ? undefined : { ok: request.input },
          error: failed ? 'Boom' : undefined,
          cause: failed ? 'row rejected' : undefined,
          startDate: new Date(),
          stopDate: new Date(),
        };
      },
    };
  }
}

function recorder(): MapRunEvents & { log: string[] } {
  const log: string[] = [];
  return {
    log,
    started: (arn) => void log.push(`started ${arn}`),
    redriven: (arn, n) => void log.push(`redriven ${arn} ${n}`),
    succeeded: () => void log.push('succeeded'),
    failed: (error) => void log.push(`failed ${error}`),
    aborted: () => void log.push('aborted'),
  };
}

describe('DistributedMapRunner', () => {
  let server: StartedS3TestServer;
  let s3: S3Client;
  beforeAll(async () => {
    server = await startS3TestServer(createS3Service({ region: 'us-east-1' }));
    s3 = server.client();
    await s3.send(new CreateBucketCommand({ Bucket: 'bkt' }));
    const rows = ['id,price', ...Array.from({ length: 25 }, (_, i) => `${i},${i === 7 || i === 13 ? 'bad' : i * 10}`)].join('\n');
    await s3.send(new PutObjectCommand({ Bucket: 'bkt', Key: 'orders.csv', Body: rows }));
  });
  afterAll(() => server.close());

  const csvMap = (over: Partial<DistributedMapFields> = {}): DistributedMapFields => ({
    label: 'Load',
    executionType: 'EXPRESS',
    maxConcurrency: 3,
    tolerance: {},
    source: {
      kind: 'reader',
      spec: { resource: 'getObject', bucket: 'bkt', key: 'orders.csv', inputType: 'CSV', csvHeaderLocation: 'FIRST_ROW', maxItems: 0 },
    },
    ...over,
  });
  const run = (host: MapRunHost, map: DistributedMapFields, events = recorder(), signal = new AbortController().signal) =>
    new DistributedMapRunner({ s3, host }).run({ ...map, stateName: 'Load', execution: parent, childDefinition: CHILD, signal, events });

  it('runs one child per batch, never more than MaxConcurrency at once, and returns outputs in item order', async () => {
    const host = new FakeHost();
    const events = recorder();
    const output = (await run(host, csvMap({ batcher: { maxItemsPerBatch: 10, batchInput: { table: 't' } } }), events)) as unknown[];
    expect(host.total).toBe(25);
    expect(host.started.map((s) => s.itemCount)).toEqual([10, 10, 5]);
    expect(host.started[0].input).toEqual({ BatchInput: { table: 't' }, Items: expect.arrayContaining([{ id: '0', price: '0' }]) });
    expect(host.started[0].definition).toEqual({ marker: 'child' });
    expect(host.peak).toBeLessThanOrEqual(3);
    expect(output).toHaveLength(3);
    expect(events.log).toEqual([expect.stringMatching(/^started arn:aws:states:.*:mapRun:parent\/Load:1111-2222$/), 'succeeded']);
    expect(host.finished).toEqual(['SUCCEEDED']);
  });

  it('applies ItemSelector with the item index before batching', async () => {
    const host = new FakeHost();
    await run(host, csvMap({ maxConcurrency: 1, selectItem: async (v, i) => ({ row: i + 1, id: (v as { id: string }).id }) }));
    expect(host.started).toHaveLength(25);
    expect(host.started[24].input).toEqual({ row: 25, id: '24' });
  });

  it('tolerates failures up to the threshold and fails the Map Run just past it', async () => {
    const failsBad = (input: unknown) => JSON.stringify(input).includes('bad');
    // 2 of 25 items fail: 8% > 5% fails, 8% <= 10% passes
    await expect(run(new FakeHost(failsBad), csvMap({ tolerance: { percentage: 10 } }))).resolves.toBeDefined();
    const events = recorder();
    const host = new FakeHost(failsBad);
    const failure = await run(host, csvMap({ maxConcurrency: 1, tolerance: { percentage: 5 } }), events).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(StatesError);
    expect(failure).toMatchObject({ error: 'States.ExceedToleratedFailureThreshold', cause: 'The specified tolerated failure threshold was exceeded' });
    expect(events.log.at(-1)).toBe('failed States.ExceedToleratedFailureThreshold');
    expect(host.finished).toEqual(['FAILED']);
    // the second failure (item 13) trips it; nothing after it starts
    expect(host.started).toHaveLength(14);
    expect(host.notStarted).toBe(11);
  });

  it('fails on the first failure when no threshold is set', async () => {
    const host = new FakeHost((input) => JSON.stringify(input).includes('bad'));
    await expect(run(host, csvMap({ maxConcurrency: 1 }))).rejects.toMatchObject({ error: 'States.ExceedToleratedFailureThreshold' });
    expect(host.started).toHaveLength(8);
  });

  it('exports results with the ResultWriter and returns {MapRunArn, ResultWriterDetails}', async () => {
    const host = new FakeHost((input) => JSON.stringify(input).includes('bad'));
    const map = csvMap({
      tolerance: { count: 10 }, // two failed batches of 5: every item of a failed batch counts
      batcher: { maxItemsPerBatch: 5 },
      writer: { s3: { bucket: 'bkt', prefix: 'results' }, outputType: 'JSON', transformation: 'COMPACT' },
    });
    const output = (await run(host, map)) as { MapRunArn: string; ResultWriterDetails: { Bucket: string; Key: string } };
    expect(output.ResultWriterDetails).toEqual({ Bucket: 'bkt', Key: 'results/1111-2222/manifest.json' });
    const manifest = JSON.parse(await (await s3.send(new GetObjectCommand({ Bucket: 'bkt', Key: output.ResultWriterDetails.Key }))).Body!.transformToString());
    expect(manifest.MapRunArn).toBe(output.MapRunArn);
    expect(manifest.ResultFiles.FAILED).toEqual([{ Key: 'results/1111-2222/FAILED_0.json', Size: expect.any(Number) }]);
    const failed = JSON.parse(await (await s3.send(new GetObjectCommand({ Bucket: 'bkt', Key: 'results/1111-2222/FAILED_0.json' }))).Body!.transformToString());
    expect(failed.map((f: { Error: string }) => f.Error)).toEqual(['Boom', 'Boom']);
  });

  it('reports an ItemReader failure as a failed Map Run', async () => {
    const events = recorder();
    const map = csvMap({
      source: {
        kind: 'reader',
        spec: { resource: 'getObject', bucket: 'bkt', key: 'missing.csv', inputType: 'CSV', csvHeaderLocation: 'FIRST_ROW', maxItems: 0 },
      },
    });
    await expect(run(new FakeHost(), map, events)).rejects.toMatchObject({ error: 'States.ItemReaderFailed' });
    expect(events.log.at(-1)).toBe('failed States.ItemReaderFailed');
  });

  it('iterates an input array when there is no ItemReader', async () => {
    const host = new FakeHost();
    const output = await run(host, csvMap({ source: { kind: 'array', items: ['a', 'b'] } }));
    expect(output).toEqual([{ ok: 'a' }, { ok: 'b' }]);
    expect(host.total).toBe(2);
  });

  it('aborts with the parent: MapRunAborted, no result files', async () => {
    const controller = new AbortController();
    const events = recorder();
    const host = new FakeHost(() => {
      controller.abort(new Error('stopped'));
      return false;
    });
    await expect(run(host, csvMap({ maxConcurrency: 1 }), events, controller.signal)).rejects.toThrow('stopped');
    expect(events.log.at(-1)).toBe('aborted');
    expect(host.finished).toEqual(['ABORTED']);
  });
});
