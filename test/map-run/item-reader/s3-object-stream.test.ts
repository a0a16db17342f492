// An in-memory S3 object arrives as one chunk; readers get it in slices of at most MAX_CHUNK_BYTES, so a big CSV
// is parsed as it is consumed, not all at once. Rows, quoted line breaks and multi-byte characters that straddle
// a slice boundary must come out exactly as from the whole text.
import { FakeS3 } from '../support/fake-s3';
import { newStats, type ItemReaderSpec } from '../../../src/map-run/item-reader/item-reader-spec';
import { openItemReader } from '../../../src/map-run/item-reader/index';
import { MAX_CHUNK_BYTES, s3ObjectChunks } from '../../../src/map-run/item-reader/s3-object-stream';

const ROWS = 4_000;
/** Rows with a quoted line break and a 3-byte character, so some of them straddle the 64 KiB boundaries. */
const row = (i: number) => `${i},"line one\nline two ${i}",€${'x'.repeat(i % 50)}\n`;
const CSV = `id,note,tail\n${Array.from({ length: ROWS }, (_, i) => row(i)).join('')}`;

const spec: ItemReaderSpec = { resource: 'getObject', bucket: 'b', key: 'rows.csv', inputType: 'CSV', csvHeaderLocation: 'FIRST_ROW', maxItems: 0 };

function s3WithCsv() {
  const fake = new FakeS3();
  fake.createBucket('b');
  fake.put('b', 'rows.csv', CSV); // served as a single chunk
  return fake.client();
}

it('hands a single-chunk object on in slices of at most 64 KiB, every byte once and in order', async () => {
  const stats = newStats();
  const pieces: Buffer[] = [];
  for await (const piece of s3ObjectChunks(s3WithCsv(), spec, stats)) pieces.push(Buffer.from(piece));
  expect(Buffer.byteLength(CSV)).toBeGreaterThan(3 * MAX_CHUNK_BYTES);
  expect(pieces.length).toBeGreaterThan(3);
  expect(pieces.every((p) => p.length <= MAX_CHUNK_BYTES)).toBe(true);
  expect(Buffer.concat(pieces).toString('utf8')).toBe(CSV);
  expect(stats.bytesRead).toBe(Buffer.byteLength(CSV));
});

it('reads every CSV row intact across the slice boundaries', async () => {
  const items: unknown[] = [];
  for await (const item of openItemReader(s3WithCsv(), spec)) items.push(item);
  expect(items).toHaveLength(ROWS);
  const wrong = items.filter(
    (item, i) => JSON.stringify(item) !== JSON.stringify({ id: String(i), note: `line one\nline two ${i}`, tail: `€${'x'.repeat(i % 50)}` }),
  );
  expect(wrong).toEqual([]);
});
