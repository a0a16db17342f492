// The messages between the DynamoDB service (main thread) and the worker thread that hosts dynalite. Requests
// and answers travel in batches (Batch): one postMessage carries whatever was queued until the sender's flush. Bodies are copied once into buffers of their own and transferred, never structured-cloned
// (cloning a pooled Buffer's view would copy its whole 8 KiB pool).
import type { DynaliteHostOptions } from './dynalite-host';

export interface WorkerRequest {
  readonly id: number;
  readonly method: string;
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: Uint8Array<ArrayBuffer>;
}

export type WorkerAnswer =
  | { readonly id: number; readonly status: number; readonly headers: Record<string, string>; readonly body: Uint8Array<ArrayBuffer> }
  /** dynalite threw while handling the request (a bug in dynalite): the error crosses as name and message. */
  | { readonly id: number; readonly failure: { readonly name: string; readonly message: string } };

export type ToWorker = { readonly kind: 'requests'; readonly requests: readonly WorkerRequest[] } | { readonly kind: 'close' };

export type FromWorker =
  | { readonly kind: 'ready' }
  | { readonly kind: 'open-failed'; readonly message: string }
  | { readonly kind: 'answers'; readonly answers: readonly WorkerAnswer[] }
  | { readonly kind: 'closed' }
  | { readonly kind: 'close-failed'; readonly message: string };

/** What the worker finds in workerData. */
export interface DynaliteWorkerData {
  readonly dynaliteHost: DynaliteHostOptions;
}

/** A copy of `bytes` that owns its whole ArrayBuffer, so that the buffer can be transferred. */
export function ownedCopy(bytes: Uint8Array): Uint8Array<ArrayBuffer> {
  return new Uint8Array(bytes);
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
