// A CSV far larger than what the reader may hold: generated as a stream on every GET, never stored, and read
// with the live heap sampled (after a forced GC) as it goes: it must stay a small fraction of the object size.
import { Readable } from 'node:stream';
import { FakeS3 } from '../support/fake-s3';
import { liveHeap } from '../support/live-heap';
import { countItems, openItemReader, type ItemReaderSpec } from '../../../src/map-run/item-reader/index';

const HEADER = 'orderNumber,orderDate,orderStatus,lineItems,totalPrice,note\n';
const row = (i: number) => `${String(i).padStart(10, '0')},2024-01-01,SHIPPED,3,12.50,"packed, with care"\n`;
const ROW_BYTES = Buffer.byteLength(row(0));
const ROWS = Math.ceil((50 * 1024 * 1024) / ROW_BYTES);
const SIZE = HEADER.length + ROWS * ROW_BYTES;
const ROWS_PER_CHUNK = 1000;

function* csvChunks(): Generator<Buffer> {
  yield Buffer.from(HEADER);
  for (let start = 0; start < ROWS; start += ROWS_PER_CHUNK) {
    let text = '';
    for (let i = start; i < Math.min(ROWS, start + ROWS_PER_CHUNK); i++) text += row(i);
    yield Buffer.from(text);
  }
}

describe('CSV ItemReader on a 50 MB object', () => {
  const fake = new FakeS3();
  fake.putGenerated('big', 'orders.csv', SIZE, () => Readable.from(csvChunks()));
  const s3 = fake.client();
  const spec: ItemReaderSpec = { resource: 'getObject', bucket: 'big', key: 'orders.csv', inputType: 'CSV', csvHeaderLocation: 'FIRST_ROW', maxItems: 0 };

  it('streams every row with bounded heap growth', async () => {
    const reader = openItemReader(s3, spec);
    const baseline = liveHeap();
    let peak = baseline;
    let count = 0;
    let last: unknown;
    for await (const item of reader) {
      if (++count % 50_000 === 0) peak = Math.max(peak, liveHeap());
      last = item;
    }
    expect(count).toBe(ROWS);
    expect(last).toEqual({
      orderNumber: String(ROWS - 1).padStart(10, '0'),
      orderDate: '2024-01-01',
      orderStatus: 'SHIPPED',
      lineItems: '3',
      totalPrice: '12.50',
      note: 'packed, with care',
    });
    expect(reader.stats).toEqual({ rowsRead: ROWS, blankLinesSkipped: 0, bytesRead: SIZE });
    expect(SIZE).toBeGreaterThan(50 * 1024 * 1024);
    expect(peak - baseline).toBeLessThan(8 * 1024 * 1024); // vs. a 50 MB object
  });

  it('stops downloading once MaxItems rows are read', async () => {
    const reader = openItemReader(s3, { ...spec, maxItems: 5 });
    expect(await countItems(s3, { ...spec, maxItems: 5 })).toBe(5);
    for await (const _ of reader) void _;
    expect(reader.stats.rowsRead).toBe(5);
    expect(reader.stats.bytesRead).toBeLessThan(1024 * 1024);
  });
});
