// A temp file that collects one status's result entries as they complete, so a million results never sit in
// memory. Only a small index (item index, offset, length: 20 bytes per entry) stays in memory; at the end the
// entries are read back in item order with windowed reads, which are nearly sequential because children finish
// roughly in the order they started.
import { open, type FileHandle } from 'node:fs/promises';
import { StatesError, StatesErrorName } from '../../engine';

const FLUSH_BYTES = 1 << 20;
const READ_WINDOW_BYTES = 1 << 20;
const CHUNK_BYTES = 64 * 1024;

class GrowableArray<T extends Float64Array | Uint32Array> {
  length = 0;
  constructor(
    public data: T,
    private readonly make: (size: number) => T,
  ) {}

  push(value: number): void {
    if (this.length === this.data.length) {
      const grown = this.make(this.data.length * 2);
      grown.set(this.data);
      this.data = grown;
    }
    this.data[this.length++] = value;
  }
}

export class SpoolFile {
  private handle?: Promise<FileHandle>;
  private pending: Buffer[] = [];
  private pendingBytes = 0;
  /** Where small entries are copied to (see stage()); bytes before `chunkStart` are already in `pending`. */
  private chunk?: Buffer;
  private chunkUsed = 0;
  private chunkStart = 0;
  private size = 0;
  private writing: Promise<void> = Promise.resolve();
  private readonly indices = new GrowableArray(new Float64Array(1024), (n) => new Float64Array(n));
  private readonly offsets = new GrowableArray(new Float64Array(1024), (n) => new Float64Array(n));
  private readonly lengths = new GrowableArray(new Uint32Array(1024), (n) => new Uint32Array(n));

  constructor(private readonly path: () => Promise<string>) {}

  get count(): number {
    return this.indices.length;
  }

  /** Adds one entry; the returned promise settles once the buffered bytes reached the file (backpressure). */
  append(index: number, entry: Buffer): Promise<void> {
    this.indices.push(index);
    this.offsets.push(this.size + this.pendingBytes);
    this.lengths.push(entry.length);
    this.stage(entry);
    this.pendingBytes += entry.length;
    return this.pendingBytes >= FLUSH_BYTES ? this.flush() : Promise.resolve();
  }

  /**
   * Copies a small entry into a chunk of our own instead of keeping it: a small Buffer is a slice of Node's
   * shared 8 KiB pool, so a megabyte of pending entries would otherwise pin thousands of pools (tens of MB).
   */
  private stage(entry: Buffer): void {
    if (entry.length >= CHUNK_BYTES) {
      this.seal();
      this.pending.push(entry);
      return;
    }
    if (!this.chunk || this.chunkUsed + entry.length > this.chunk.length) {
      this.seal();
      this.chunk = Buffer.allocUnsafeSlow(CHUNK_BYTES);
      this.chunkUsed = 0;
      this.chunkStart = 0;
    }
    entry.copy(this.chunk, this.chunkUsed);
    this.chunkUsed += entry.length;
  }

  /** Moves the staged bytes not yet in `pending` there, keeping entry order. */
  private seal(): void {
    if (this.chunk && this.chunkUsed > this.chunkStart) this.pending.push(this.chunk.subarray(this.chunkStart, this.chunkUsed));
    this.chunkStart = this.chunkUsed;
  }

  flush(): Promise<void> {
    this.seal();
    if (this.pendingBytes === 0) return this.writing;
    const data = Buffer.concat(this.pending, this.pendingBytes);
    const position = this.size;
    this.size += data.length;
    this.pending = [];
    this.pendingBytes = 0;
    this.writing = this.writing
      .then(async () => {
        const handle = await this.file();
        await handle.write(data, 0, data.length, position);
      })
      .catch((thrown: Error) => {
        if (thrown instanceof StatesError) throw thrown; // an earlier flush already failed
        throw new StatesError(StatesErrorName.ResultWriterFailed, `Could not spool child results to a temp file: ${thrown.message}`);
      });
    return this.writing;
  }

  lengthOf(position: number): number {
    return this.lengths.data[position];
  }

  /** Entry positions sorted by item index; ties keep completion order (FLATTEN entries of one child). */
  sortedOrder(): Uint32Array {
    const order = new Uint32Array(this.count);
    const indices = this.indices.data;
    let sorted = true;
    for (let i = 0; i < order.length; i++) {
      order[i] = i;
      if (i > 0 && indices[i] < indices[i - 1]) sorted = false;
    }
    return sorted ? order : order.sort((a, b) => indices[a] - indices[b] || a - b);
  }

  /** Streams the entries at order[from..to) in that order; call flush() first. */
  async *read(order: Uint32Array, from: number, to: number): AsyncGenerator<Buffer> {
    await this.flush();
    const handle = await this.file();
    let window = Buffer.alloc(0);
    let windowStart = 0;
    for (let k = from; k < to; k++) {
      const offset = this.offsets.data[order[k]];
      const length = this.lengths.data[order[k]];
      if (offset < windowStart || offset + length > windowStart + window.length) {
        const buffer = Buffer.allocUnsafe(Math.max(length, READ_WINDOW_BYTES));
        const { bytesRead } = await handle.read(buffer, 0, buffer.length, offset);
        window = buffer.subarray(0, bytesRead);
        windowStart = offset;
      }
      yield window.subarray(offset - windowStart, offset - windowStart + length);
    }
  }

  async close(): Promise<void> {
    await this.writing.catch(() => undefined);
    const handle = await this.handle?.catch(() => undefined); // a failed open was already reported
    await handle?.close();
    this.handle = undefined;
  }

  private file(): Promise<FileHandle> {
    this.handle ??= this.path().then((path) => open(path, 'w+'));
    return this.handle;
  }
}
