// The messages between the DynamoDB service (main thread) and the worker thread that hosts dynalite. Requests
// and answers travel in batches (Batch): one postMessage carries whatever was queued until the sender's flush.
// The bodies of a batch are copied once into one buffer (`Packed`) that is transferred, never structured-cloned
// (cloning a pooled Buffer's view would copy its whole 8 KiB pool); a buffer per body cost an allocation and a
// transfer each (docs/performance.md, "Round 5").
import type { DynaliteHostOptions } from './dynalite-host';

/** Where a body lies in its batch's packed buffer. */
export interface BodySpan {
  readonly offset: number;
  readonly length: number;
}

export interface WorkerRequest {
  readonly id: number;
  readonly method: string;
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: BodySpan;
}

export type WorkerAnswer =
  | { readonly id: number; readonly status: number; readonly headers: Record<string, string>; readonly body: BodySpan }
  /** dynalite threw while handling the request (a bug in dynalite): the error crosses as name and message. */
  | { readonly id: number; readonly failure: { readonly name: string; readonly message: string } };

export type ToWorker =
  { readonly kind: 'requests'; readonly requests: readonly WorkerRequest[]; readonly bodies: Uint8Array<ArrayBuffer> } | { readonly kind: 'close' };

export type FromWorker =
  | { readonly kind: 'ready' }
  | { readonly kind: 'open-failed'; readonly message: string }
  | { readonly kind: 'answers'; readonly answers: readonly WorkerAnswer[]; readonly bodies: Uint8Array<ArrayBuffer> }
  | { readonly kind: 'closed' }
  | { readonly kind: 'close-failed'; readonly message: string };

/** What the worker finds in workerData. */
export interface DynaliteWorkerData {
  readonly dynaliteHost: DynaliteHostOptions;
}

/** A batch's bodies copied into one buffer of their own (transferable), and where each one lies in it. */
export function packBodies(bodies: readonly Uint8Array[]): { packed: Uint8Array<ArrayBuffer>; spans: BodySpan[] } {
  let total = 0;
  for (const body of bodies) total += body.byteLength;
  const packed = new Uint8Array(total);
  const spans: BodySpan[] = [];
  let offset = 0;
  for (const body of bodies) {
    packed.set(body, offset);
    spans.push({ offset, length: body.byteLength });
    offset += body.byteLength;
  }
  return { packed, spans };
}

/** A request or answer as its sender queues it: its body (if it has one) still its own bytes. */
export type Unpacked<T> = T extends { readonly body: BodySpan } ? Omit<T, 'body'> & { readonly body: Uint8Array } : T;

const NO_BODY = new Uint8Array(0);

/** A batch ready to post: each body replaced by its span in one packed buffer (transfer `bodies.buffer`). */
export function packBatch<T extends object>(queued: readonly Unpacked<T>[]): { items: T[]; bodies: Uint8Array<ArrayBuffer> } {
  const { packed, spans } = packBodies(queued.map((item) => ('body' in item ? item.body : NO_BODY)));
  const items = queued.map((item, i) => ('body' in item ? { ...item, body: spans[i] } : item) as T);
  return { items, bodies: packed };
}

/** One body of a received batch: a view of the packed buffer, not a copy. */
export function unpackBody(packed: Uint8Array, span: BodySpan): Buffer {
  return Buffer.from(packed.buffer, packed.byteOffset + span.offset, span.length);
}

/**
 * Collects values and hands them to `flush` as one array when `schedule` runs it: with queueMicrotask, once the
 * current synchronous code and its microtasks have run; with setImmediate, at the event loop's next turn.
 */
export class Batch<T> {
  private items: T[] = [];

  constructor(
    private readonly schedule: (run: () => void) => unknown,
    private readonly flush: (items: T[]) => void,
  ) {}

  push(item: T): void {
    if (this.items.length === 0) this.schedule(() => this.drain());
    this.items.push(item);
  }

  /** Hands over what is queued now (nothing when empty); the scheduled run then finds nothing left. */
  drain(): void {
    if (this.items.length === 0) return;
    const items = this.items;
    this.items = [];
    this.flush(items);
  }
}
