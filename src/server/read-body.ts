import { Readable } from 'node:stream';
import { RequestTooLargeError } from './service-error';

/** Bodies that were whole in memory before they became streams (in-process requests), by stream. */
const wholeBodies = new WeakMap<Readable, Buffer>();

/**
 * A stream of `bytes` that readBody() answers without reading it: SDK requests made in-process arrive
 * serialized already, and iterating a stream costs more than the DynamoDB call it carries.
 */
export function readableOf(bytes: Buffer): Readable {
  const stream = Readable.from([bytes]);
  wholeBodies.set(stream, bytes);
  return stream;
}

/**
 * Lets an unread (or partly read) request body drain without keeping it, so a client still sending it gets
 * to read the response (an error, a redirect) sent before the body was consumed.
 */
export function discardBody(body: Readable): void {
  if (body.readableEnded || body.destroyed) return;
  body.unpipe();
  body.resume();
}

/** Buffers a request body, failing fast once it passes `limitBytes` (the rest is drained, not kept). */
export async function readBody(body: Readable, limitBytes: number, tooLargeCode?: string): Promise<Buffer> {
  const whole = body.readableDidRead ? undefined : wholeBodies.get(body);
  if (whole !== undefined) {
    wholeBodies.delete(body);
    if (whole.length > limitBytes) throw new RequestTooLargeError(limitBytes, tooLargeCode);
    return whole;
  }
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
