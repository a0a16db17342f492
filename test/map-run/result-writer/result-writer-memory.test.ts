// The ResultWriter spools entries to disk: after 100,000 NONE-form results (~45 MB of JSON) added out of order,
// the live heap holds only the small per-entry index, and the uploaded file is complete and in item order.
import { FakeS3 } from '../support/fake-s3';
import { liveHeap } from '../support/live-heap';
import { ResultWriter, type ChildResult } from '../../../src/map-run/result-writer/index';

const MAP_RUN = 'arn:aws:states:us-east-1:000000000000:mapRun:parent/big:0f0f0f0f-aaaa-bbbb-cccc-0123456789ab';
const COUNT = 100_000;
const BLOCK = 1_000;

function child(index: number): ChildResult {
  return {
    index,
    executionArn: `arn:aws:states:us-east-1:000000000000:execution:parent/big:${index.toString(16).padStart(32, '0')}`,
    name: index.toString(16).padStart(32, '0'),
    stateMachineArn: 'arn:aws:states:us-east-1:000000000000:stateMachine:parent/big',
    input: JSON.stringify({ orderNumber: String(index).padStart(10, '0'), orderDate: '2024-01-01', orderStatus: 'SHIPPED' }),
    output: JSON.stringify({ written: true, pk: `${String(index).padStart(10, '0')}-2024-01-01` }),
    status: 'SUCCEEDED',
    startDate: new Date(1_700_000_000_000 + index),
    stopDate: new Date(1_700_000_000_500 + index),
    redriveCount: 0,
  };
}

it('keeps memory flat while spooling 100k results, then uploads them in item order', async () => {
  const fake = new FakeS3();
  fake.createBucket('out');
  const writer = new ResultWriter(fake.client(), { bucket: 'out', outputType: 'JSONL', transformation: 'NONE' }, MAP_RUN);
  const baseline = liveHeap();
  let spooled = 0;
  // Blocks are added last-to-first so the writer really has to reorder.
  for (let block = COUNT / BLOCK - 1; block >= 0; block--) {
    for (let i = block * BLOCK; i < (block + 1) * BLOCK; i++) {
      const result = child(i);
      spooled += result.input.length + result.output!.length + 400;
      await writer.add(result);
    }
  }
  const growth = liveHeap() - baseline;
  expect(spooled).toBeGreaterThan(40 * 1024 * 1024);
  // Keeping the entries would cost at least the spooled bytes; the index and the pending megabyte cost ~4 MB.
  // The bound is half the spooled bytes, not a tight figure: on a loaded machine whatever else the Jest worker
  // still has in flight (an earlier suite's sockets closing) lands between the two measurements too.
  expect(growth).toBeLessThan(spooled / 2);

  const { Key } = await writer.finish();
  const manifest = JSON.parse(fake.text('out', Key)!) as { ResultFiles: { SUCCEEDED: { Key: string }[] } };
  const lines = fake.text('out', manifest.ResultFiles.SUCCEEDED[0].Key)!.split('\n');
  expect(lines).toHaveLength(COUNT + 1);
  expect(lines[COUNT]).toBe('');
  for (const n of [0, 999, 1000, 54_321, COUNT - 1]) expect((JSON.parse(lines[n]) as { Name: string }).Name).toBe(n.toString(16).padStart(32, '0'));
});
