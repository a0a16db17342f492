import type { Readable } from 'node:stream';
import { RequestTooLargeError } from './service-error';

/** Buffers a request body, failing fast once it passes `limitBytes` (the rest is drained, not kept). */
export async function readBody(body: Readable, limitBytes: number, tooLargeCode?: string): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  let tooLarge = false;
  for await (const chunk of body) {
    const buf = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as string);
    size += buf.length;
    if (size > limitBytes) tooLarge = true;
    if (!tooLarge) chunks.push(buf);
  }
  if (tooLarge) throw new RequestTooLargeError(limitBytes, tooLargeCode);
  return Buffer.concat(chunks);
}
