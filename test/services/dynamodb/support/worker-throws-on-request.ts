// Stand-in for the DynamoDB worker's entry: it reports ready without opening a store, then throws an uncaught
// error on the first batch of requests, as a crash inside dynalite would.
import { parentPort } from 'node:worker_threads';

parentPort?.on('message', () => {
  throw new Error('dynalite blew up');
});
parentPort?.postMessage({ kind: 'ready' });
