import type { StatesError } from '../../../src/engine/errors/states-error';
import { startTestS3, type TestS3 } from '../support/test-s3';
import { NON_ITERABLE, openItemReader, type ItemReaderLimits, type ItemReaderSpec } from '../../../src/map-run/item-reader/index';

let env: TestS3;
const BUCKET = 'json-bucket';

beforeAll(async () => {
  env = await startTestS3();
  await env.createBucket(BUCKET);
});
afterAll(() => env.close());

let seq = 0;
async function read(body: string, spec: Partial<ItemReaderSpec>, limits: Partial<ItemReaderLimits> = {}) {
  const key = `data/${++seq}`;
  await env.put(BUCKET, key, body);
  const reader = openItemReader(env.s3, { resource: 'getObject', bucket: BUCKET, key, maxItems: 0, ...spec }, undefined, limits);
  const items: unknown[] = [];
  for await (const item of reader) items.push(item);
  return { items, stats: reader.stats, key };
}

async function failure(body: string, spec: Partial<ItemReaderSpec>, limits: Partial<ItemReaderLimits> = {}): Promise<StatesError> {
  return read(body, spec, limits).then(
    () => {
      throw new Error('expected the read to fail');
    },
    (thrown: StatesError) => thrown,
  );
}

describe('JSON ItemReader', () => {
  it('yields array elements with their JSON types (InputType defaults to JSON)', async () => {
    const { items, stats } = await read('[{"a":1},"s",2.5,null,[true]]', {});
    expect(items).toEqual([{ a: 1 }, 's', 2.5, null, [true]]);
    expect(stats.rowsRead).toBe(5);
  });

  it('applies MaxItems and strips a BOM', async () => {
    expect((await read('\uFEFF[1,2,3]', { inputType: 'JSON', maxItems: 2 })).items).toEqual([1, 2]);
  });

  it.each([['{"items":[1]}'], ['"text"'], ['42']])('fails on a non-array top level: %s', async (body) => {
    const error = await failure(body, { inputType: 'JSON' });
    expect([error.error, error.cause]).toEqual(['States.ItemReaderFailed', NON_ITERABLE]);
  });

  it('fails clearly on invalid JSON', async () => {
    const error = await failure('[1,', { inputType: 'JSON' });
    expect(error.error).toBe('States.ItemReaderFailed');
    expect(error.cause).toMatch(/^The object s3:\/\/json-bucket\/data\/\d+ is not valid JSON: /);
  });

  it('fails on an object beyond the buffering cap instead of holding it', async () => {
    const error = await failure(`[${'1,'.repeat(50)}1]`, { inputType: 'JSON' }, { maxJsonBytes: 64 });
    expect(error.cause).toMatch(/is larger than the 64 bytes the sandbox buffers to parse it; use JSONL or CSV for larger data sets\.$/);
  });
});

describe('JSONL ItemReader', () => {
  it('yields one value per line, CRLF or LF, with or without a final newline', async () => {
    expect((await read('{"a":1}\r\n[2]\n"three"', { inputType: 'JSONL' })).items).toEqual([{ a: 1 }, [2], 'three']);
  });

  it('skips and counts blank lines [UNCONFIRMED]', async () => {
    const { items, stats } = await read('\uFEFF1\n\n   \n2\n\n', { inputType: 'JSONL' });
    expect(items).toEqual([1, 2]);
    expect(stats).toMatchObject({ rowsRead: 2, blankLinesSkipped: 3 });
  });

  it('fails on an invalid line, naming it', async () => {
    const error = await failure('1\n2\n{oops}\n4\n', { inputType: 'JSONL' });
    expect(error.error).toBe('States.ItemReaderFailed');
    expect(error.cause).toMatch(/^Line 3 of s3:\/\/json-bucket\/data\/\d+ is not valid JSON: /);
  });

  it('fails on a line over the row limit, naming it', async () => {
    const error = await failure(`1\n"${'x'.repeat(40)}"\n3\n`, { inputType: 'JSONL' }, { maxRowBytes: 32 });
    expect(error.cause).toMatch(/^Line 2 of s3:\/\/json-bucket\/data\/\d+ exceeds 32 bytes\.$/);
    const unterminated = await failure(`1\n"${'x'.repeat(40)}`, { inputType: 'JSONL' }, { maxRowBytes: 32 });
    expect(unterminated.cause).toMatch(/^Line 2 of .* exceeds 32 bytes\.$/);
  });

  it('applies MaxItems', async () => {
    expect((await read('1\n2\n3\n', { inputType: 'JSONL', maxItems: 1 })).items).toEqual([1]);
  });
});
