// How entries become result files: JSON = one array per file (`[e1,e2]`), JSONL = one entry per line. Sizes are
// computed exactly before uploading, so each file can be sent as PutObject or multipart with a known length.
import type { OutputType } from './result-entry';
import type { SpoolFile } from './spool-file';

export interface FileRange {
  readonly from: number;
  readonly to: number;
  readonly size: number;
}

export class FileLayout {
  private readonly open: Buffer;
  private readonly separator: Buffer;
  private readonly close: Buffer;

  constructor(outputType: OutputType) {
    const json = outputType === 'JSON';
    this.open = Buffer.from(json ? '[' : '');
    this.separator = Buffer.from(json ? ',' : '\n');
    this.close = Buffer.from(json ? ']' : '\n');
  }

  /** Greedy split: a file takes entries until the next one would pass maxBytes (every file holds at least one). */
  *split(order: Uint32Array, spool: SpoolFile, maxBytes: number): Generator<FileRange> {
    let from = 0;
    let size = this.open.length + this.close.length;
    for (let k = 0; k < order.length; k++) {
      const added = spool.lengthOf(order[k]) + (k > from ? this.separator.length : 0);
      if (k > from && size + added > maxBytes) {
        yield { from, to: k, size };
        from = k;
        size = this.open.length + this.close.length + spool.lengthOf(order[k]);
      } else {
        size += added;
      }
    }
    yield { from, to: order.length, size };
  }

  async *render(spool: SpoolFile, order: Uint32Array, range: FileRange): AsyncGenerator<Buffer> {
    if (this.open.length > 0) yield this.open;
    let first = true;
    for await (const entry of spool.read(order, range.from, range.to)) {
      if (!first) yield this.separator;
      first = false;
      yield entry;
    }
    yield this.close;
  }
}
