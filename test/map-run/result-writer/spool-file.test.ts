// SpoolFile copies small entries into chunks of its own (so pending entries do not pin Node's shared Buffer
// pools); entries of every size, across chunk and flush boundaries, must come back byte for byte in item order.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SpoolFile } from '../../../src/map-run/result-writer/spool-file';

let dir: string;
beforeEach(async () => (dir = await mkdtemp(join(tmpdir(), 'spool-test-'))));
afterEach(() => rm(dir, { recursive: true, force: true }));

/** Entry `i`: mostly small, every 97th larger than a staging chunk, bytes derived from the index. */
function entry(i: number): Buffer {
  const size = i % 97 === 0 ? 70_000 + i : 50 + (i % 300);
  return Buffer.alloc(size, `#${i}:`);
}

async function readAll(spool: SpoolFile): Promise<Buffer[]> {
  const order = spool.sortedOrder();
  const out: Buffer[] = [];
  for await (const bytes of spool.read(order, 0, order.length)) out.push(Buffer.from(bytes));
  return out;
}

it('returns every entry intact and in item order, across staging chunks and flushes', async () => {
  const spool = new SpoolFile(async () => join(dir, 'spool'));
  const count = 6_000;
  // Added in reverse, so reading back in item order really reorders.
  for (let i = count - 1; i >= 0; i--) await spool.append(i, entry(i));
  const back = await readAll(spool);
  await spool.close();
  expect(back).toHaveLength(count);
  const mismatches = back.map((bytes, i) => (bytes.equals(entry(i)) ? -1 : i)).filter((i) => i >= 0);
  expect(mismatches).toEqual([]);
});

it('keeps an entry staged before a flush unchanged when later entries reuse its chunk', async () => {
  const spool = new SpoolFile(async () => join(dir, 'spool'));
  await spool.append(0, Buffer.from('first'));
  await spool.flush();
  await spool.append(1, Buffer.from('second'));
  expect((await readAll(spool)).map(String)).toEqual(['first', 'second']);
  await spool.close();
});
