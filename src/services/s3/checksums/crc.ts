// Table-driven reflected CRCs for S3's flexible checksums. S3 transmits each as the big-endian digest, base64-encoded
// (https://docs.aws.amazon.com/AmazonS3/latest/userguide/checking-object-integrity.html).
import * as zlib from 'node:zlib';

export interface Hasher {
  update(data: Uint8Array): void;
  digest(): Buffer;
}

function crc32Table(polynomial: number): Uint32Array {
  const table = new Uint32Array(256);
  for (let i = 0; i < 256; i++) {
    let crc = i;
    for (let bit = 0; bit < 8; bit++) crc = crc & 1 ? (crc >>> 1) ^ polynomial : crc >>> 1;
    table[i] = crc >>> 0;
  }
  return table;
}

const CRC32_TABLE = crc32Table(0xedb88320);
const CRC32C_TABLE = crc32Table(0x82f63b78);

/** Byte-at-a-time CRC-32 over `table`, continuing from `previous` (0 for a fresh checksum). */
function crc32With(table: Uint32Array, data: Uint8Array, previous = 0): number {
  let crc = ~previous >>> 0;
  for (let i = 0; i < data.length; i++) crc = table[(crc ^ data[i]) & 0xff] ^ (crc >>> 8);
  return ~crc >>> 0;
}

// zlib.crc32 exists from Node 20.15 and is native; CRC32 is what the SDK and CLI send by default, so it is the hot path.
const nativeCrc32 = (zlib as { crc32?: (data: Uint8Array, value?: number) => number }).crc32;

class Crc32Hasher implements Hasher {
  private value = 0;
  constructor(
    private readonly table: Uint32Array,
    private readonly native?: (d: Uint8Array, v: number) => number,
  ) {}
  update(data: Uint8Array): void {
    this.value = this.native ? this.native(data, this.value) : crc32With(this.table, data, this.value);
  }
  digest(): Buffer {
    const out = Buffer.alloc(4);
    out.writeUInt32BE(this.value >>> 0);
    return out;
  }
}

export const createCrc32 = (): Hasher => new Crc32Hasher(CRC32_TABLE, nativeCrc32);
export const createCrc32c = (): Hasher => new Crc32Hasher(CRC32C_TABLE);
/** The pure-JS CRC32, exposed so tests can check it against the native one. */
export const createCrc32Portable = (): Hasher => new Crc32Hasher(CRC32_TABLE);

// CRC-64/NVME (reflected polynomial 0x9A6C9329AC4BC9B5). Kept as two uint32 halves so the hot loop avoids BigInt.
const CRC64_LO = new Uint32Array(256);
const CRC64_HI = new Uint32Array(256);
{
  const polynomial = 0x9a6c9329ac4bc9b5n;
  for (let i = 0; i < 256; i++) {
    let crc = BigInt(i);
    for (let bit = 0; bit < 8; bit++) crc = crc & 1n ? (crc >> 1n) ^ polynomial : crc >> 1n;
    CRC64_LO[i] = Number(crc & 0xffffffffn);
    CRC64_HI[i] = Number(crc >> 32n);
  }
}

class Crc64NvmeHasher implements Hasher {
  private lo = 0xffffffff;
  private hi = 0xffffffff;
  update(data: Uint8Array): void {
    let lo = this.lo;
    let hi = this.hi;
    for (let i = 0; i < data.length; i++) {
      const index = (lo ^ data[i]) & 0xff;
      lo = ((lo >>> 8) | (hi << 24)) ^ CRC64_LO[index];
      hi = (hi >>> 8) ^ CRC64_HI[index];
    }
    this.lo = lo >>> 0;
    this.hi = hi >>> 0;
  }
  digest(): Buffer {
    const out = Buffer.alloc(8);
    out.writeUInt32BE(~this.hi >>> 0, 0);
    out.writeUInt32BE(~this.lo >>> 0, 4);
    return out;
  }
}

export const createCrc64Nvme = (): Hasher => new Crc64NvmeHasher();
