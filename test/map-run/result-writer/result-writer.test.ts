import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ListObjectsV2Command } from '@aws-sdk/client-s3';
import { StatesError } from '../../../src/engine/errors/states-error';
import { FakeS3 } from '../support/fake-s3';
import { startTestS3, type TestS3 } from '../support/test-s3';
import { ResultWriter, type ChildResult, type OutputType, type ResultManifest, type Transformation } from '../../../src/map-run/result-writer/index';

const MAP_RUN = 'arn:aws:states:us-east-1:000000000000:mapRun:parent/Label:3b0c5a8e-1111-2222-3333-444455556666';
const UUID = '3b0c5a8e-1111-2222-3333-444455556666';
const SM = 'arn:aws:states:us-east-1:000000000000:stateMachine:parent/Label';
const start = new Date('2025-02-04T04:21:41.582Z');
const stop = new Date('2025-02-04T04:21:42.001Z');

function child(index: number, status: ChildResult['status'], output?: unknown): ChildResult {
  const base = { index, input: JSON.stringify({ row: index }), status };
  if (status === 'PENDING') return base;
  return {
    ...base,
    executionArn: `arn:aws:states:us-east-1:000000000000:execution:parent/Label:child-${index}`,
    name: `child-${index}`,
    stateMachineArn: SM,
    startDate: start,
    stopDate: stop,
    redriveCount: 0,
    ...(status === 'SUCCEEDED' ? { output: JSON.stringify(output) } : { error: 'States.TaskFailed', cause: `row ${index} failed` }),
  };
}

/** A mixed run, added out of item order. */
const RUN: ChildResult[] = [child(2, 'SUCCEEDED', [20, 21]), child(0, 'SUCCEEDED', { v: 0 }), child(1, 'FAILED'), child(4, 'PENDING'), child(3, 'TIMED_OUT')];

let env: TestS3;
let spoolDir: string;
beforeAll(async () => {
  env = await startTestS3();
  await env.createBucket('results');
});
beforeEach(() => {
  spoolDir = mkdtempSync(join(tmpdir(), 'result-writer-test-'));
});
afterEach(() => {
  expect(readdirSync(spoolDir)).toEqual([]); // temp files always cleaned up
  rmSync(spoolDir, { recursive: true, force: true });
});
afterAll(() => env.close());

async function write(outputType: OutputType, transformation: Transformation, children = RUN, prefix: string | null = 'mapJobs') {
  const config = { bucket: 'results', prefix: prefix ?? undefined, outputType, transformation };
  const writer = new ResultWriter(env.s3, config, MAP_RUN, { tmpDir: spoolDir });
  for (const c of children) await writer.add(c);
  const details = await writer.finish();
  const manifest = JSON.parse(await env.read('results', details.Key)) as ResultManifest;
  return { details, manifest };
}

async function entries(key: string, outputType: OutputType): Promise<unknown[]> {
  const text = await env.read('results', key);
  if (outputType === 'JSON') return JSON.parse(text) as unknown[];
  expect(text.endsWith('\n')).toBe(true);
  return text
    .slice(0, -1)
    .split('\n')
    .map((line) => JSON.parse(line) as unknown);
}

describe.each(['JSON', 'JSONL'] as const)('ResultWriter %s', (outputType) => {
  it('writes the manifest and one file per non-empty status', async () => {
    const { details, manifest } = await write(outputType, 'NONE');
    expect(details).toEqual({ Bucket: 'results', Key: `mapJobs/${UUID}/manifest.json` });
    expect(manifest.DestinationBucket).toBe('results');
    expect(manifest.MapRunArn).toBe(MAP_RUN);
    expect(Object.keys(manifest.ResultFiles)).toEqual(['FAILED', 'PENDING', 'SUCCEEDED']);
    for (const status of ['SUCCEEDED', 'FAILED', 'PENDING'] as const) {
      const [file, ...more] = manifest.ResultFiles[status];
      expect(more).toEqual([]);
      expect(file.Key).toBe(`mapJobs/${UUID}/${status}_0.json`);
      expect(file.Size).toBe(Buffer.byteLength(await env.read('results', file.Key)));
    }
    // Every child added is in exactly one result file (NONE: one entry per child).
    const files = Object.values(manifest.ResultFiles).flat();
    const written = await Promise.all(files.map((file) => entries(file.Key, outputType)));
    expect(written.flat()).toHaveLength(RUN.length);
  });

  it('NONE: execution records in item order; FAILED (incl. TIMED_OUT) and PENDING in NONE form', async () => {
    const { manifest } = await write(outputType, 'NONE');
    const succeeded = await entries(manifest.ResultFiles.SUCCEEDED[0].Key, outputType);
    expect(succeeded).toEqual([
      {
        ExecutionArn: 'arn:aws:states:us-east-1:000000000000:execution:parent/Label:child-0',
        Input: '{"row":0}',
        InputDetails: { Included: true },
        Name: 'child-0',
        Output: '{"v":0}',
        OutputDetails: { Included: true },
        RedriveCount: 0,
        RedriveStatus: 'NOT_REDRIVABLE',
        RedriveStatusReason: 'Execution is SUCCEEDED and cannot be redriven',
        StartDate: '2025-02-04T04:21:41.582Z',
        StateMachineArn: SM,
        Status: 'SUCCEEDED',
        StopDate: '2025-02-04T04:21:42.001Z',
      },
      expect.objectContaining({ Name: 'child-2', Output: '[20,21]' }),
    ]);
    const failed = (await entries(manifest.ResultFiles.FAILED[0].Key, outputType)) as Record<string, unknown>[];
    expect(failed.map((e) => [e.Name, e.Status, e.Error, e.Cause, e.Output])).toEqual([
      ['child-1', 'FAILED', 'States.TaskFailed', 'row 1 failed', undefined],
      ['child-3', 'TIMED_OUT', 'States.TaskFailed', 'row 3 failed', undefined],
    ]);
    expect(failed[0].RedriveStatus).toBe('REDRIVABLE_BY_MAP_RUN');
    expect(await entries(manifest.ResultFiles.PENDING[0].Key, outputType)).toEqual([
      { Input: '{"row":4}', InputDetails: { Included: true }, Status: 'PENDING' },
    ]);
  });

  it('COMPACT: outputs only; failures stay in NONE form', async () => {
    const { manifest } = await write(outputType, 'COMPACT');
    expect(await entries(manifest.ResultFiles.SUCCEEDED[0].Key, outputType)).toEqual([{ v: 0 }, [20, 21]]);
    const failed = (await entries(manifest.ResultFiles.FAILED[0].Key, outputType)) as Record<string, unknown>[];
    expect(failed.map((e) => e.ExecutionArn)).toHaveLength(2);
  });

  it('FLATTEN: array outputs spread one level, in item order', async () => {
    const children = [child(1, 'SUCCEEDED', [[1, 1], 'b']), child(0, 'SUCCEEDED', ['a0', 'a1']), child(2, 'SUCCEEDED', { c: 2 })];
    const { manifest } = await write(outputType, 'FLATTEN', children);
    expect(await entries(manifest.ResultFiles.SUCCEEDED[0].Key, outputType)).toEqual(['a0', 'a1', [1, 1], 'b', { c: 2 }]);
    expect(manifest.ResultFiles.FAILED).toEqual([]);
    expect(manifest.ResultFiles.PENDING).toEqual([]);
  });
});

describe('ResultWriter layout', () => {
  it('uses the Map Run UUID alone without Prefix, and drops a trailing slash', async () => {
    expect((await write('JSON', 'COMPACT', [child(0, 'SUCCEEDED', 1)], null)).details.Key).toBe(`${UUID}/manifest.json`);
    expect((await write('JSON', 'COMPACT', [child(0, 'SUCCEEDED', 1)], 'out/')).details.Key).toBe(`out/${UUID}/manifest.json`);
  });

  it('writes only the manifest when there are no results', async () => {
    const { manifest } = await write('JSON', 'NONE', []);
    expect(manifest.ResultFiles).toEqual({ FAILED: [], PENDING: [], SUCCEEDED: [] });
  });

  it('cuts files at maxFileBytes, n incrementing, order kept across files', async () => {
    const writer = new ResultWriter(env.s3, { bucket: 'results', prefix: 'split', outputType: 'JSON', transformation: 'COMPACT' }, MAP_RUN, {
      tmpDir: spoolDir,
      maxFileBytes: 40,
    });
    for (let i = 19; i >= 0; i--) await writer.add(child(i, 'SUCCEEDED', `v${String(i).padStart(2, '0')}`));
    const { Key } = await writer.finish();
    const manifest = JSON.parse(await env.read('results', Key)) as ResultManifest;
    const files = manifest.ResultFiles.SUCCEEDED;
    expect(files.map((f) => f.Key)).toEqual(files.map((_, n) => `split/${UUID}/SUCCEEDED_${n}.json`));
    // n entries of `"v00"` make 6n+1 bytes: 6 fit in 40 (37 bytes), a 7th would make 43, so 6+6+6+2.
    expect(files.map((f) => f.Size)).toEqual([37, 37, 37, 13]);
    const all: unknown[] = [];
    for (const file of files) {
      expect(file.Size).toBeLessThanOrEqual(40);
      all.push(...(await entries(file.Key, 'JSON')));
    }
    expect(all).toEqual(Array.from({ length: 20 }, (_, i) => `v${String(i).padStart(2, '0')}`));
  });
});

describe('ResultWriter of a redriven Map Run (docs/aws-behaviour.md#redrive)', () => {
  const folder = `redrive/${UUID}`;
  const config = (redriven: boolean, prefix = 'redrive') => ({
    bucket: 'results',
    prefix,
    outputType: 'JSON' as const,
    transformation: 'COMPACT' as const,
    redriven,
  });
  const keys = async () => {
    const listed = await env.s3.send(new ListObjectsV2Command({ Bucket: 'results', Prefix: `${folder}/` }));
    return (listed.Contents ?? []).map((o) => o.Key).sort();
  };
  const finish = async (redriven: boolean, children: ChildResult[], maxFileBytes?: number, prefix?: string) => {
    const writer = new ResultWriter(env.s3, config(redriven, prefix), MAP_RUN, { tmpDir: spoolDir, maxFileBytes });
    for (const c of children) await writer.add(c);
    const details = await writer.finish();
    return JSON.parse(await env.read('results', details.Key)) as ResultManifest;
  };

  it("numbers its SUCCEEDED files after the earlier attempt's, lists all of them, and replaces FAILED/PENDING", async () => {
    await finish(false, [child(0, 'SUCCEEDED', 'a'), child(1, 'FAILED'), child(2, 'PENDING'), child(3, 'FAILED')], 20);
    expect(await keys()).toEqual([
      `${folder}/FAILED_0.json`,
      `${folder}/FAILED_1.json`,
      `${folder}/PENDING_0.json`,
      `${folder}/SUCCEEDED_0.json`,
      `${folder}/manifest.json`,
    ]);
    // The redrive runs items 1–3 again: 1 and 2 succeed (split over two files), 3 fails again.
    const manifest = await finish(true, [child(1, 'SUCCEEDED', 'b'), child(2, 'SUCCEEDED', 'c'), child(3, 'FAILED')], 5);
    expect(manifest.ResultFiles.SUCCEEDED.map((f) => f.Key)).toEqual([
      `${folder}/SUCCEEDED_0.json`,
      `${folder}/SUCCEEDED_1.json`,
      `${folder}/SUCCEEDED_2.json`,
    ]);
    expect(manifest.ResultFiles.FAILED.map((f) => f.Key)).toEqual([`${folder}/FAILED_0.json`]);
    expect(manifest.ResultFiles.PENDING).toEqual([]);
    expect(Object.keys(manifest.ResultFiles)).toEqual(['FAILED', 'PENDING', 'SUCCEEDED']);
    expect(await keys()).toEqual([
      `${folder}/FAILED_0.json`,
      `${folder}/SUCCEEDED_0.json`,
      `${folder}/SUCCEEDED_1.json`,
      `${folder}/SUCCEEDED_2.json`,
      `${folder}/manifest.json`,
    ]);
    const outputs = await Promise.all(manifest.ResultFiles.SUCCEEDED.map(async (f) => JSON.parse(await env.read('results', f.Key)) as unknown[]));
    expect(outputs).toEqual([['a'], ['b'], ['c']]);
    expect(JSON.parse(await env.read('results', `${folder}/FAILED_0.json`))).toEqual([expect.objectContaining({ Name: 'child-3' })]);
  });

  it('numbers from 0 when the earlier attempt wrote no manifest', async () => {
    const manifest = await finish(true, [child(0, 'SUCCEEDED', 'x')], undefined, 'interrupted');
    expect(manifest.ResultFiles.SUCCEEDED.map((f) => f.Key)).toEqual([`interrupted/${UUID}/SUCCEEDED_0.json`]);
  });

  it('fails with ResultWriterFailed when the earlier manifest cannot be read', async () => {
    const fake = new FakeS3();
    fake.createBucket('results');
    fake.failBucket('results');
    const writer = new ResultWriter(fake.client(), config(true), MAP_RUN, { tmpDir: spoolDir });
    await writer.add(child(0, 'SUCCEEDED', 'x'));
    await expect(writer.finish()).rejects.toMatchObject({
      error: 'States.ResultWriterFailed',
      cause: expect.stringMatching(new RegExp(`^S3 getObject failed for key '${folder}/manifest.json' in bucket 'results': AccessDenied`)),
    });
  });

  it('without `redriven` overwrites from SUCCEEDED_0 and reads no earlier manifest', async () => {
    const fake = new FakeS3();
    fake.createBucket('results');
    fake.put('results', `${folder}/manifest.json`, '{not json');
    const writer = new ResultWriter(fake.client(), config(false), MAP_RUN, { tmpDir: spoolDir });
    await writer.add(child(0, 'SUCCEEDED', 'x'));
    await writer.finish();
    expect(fake.requests.filter((r) => r.startsWith('GET'))).toEqual([]);
    expect(fake.text('results', `${folder}/SUCCEEDED_0.json`)).toBe('["x"]');
  });
});

describe('ResultWriter uploads and failures', () => {
  it('uses a multipart upload for a file bigger than one part', async () => {
    const fake = new FakeS3();
    fake.createBucket('b');
    const writer = new ResultWriter(fake.client(), { bucket: 'b', outputType: 'JSONL', transformation: 'COMPACT' }, MAP_RUN, {
      tmpDir: spoolDir,
      partBytes: 100,
    });
    for (let i = 0; i < 50; i++) await writer.add(child(i, 'SUCCEEDED', { i }));
    await writer.finish();
    const text = fake.text('b', `${UUID}/SUCCEEDED_0.json`)!;
    expect(
      text
        .split('\n')
        .slice(0, -1)
        .map((l) => JSON.parse(l) as unknown),
    ).toEqual(Array.from({ length: 50 }, (_, i) => ({ i })));
    expect(fake.requests.filter((r) => r.includes('partNumber=')).length).toBe(Math.ceil(Buffer.byteLength(text) / 100));
  });

  it('fails with ResultWriterFailed naming bucket and key, and still removes its temp files', async () => {
    const writer = new ResultWriter(env.s3, { bucket: 'no-such-bucket', outputType: 'JSON', transformation: 'NONE' }, MAP_RUN, { tmpDir: spoolDir });
    await writer.add(child(0, 'SUCCEEDED', 1));
    const error = (await writer.finish().catch((e: unknown) => e)) as StatesError;
    expect(error).toBeInstanceOf(StatesError);
    expect(error.error).toBe('States.ResultWriterFailed');
    expect(error.cause).toMatch(new RegExp(`^S3 putObject failed for key '${UUID}/SUCCEEDED_0.json' in bucket 'no-such-bucket': NoSuchBucket`));
  });

  it('discard() drops the spooled results without uploading', async () => {
    const writer = new ResultWriter(env.s3, { bucket: 'results', outputType: 'JSON', transformation: 'NONE' }, MAP_RUN, { tmpDir: spoolDir });
    await writer.add(child(0, 'SUCCEEDED', 1));
    await writer.discard();
    await expect(writer.add(child(1, 'SUCCEEDED', 1))).rejects.toThrow('ResultWriter.add() called after finish() or discard()');
    await expect(writer.finish()).rejects.toThrow('ResultWriter.finish() called after finish() or discard()');
  });

  it.each([
    [{ bucket: '' }, 'The ResultWriter needs a Bucket to export results to S3.'],
    [{ outputType: 'CSV' }, "Unsupported WriterConfig.OutputType 'CSV'."],
    [{ transformation: 'SQUASH' }, "Unsupported WriterConfig.Transformation 'SQUASH'."],
  ])('rejects the configuration %j', (override, cause) => {
    const config = { bucket: 'results', outputType: 'JSON', transformation: 'NONE', ...override } as never;
    expect(() => new ResultWriter(env.s3, config, MAP_RUN)).toThrow(new StatesError('States.ResultWriterFailed', cause));
  });

  it('rejects a child output that is not JSON', async () => {
    const writer = new ResultWriter(env.s3, { bucket: 'results', outputType: 'JSON', transformation: 'COMPACT' }, MAP_RUN, { tmpDir: spoolDir });
    await expect(writer.add({ ...child(0, 'SUCCEEDED'), output: '{oops' })).rejects.toThrow(
      'The output of child execution child-0 (item 0) is not valid JSON.',
    );
    await writer.discard();
  });
});

describe('ResultWriter spool failures', () => {
  it('reports an unusable temp directory as ResultWriterFailed', async () => {
    const writer = new ResultWriter(env.s3, { bucket: 'results', outputType: 'JSON', transformation: 'NONE' }, MAP_RUN, {
      tmpDir: join(spoolDir, 'does', 'not', 'exist'),
    });
    await writer.add(child(0, 'SUCCEEDED', 1));
    const error = (await writer.finish().catch((e: unknown) => e)) as StatesError;
    expect(error.error).toBe('States.ResultWriterFailed');
    expect(error.cause).toMatch(/^Could not spool child results to a temp file: ENOENT/);
  });
});
