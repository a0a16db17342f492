// GetObject's Range header: one `bytes=` range, as S3 supports (no multi-range). A syntactically invalid range is
// ignored and the whole object returned, as RFC 9110 asks; a valid one that starts past the end fails with 416.
import { InvalidRange } from '../errors';
import type { ByteRange } from '../storage/types';

export function parseRange(header: string | undefined, size: number): ByteRange | undefined {
  if (header === undefined) return undefined;
  const match = /^\s*bytes=(\d*)-(\d*)\s*$/i.exec(header);
  if (!match || (match[1] === '' && match[2] === '')) return undefined;
  if (match[1] === '') {
    const suffix = Number(match[2]);
    if (suffix === 0 || size === 0) throw new InvalidRange(header, size);
    return { start: Math.max(0, size - suffix), end: size - 1 };
  }
  const start = Number(match[1]);
  const end = match[2] === '' ? Infinity : Number(match[2]);
  if (end < start) return undefined;
  if (start >= size) throw new InvalidRange(header, size);
  return { start, end: Math.min(end, size - 1) };
}

export const contentRange = (range: ByteRange, size: number): string => `bytes ${range.start}-${range.end}/${size}`;
