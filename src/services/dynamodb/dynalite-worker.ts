// Entry point of the worker thread that hosts dynalite when the DynamoDB service runs it off the main thread
// (dynalite-thread.ts starts it). It opens the store, answers batches of requests, and closes LevelDB on request.
import { parentPort, workerData, type MessagePort } from 'node:worker_threads';
import { openDynaliteHost, type DynaliteHost } from './dynalite-host';
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

function isDynaliteWorkerData(data: unknown): data is DynaliteWorkerData {
  return typeof data === 'object' && data !== null && 'dynaliteHost' in data;
}

async function runWorker(port: MessagePort, data: DynaliteWorkerData): Promise<void> {
  const post = (message: FromWorker, transfer: ArrayBuffer[] = []) => port.postMessage(message, transfer);
  let host: DynaliteHost;
  try {
    host = await openDynaliteHost(data.dynaliteHost);
  } catch (err) {
    post({ kind: 'open-failed', message: (err as Error).message });
    return;
  }
  // dynalite finishes each request in a LevelDB callback of its own, so answers are collected until the event
  // loop's next turn (setImmediate), not just the current microtasks: ~20 answers per message instead of one,
  // and as many fewer wake-ups of the main thread.
  const answers = new Batch<Unpacked<WorkerAnswer>>(setImmediate, (answered) => {
    const { items, bodies } = packBatch<WorkerAnswer>(answered);
    post({ kind: 'answers', answers: items, bodies }, [bodies.buffer]);
  });
  const serve = (request: WorkerRequest, bodies: Uint8Array) => {
    host.serve(request, unpackBody(bodies, request.body)).then(
      (response) => {
        answers.push({ id: request.id, status: response.status, headers: response.headers, body: response.body });
      },
      (err: unknown) => {
        const error = err instanceof Error ? err : new Error(String(err));
        answers.push({ id: request.id, failure: { name: error.name, message: error.message } });
      },
    );
  };
  port.on('message', (message: ToWorker) => {
    if (message.kind === 'requests') {
      for (const request of message.requests) serve(request, message.bodies);
      return;
    }
    host.close().then(
      () => {
        // The last answers go before 'closed': the main thread ends the worker when it reads 'closed'.
        answers.drain();
        post({ kind: 'closed' });
      },
      (err: unknown) => post({ kind: 'close-failed', message: (err as Error).message }),
    );
  });
  post({ kind: 'ready' });
}

if (parentPort && isDynaliteWorkerData(workerData)) void runWorker(parentPort, workerData);
