// Batch and packed bodies: what crosses between the DynamoDB service and its worker thread in one message.
import { Batch, packBatch, packBodies, unpackBody, type WorkerAnswer } from '../../../src/services/dynamodb/dynalite-worker-protocol';

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

describe('packBodies / unpackBody', () => {
  it('packs a batch of bodies, views of pooled buffers and empty ones included, into one buffer of its own', () => {
    const pooled = Buffer.from('{"TableName":"orders"}');
    const bodies = [pooled, Buffer.alloc(0), new Uint8Array([0xe6, 0x97, 0xa5]), Buffer.from('{}')];
    const { packed, spans } = packBodies(bodies);
    expect(packed.byteOffset).toBe(0);
    expect(packed.buffer.byteLength).toBe(pooled.length + 3 + 2);
    expect(spans.map((span) => unpackBody(packed, span))).toEqual(bodies.map((body) => Buffer.from(body)));
    expect(unpackBody(packed, spans[2]).toString('utf8')).toBe('日');
  });

  it('packs nothing into an empty buffer', () => {
    expect(packBodies([])).toEqual({ packed: new Uint8Array(0), spans: [] });
  });

  it('packs a batch of answers: bodies become spans, an answer without a body (a failure) stays as it is', () => {
    const failure = { id: 2, failure: { name: 'TypeError', message: 'boom' } };
    const { items, bodies } = packBatch<WorkerAnswer>([
      { id: 1, status: 200, headers: { a: '1' }, body: Buffer.from('{}') },
      failure,
      { id: 3, status: 400, headers: {}, body: Buffer.from('{"x":1}') },
    ]);
    expect(items).toEqual([
      { id: 1, status: 200, headers: { a: '1' }, body: { offset: 0, length: 2 } },
      failure,
      { id: 3, status: 400, headers: {}, body: { offset: 2, length: 7 } },
    ]);
    expect(Buffer.from(bodies).toString('utf8')).toBe('{}{"x":1}');
  });
});
