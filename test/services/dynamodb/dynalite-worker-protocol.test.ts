// Batch: what crosses between the DynamoDB service and its worker thread in one message.
import { Batch } from '../../../src/services/dynamodb/dynalite-worker-protocol';

/** A Batch whose scheduled runs wait in `scheduled` until the test runs them, and whose flushes are recorded. */
function recordingBatch() {
  const scheduled: (() => void)[] = [];
  const flushed: number[][] = [];
  const batch = new Batch<number>(
    (run) => scheduled.push(run),
    (items) => flushed.push(items),
  );
  return { batch, scheduled, flushed };
}

describe('Batch', () => {
  it('hands over everything pushed before its scheduled run, in order, as one array', () => {
    const { batch, scheduled, flushed } = recordingBatch();
    for (const n of [1, 2, 3]) batch.push(n);
    expect(scheduled).toHaveLength(1);
    expect(flushed).toEqual([]);
    scheduled[0]();
    expect(flushed).toEqual([[1, 2, 3]]);
  });

  it('drain() hands over what is queued now, and nothing when empty', () => {
    const { batch, scheduled, flushed } = recordingBatch();
    batch.drain();
    expect(flushed).toEqual([]);
    batch.push(7);
    batch.drain();
    scheduled[0]();
    expect(flushed).toEqual([[7]]);
  });
});
