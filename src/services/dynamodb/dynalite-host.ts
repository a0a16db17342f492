// dynalite (LevelDB-backed, the same engine LocalStack once used) hosted in the current thread: the store is
// opened here and each request is handed to dynalite's HTTP request listener, without a socket (or, in the
// plain shape the SDKs send, straight to its validations and action: dynalite-front.ts). The DynamoDB
// service runs one of these on the main thread, or in a worker thread (dynalite-worker.ts) that runs one.
import type { RequestListener } from 'node:http';
import dynalite = require('dynalite');
import dynaliteDb = require('dynalite/db');
import { exchange, type DynaliteAnswer, type DynaliteRequestHead } from './dynalite-exchange';
import { dynaliteFront } from './dynalite-front';
import { cacheTableDescriptions } from './table-description-cache';

/** What a host needs to open the store: plain data, so that it can cross to a worker thread as workerData. */
export interface DynaliteHostOptions {
  /** The LevelDB directory; in memory when omitted. */
  readonly path?: string;
  readonly region?: string;
  readonly accountId?: string;
  readonly createTableMs: number;
  readonly deleteTableMs: number;
  readonly updateTableMs: number;
}

/** One dynalite store and its request listener, wherever it runs. */
export interface DynaliteHost {
  /** Answers one request whose body has already been read; rejects only when dynalite itself throws. */
  serve(head: DynaliteRequestHead, body: Buffer): Promise<DynaliteAnswer>;
  /** Lets the requests already inside dynalite finish, then closes LevelDB. */
  close(): Promise<void>;
}

/**
 * Opens the store before returning, so a locked or unreadable data directory fails here, not on a request.
 * `front: false` leaves every request to dynalite's listener (the front's differential test compares the two).
 */
export async function openDynaliteHost(options: DynaliteHostOptions, { front: useFront = true } = {}): Promise<DynaliteHost> {
  const { listener, store } = createDynalite({
    createTableMs: options.createTableMs,
    deleteTableMs: options.deleteTableMs,
    updateTableMs: options.updateTableMs,
    ...(options.path === undefined ? {} : { path: options.path }),
  });
  if (options.region !== undefined) store.tableDb.awsRegion = options.region;
  if (options.accountId !== undefined) store.tableDb.awsAccountId = options.accountId;
  const tableWrites = cacheTableDescriptions(store);
  await openStore(store, options.path);
  const front = useFront ? dynaliteFront(store) : undefined;
  const inFlight = new Set<Promise<unknown>>();
  let closing: Promise<void> | undefined;
  return {
    async serve(head, body) {
      const exchanged = front?.(head, body) ?? exchange(listener, head, body);
      inFlight.add(exchanged);
      try {
        const response = await exchanged;
        if (response.status === 200 && TABLE_STATUS_CHANGES.has(head.headers['x-amz-target'] ?? '')) {
          await statusTimerTurn();
          await tableWrites.settled();
        }
        return response;
      } finally {
        inFlight.delete(exchanged);
      }
    },
    close() {
      // One dynalite action is several LevelDB steps; closing between two of them makes the next step throw
      // "Database is closed" from a callback, which kills the process. So the calls already inside dynalite
      // finish first (the service refuses new ones), then LevelDB closes.
      return (closing ??= Promise.allSettled([...inFlight]).then(() => gracefulClose(store)));
    },
  };
}

/** Operations after which dynalite moves the table to ACTIVE (or deletes it) on a timer of createTableMs etc. */
const TABLE_STATUS_CHANGES = new Set(['CreateTable', 'UpdateTable', 'DeleteTable'].map((op) => `DynamoDB_20120810.${op}`));

/**
 * AWS answers CreateTable with CREATING and the table turns ACTIVE later; dynalite does the same with a
 * setTimeout(createTableMs). With 0 ms we let that timer run, and its write to LevelDB land (on disk it is
 * asynchronous), before answering, so a client that writes right after CreateTable (in-process, there is no
 * network delay in between) finds the table ACTIVE, as with a real socket. The response itself still says
 * CREATING, as AWS's does.
 */
const statusTimerTurn = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * dynalite does not expose its store, and its server.close() only closes LevelDB after closing a listening
 * socket (which we never open). So db.create is wrapped for the duration of the synchronous dynalite() call
 * to keep hold of the store it creates: that gives us close() and the TableArn region/account.
 */
function createDynalite(options: dynalite.Options): { listener: RequestListener; store: dynaliteDb.Store } {
  const original = dynaliteDb.create;
  let store: dynaliteDb.Store | undefined;
  dynaliteDb.create = (opts) => (store = original(opts));
  let server: ReturnType<typeof dynalite>;
  try {
    server = dynalite(options);
  } finally {
    dynaliteDb.create = original;
  }
  const listener = server.listeners('request')[0] as RequestListener | undefined;
  if (!store || !listener) throw new Error('dynalite changed shape: no store or request listener (expected dynalite 4.x)');
  return { listener, store };
}

async function openStore(store: dynaliteDb.Store, path: string | undefined): Promise<void> {
  try {
    await store.db.open();
  } catch (err) {
    const cause = (err as { cause?: { message?: string } }).cause?.message ?? (err as Error).message;
    throw new Error(`Cannot open the DynamoDB data directory ${path ?? '(memory)'}: ${cause}. Is another endpoint using it?`);
  }
}

function gracefulClose(store: dynaliteDb.Store): Promise<void> {
  return new Promise((resolve, reject) => store.lifecycleManager.gracefulClose((err) => (err ? reject(err) : resolve())));
}
