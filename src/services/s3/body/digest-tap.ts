// A pass-through that digests an upload as it streams by (MD5 for the ETag, plus any flexible checksums) and stops
// it once it passes the size limit, so nothing ever buffers a whole object to hash it.
import { createHash, type Hash } from 'node:crypto';
import { Transform, type TransformCallback } from 'node:stream';
import { createHasher, type ChecksumAlgorithm } from '../checksums/algorithms';
import type { Hasher } from '../checksums/crc';
import type { ComputedDigests } from '../checksums/request-checksums';
import { EntityTooLarge } from '../errors';

export interface DigestTapOptions {
  readonly algorithms: readonly ChecksumAlgorithm[];
  readonly sha256?: boolean;
  readonly maxBytes: number;
}

export class DigestTap extends Transform {
  private readonly md5: Hash = createHash('md5');
  private readonly sha256?: Hash;
  private readonly hashers: Array<[ChecksumAlgorithm, Hasher]>;
  private bytes = 0;

  constructor(private readonly options: DigestTapOptions) {
    super();
    this.sha256 = options.sha256 ? createHash('sha256') : undefined;
    this.hashers = [...new Set(options.algorithms)].map((a) => [a, createHasher(a)]);
  }

  get size(): number {
    return this.bytes;
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.bytes += chunk.length;
    if (this.bytes > this.options.maxBytes) {
      callback(new EntityTooLarge(undefined, this.options.maxBytes));
      return;
    }
    this.md5.update(chunk);
    this.sha256?.update(chunk);
    for (const [, hasher] of this.hashers) hasher.update(chunk);
    callback(null, chunk);
  }

  /** Call once the stream has finished. */
  digests(): ComputedDigests {
    const checksums: Partial<Record<ChecksumAlgorithm, string>> = {};
    for (const [algorithm, hasher] of this.hashers) checksums[algorithm] = hasher.digest().toString('base64');
    return { md5: this.md5.digest(), sha256: this.sha256?.digest(), checksums };
  }
}
