// Decodes `Content-Encoding: aws-chunked` (https://docs.aws.amazon.com/AmazonS3/latest/API/sigv4-streaming.html):
//   <hex-size>[;chunk-signature=<sig>]\r\n<bytes>\r\n ... 0[;chunk-signature=<sig>]\r\n[<trailer>:<value>\r\n]*[\r\n]
// Signatures are not checked (the endpoint does not authenticate). The SDK ends an upload without a checksum right
// after "0\r\n", so the blank line closing the trailer section is optional.
import { Transform, type TransformCallback } from 'node:stream';
import { IncompleteBody, InvalidRequest } from '../errors';

const MAX_LINE = 8192;
const MAX_TRAILERS = 16;
const CRLF = Buffer.from('\r\n');

type Phase = 'size' | 'data' | 'data-end' | 'trailer' | 'done';

export class AwsChunkedDecoder extends Transform {
  /** Trailer headers (lower-cased names), complete once the stream has ended. */
  readonly trailers: Record<string, string> = {};
  private phase: Phase = 'size';
  private line = Buffer.alloc(0);
  private remaining = 0;
  private trailerCount = 0;

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    try {
      let offset = 0;
      while (offset < chunk.length) offset = this.consume(chunk, offset);
      callback();
    } catch (error) {
      callback(error as Error);
    }
  }

  override _flush(callback: TransformCallback): void {
    const finished = this.phase === 'done' || (this.phase === 'trailer' && this.line.length === 0);
    callback(finished ? null : new IncompleteBody('The aws-chunked request body ended before its final chunk'));
  }

  private consume(chunk: Buffer, offset: number): number {
    switch (this.phase) {
      case 'data': {
        const end = Math.min(chunk.length, offset + this.remaining);
        this.push(chunk.subarray(offset, end));
        this.remaining -= end - offset;
        if (this.remaining === 0) this.phase = 'data-end';
        return end;
      }
      case 'done':
        // Tolerate stray whitespace after the terminating blank line; anything else is a framing error.
        if (/[^\r\n]/.test(chunk.subarray(offset).toString('latin1'))) throw malformed('data after the final chunk');
        return chunk.length;
      default:
        return this.readLine(chunk, offset);
    }
  }

  /** Accumulates one CRLF-terminated line (bounded) and hands it to the current phase. */
  private readLine(chunk: Buffer, offset: number): number {
    const joined = this.line.length ? Buffer.concat([this.line, chunk.subarray(offset)]) : chunk.subarray(offset);
    const end = joined.indexOf(CRLF);
    if (end === -1) {
      if (joined.length > MAX_LINE) throw malformed('chunk header line too long');
      this.line = Buffer.from(joined);
      return chunk.length;
    }
    const consumedFromChunk = end + 2 - this.line.length;
    const text = joined.subarray(0, end).toString('latin1');
    this.line = Buffer.alloc(0);
    this.onLine(text);
    return offset + consumedFromChunk;
  }

  private onLine(text: string): void {
    if (this.phase === 'data-end') {
      if (text !== '') throw malformed('chunk data longer than its declared size');
      this.phase = 'size';
    } else if (this.phase === 'size') {
      this.onSizeLine(text);
    } else {
      this.onTrailerLine(text);
    }
  }

  private onSizeLine(text: string): void {
    const match = /^([0-9a-fA-F]{1,15})(;.*)?$/.exec(text);
    if (!match) throw malformed(`invalid chunk header '${text.slice(0, 80)}'`);
    this.remaining = parseInt(match[1], 16);
    this.phase = this.remaining === 0 ? 'trailer' : 'data';
  }

  private onTrailerLine(text: string): void {
    if (text === '') {
      this.phase = 'done';
      return;
    }
    const colon = text.indexOf(':');
    if (colon <= 0 || ++this.trailerCount > MAX_TRAILERS) throw malformed(`invalid trailer '${text.slice(0, 80)}'`);
    this.trailers[text.slice(0, colon).trim().toLowerCase()] = text.slice(colon + 1).trim();
  }
}

function malformed(reason: string): InvalidRequest {
  return new InvalidRequest(`Malformed aws-chunked request body: ${reason}.`);
}

/** aws-chunked is announced by Content-Encoding, or (some SDKs) only by a STREAMING-* payload hash. */
export function isAwsChunked(headers: Readonly<Record<string, string>>): boolean {
  const encodings = (headers['content-encoding'] ?? '').split(',').map((e) => e.trim().toLowerCase());
  return encodings.includes('aws-chunked') || (headers['x-amz-content-sha256'] ?? '').startsWith('STREAMING-');
}

/** Content-Encoding as stored: S3 drops the transport-only aws-chunked token. */
export function storedContentEncoding(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const kept = value
    .split(',')
    .map((e) => e.trim())
    .filter((e) => e !== '' && e.toLowerCase() !== 'aws-chunked');
  return kept.length ? kept.join(',') : undefined;
}
