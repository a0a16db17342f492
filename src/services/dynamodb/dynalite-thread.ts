// Runs dynalite in a worker thread, so that the store's work (request validation, LevelDB encoding, the
// in-memory tree) uses the second core while the main thread runs the engine, S3 and Step Functions. Each
// request crosses as method, URL, headers and body bytes, and comes back as status, headers and body bytes: the
// same bytes dynalite produces on the main thread.
import { extname, join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { ServiceError } from '../../server/service-error';
import type { DynaliteAnswer, DynaliteRequestHead } from './dynalite-exchange';
import type { DynaliteHost, DynaliteHostOptions } from './dynalite-host';
import {
  Batch,
  packBatch,
  unpackBody,
  type DynaliteWorkerData,
  type FromWorker,
  type ToWorker,
  type Unpacked,
  type WorkerAnswer,
  type WorkerRequest,
} from './dynalite-worker-protocol';

interface Pending {
  resolve(answer: DynaliteAnswer): void;
  reject(err: Error): void;
}

/** The worker thread stopped (an uncaught error or an exit) while the service was open. */
export class DynamoDbWorkerError extends ServiceError {
  constructor(reason: string) {
    super('InternalFailure', `The DynamoDB worker thread stopped: ${reason}`, 500);
  }
}

/** The worker's entry module: this directory's dynalite-worker, TypeScript or compiled alike. */
const WORKER_ENTRY = join(__dirname, `dynalite-worker${extname(__filename)}`);

/**
 * Starts the worker and resolves once its store is open; rejects with the store's own error otherwise.
 * `entry` is the module the worker runs (tests start stand-ins that fail on cue).
 */
export async function startDynaliteWorker(options: DynaliteHostOptions, entry = WORKER_ENTRY): Promise<DynaliteHost> {
  const worker = spawnWorker(entry, { dynaliteHost: options });
  // Only our own listeners are removed afterwards: Worker.removeAllListeners() also detaches the internal
  // forwarding of messages from the worker's port, after which no message arrives.
  let onMessage!: (message: FromWorker) => void;
  let onError!: (err: Error) => void;
  let onExit!: (code: number) => void;
  try {
    await new Promise<void>((resolve, reject) => {
      onMessage = (message) =>
        message.kind === 'ready'
          ? resolve()
          : reject(new Error(message.kind === 'open-failed' ? message.message : `unexpected '${message.kind}' from the DynamoDB worker`));
      onError = reject;
      onExit = (code) => reject(new DynamoDbWorkerError(`exit code ${code} before its store opened`));
      worker.once('message', onMessage).once('error', onError).once('exit', onExit);
    });
  } catch (err) {
    await worker.terminate();
    throw err;
  } finally {
    worker.off('message', onMessage).off('error', onError).off('exit', onExit);
  }
  return new WorkerHost(worker);
}

/**
 * Under tsx or ts-jest this module is TypeScript and so is the worker's entry; a worker thread does not share
 * the parent's module hooks, so it registers tsx's CommonJS hooks before loading it. Compiled (dist/), the
 * entry is plain JavaScript and is started directly.
 */
function spawnWorker(entry: string, workerData: DynaliteWorkerData): Worker {
  const options = { workerData, resourceLimits: { maxYoungGenerationSizeMb: workerYoungGenerationMb(workerData.dynaliteHost) } };
  if (!entry.endsWith('.ts')) return new Worker(entry, options);
  const tsx = require.resolve('tsx/cjs/api');
  const bootstrap = `require(${JSON.stringify(tsx)}).register(); require(${JSON.stringify(entry)});`;
  return new Worker(bootstrap, { ...options, eval: true });
}

/**
 * The worker's V8 young generation, in MB. What dynalite allocates per request dies young; too small a young
 * generation promotes it to the old generation anyway (4 MB meant a scavenge every few milliseconds, ≈ 2,700 in
 * a 100k-row run, each handing parallel work to V8's helper threads). With the store on disk, 16 MB keeps peak
 * RSS at 1M rows under 1 GB (955 MB; 48 MB gave 1,022 MB). In memory, where the table itself is most of the
 * RSS, 48 MB makes 1M rows ≈ 15 % faster and peaks lower (2.2 against 2.4 GB: less garbage reaches the old
 * generation) (docs/performance.md, "Round 5" and "Round 7").
 */
export function workerYoungGenerationMb(store: Pick<DynaliteHostOptions, 'path'>): number {
  return store.path === undefined ? 48 : 16;
}

class WorkerHost implements DynaliteHost {
  private readonly pending = new Map<number, Pending>();
  private nextId = 0;
  private stopped: DynamoDbWorkerError | undefined;
  private closing: Promise<void> | undefined;
  // Requests leave at the end of the current microtasks: a Map iteration's concurrent PutItems share a message,
  // and none waits for the next turn of the event loop.
  private readonly outbox = new Batch<Unpacked<WorkerRequest>>(queueMicrotask, (outgoing) => {
    const { items: requests, bodies } = packBatch<WorkerRequest>(outgoing);
    this.post({ kind: 'requests', requests, bodies }, [bodies.buffer]);
  });

  constructor(private readonly worker: Worker) {
    // An idle worker must not keep the process alive (the service's close() ends it); one with requests in
    // flight must, or a script awaiting a DynamoDB answer would exit before it arrives.
    worker.unref();
    worker.on('message', (message: FromWorker) => this.receive(message));
    worker.on('error', (err: Error) => this.stop(new DynamoDbWorkerError(err.message)));
    worker.on('exit', (code) => this.stop(new DynamoDbWorkerError(`exit code ${code}`)));
  }

  serve(head: DynaliteRequestHead, body: Buffer): Promise<DynaliteAnswer> {
    if (this.stopped) return Promise.reject(this.stopped);
    const id = this.nextId++;
    return new Promise<DynaliteAnswer>((resolve, reject) => {
      if (this.pending.size === 0) this.worker.ref();
      this.pending.set(id, { resolve, reject });
      this.outbox.push({ id, method: head.method, url: head.url, headers: head.headers, body });
    });
  }

  close(): Promise<void> {
    return (this.closing ??= this.closeWorker());
  }

  private async closeWorker(): Promise<void> {
    if (this.stopped) return;
    this.worker.ref();
    const closed = new Promise<void>((resolve, reject) => {
      this.worker.on('message', (message: FromWorker) => {
        if (message.kind === 'closed') resolve();
        else if (message.kind === 'close-failed') reject(new Error(message.message));
      });
      this.worker.once('exit', () => resolve());
    });
    // Requests already queued go first (the service refuses new ones once it is closing): the worker answers
    // them before it closes LevelDB.
    await Promise.resolve();
    this.post({ kind: 'close' });
    try {
      await closed;
    } finally {
      this.stopped ??= new DynamoDbWorkerError('closed');
      await this.worker.terminate();
    }
  }

  private post(message: ToWorker, transfer: ArrayBuffer[] = []): void {
    this.worker.postMessage(message, transfer);
  }

  private receive(message: FromWorker): void {
    if (message.kind !== 'answers') return;
    for (const answer of message.answers) this.settle(answer, message.bodies);
    if (this.pending.size === 0 && !this.closing) this.worker.unref();
  }

  private settle(answer: WorkerAnswer, bodies: Uint8Array): void {
    const pending = this.pending.get(answer.id);
    if (!pending) return;
    this.pending.delete(answer.id);
    if ('failure' in answer) {
      const error = new Error(answer.failure.message);
      error.name = answer.failure.name;
      pending.reject(error);
      return;
    }
    const body = unpackBody(bodies, answer.body);
    pending.resolve({ status: answer.status, headers: answer.headers, body });
  }

  /** Every request still waiting fails with the reason; later ones fail at once. */
  private stop(reason: DynamoDbWorkerError): void {
    this.stopped ??= reason;
    for (const pending of this.pending.values()) pending.reject(this.stopped);
    this.pending.clear();
  }
}
