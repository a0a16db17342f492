import { Readable } from 'node:stream';
import { StatesError } from '../../../src/engine/errors/states-error';
import { FakeS3 } from '../support/fake-s3';
import { countItems, MAX_ITEMS_NEGATIVE, openItemReader, type ItemReaderSpec } from '../../../src/map-run/item-reader/index';

const fake = new FakeS3();
const s3 = fake.client();
fake.put('b', 'rows.csv', 'n\n1\n2\n3\n');
const csv: ItemReaderSpec = { resource: 'getObject', bucket: 'b', key: 'rows.csv', inputType: 'CSV', csvHeaderLocation: 'FIRST_ROW', maxItems: 0 };

async function drain(spec: ItemReaderSpec, signal?: AbortSignal): Promise<unknown[]> {
  const items: unknown[] = [];
  for await (const item of openItemReader(s3, spec, signal)) items.push(item);
  return items;
}

async function failure(spec: ItemReaderSpec, signal?: AbortSignal): Promise<unknown> {
  return drain(spec, signal).then(
    () => {
      throw new Error('expected the read to fail');
    },
    (thrown: unknown) => thrown,
  );
}

describe('openItemReader', () => {
  it('fetches nothing until iterated, and reads again (stats reset) on each iteration', async () => {
    const before = fake.requests.length;
    const reader = openItemReader(s3, csv);
    expect(fake.requests.length).toBe(before);
    for await (const _ of reader) void _;
    for await (const _ of reader) void _;
    expect(reader.stats).toEqual({ rowsRead: 3, blankLinesSkipped: 0, bytesRead: 8 });
    expect(fake.requests.length).toBe(before + 2);
  });

  it('countItems reads the object through and counts (the Map Run total)', async () => {
    expect(await countItems(s3, csv)).toBe(3);
    expect(await countItems(s3, { ...csv, maxItems: 2 })).toBe(2);
    expect(await countItems(s3, { ...csv, maxItems: 100_000_001 })).toBe(3);
  });

  it.each([
    [{ maxItems: -1 }, MAX_ITEMS_NEGATIVE],
    [{ maxItems: 1.5 }, 'field MaxItems must be an integer'],
    [{ maxItems: Number.NaN }, 'field MaxItems must be a number'],
    [{ bucket: '' }, 'The ItemReader needs a Bucket.'],
    [{ key: '' }, "The ItemReader needs a Key to read from bucket 'b'."],
    [{ inputType: 'PARQUET' }, "Unsupported ReaderConfig.InputType 'PARQUET'; the sandbox reads CSV, JSON and JSONL."],
    [{ inputType: 'MANIFEST' }, "Unsupported ReaderConfig.InputType 'MANIFEST'; the sandbox reads CSV, JSON and JSONL."],
    [
      { unsupported: ["ItemsPointer '/rows'", 'Transformation LOAD_AND_FLATTEN'] },
      "ReaderConfig ItemsPointer '/rows' is not supported by the sandbox; it reads CSV, JSON, JSONL and listObjectsV2 as they are.",
    ],
    [{ resource: 'getObjectAttributes' }, "Unsupported ItemReader resource 'getObjectAttributes'."],
  ])('rejects %j with ItemReaderFailed', async (override, cause) => {
    const error = (await failure({ ...csv, ...(override as Partial<ItemReaderSpec>) })) as StatesError;
    expect(error).toBeInstanceOf(StatesError);
    expect([error.error, error.cause]).toEqual(['States.ItemReaderFailed', cause]);
  });

  it('maps S3 errors to ItemReaderFailed naming bucket and key [UNCONFIRMED text]', async () => {
    const noKey = (await failure({ ...csv, key: 'missing.csv' })) as StatesError;
    expect([noKey.error, noKey.cause]).toEqual([
      'States.ItemReaderFailed',
      "S3 getObject failed for key 'missing.csv' in bucket 'b': NoSuchKey (HTTP 404): The specified key does not exist.",
    ]);
    const noBucket = (await failure({ ...csv, bucket: 'nope' })) as StatesError;
    expect(noBucket.cause).toBe("S3 getObject failed for key 'rows.csv' in bucket 'nope': NoSuchBucket (HTTP 404): The specified bucket does not exist");
    const list = (await failure({ resource: 'listObjectsV2', bucket: 'nope', maxItems: 0 })) as StatesError;
    expect(list.cause).toBe("S3 listObjectsV2 failed for bucket 'nope': NoSuchBucket (HTTP 404): The specified bucket does not exist");
  });

  it('maps AccessDenied', async () => {
    const denied = new FakeS3();
    denied.put('secret', 'a.csv', 'x\n1\n');
    denied.failBucket('secret');
    const error = await openItemReaderFailure(denied, { ...csv, bucket: 'secret', key: 'a.csv' });
    expect(error.cause).toBe("S3 getObject failed for key 'a.csv' in bucket 'secret': AccessDenied (HTTP 403): Access Denied");
  });

  it('maps a body stream that breaks mid-way', async () => {
    const broken = new FakeS3();
    broken.putGenerated(
      'b',
      'cut.csv',
      100,
      () =>
        new Readable({
          read() {
            this.push(Buffer.from('n\n1\n'));
            this.destroy(new Error('socket hang up'));
          },
        }),
    );
    const error = await openItemReaderFailure(broken, { ...csv, key: 'cut.csv' });
    expect(error.error).toBe('States.ItemReaderFailed');
    expect(error.cause).toMatch(/^S3 getObject failed for key 'cut.csv' in bucket 'b': .*socket hang up/);
  });

  it('stops with the abort reason when the signal fires', async () => {
    const controller = new AbortController();
    const reason = new Error('map run aborted');
    const reader = openItemReader(s3, csv, controller.signal);
    const seen: unknown[] = [];
    const run = (async () => {
      for await (const item of reader) {
        seen.push(item);
        controller.abort(reason);
      }
    })();
    await expect(run).rejects.toBe(reason);
    expect(seen).toHaveLength(1);
    controller.abort();
    await expect(failure(csv, AbortSignal.abort(reason))).resolves.toBe(reason);
  });
});

async function openItemReaderFailure(s3fake: FakeS3, spec: ItemReaderSpec): Promise<StatesError> {
  try {
    for await (const _ of openItemReader(s3fake.client(), spec)) void _;
  } catch (thrown) {
    return thrown as StatesError;
  }
  throw new Error('expected the read to fail');
}
