// DynamoDB on the edge, served by dynalite (LevelDB-backed, the same engine LocalStack once used). dynalite
// never listens on a port of its own: each EdgeRequest is handed to its HTTP request listener in-process.
import type { RequestListener } from 'node:http';
import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import dynalite = require('dynalite');
import dynaliteDb = require('dynalite/db');
import type { EdgeRequest, EdgeResponse, ServiceHandler } from '../../server/edge';
import { DYNAMODB_REQUEST_LIMIT_BYTES } from '../../server/body-limit';
import { readBody } from '../../server/read-body';
import { ServiceError } from '../../server/service-error';
import { exchange } from './dynalite-exchange';

export interface DynamoDbServiceOptions {
  /** Persist tables under `<dataDir>/dynamodb` (LevelDB); in memory when omitted. */
  readonly dataDir?: string;
  /** Region and account that appear in TableArn. */
  readonly region?: string;
  readonly accountId?: string;
  /** How long tables stay CREATING / DELETING / UPDATING; 0 (the default) makes them ACTIVE at once. */
  readonly createTableMs?: number;
  readonly deleteTableMs?: number;
  readonly updateTableMs?: number;
}

export interface DynamoDbService extends ServiceHandler {
  readonly name: 'dynamodb';
  /** The LevelDB directory, when persistent. */
  readonly path: string | undefined;
}

/** Opens the store before returning, so a locked or unreadable data directory fails here, not on a request. */
export async function createDynamoDbService(options: DynamoDbServiceOptions = {}): Promise<DynamoDbService> {
  const path = options.dataDir === undefined ? undefined : resolve(join(options.dataDir, 'dynamodb'));
  if (path !== undefined) await mkdir(path, { recursive: true });
  const { listener, store } = createDynalite({
    createTableMs: options.createTableMs ?? 0,
    deleteTableMs: options.deleteTableMs ?? 0,
    updateTableMs: options.updateTableMs ?? 0,
    ...(path === undefined ? {} : { path }),
  });
  if (options.region !== undefined) store.tableDb.awsRegion = options.region;
  if (options.accountId !== undefined) store.tableDb.awsAccountId = options.accountId;
  await openStore(store, path);
  let closing: Promise<void> | undefined;
  const inFlight = new Set<Promise<unknown>>();
  return {
    name: 'dynamodb',
    path,
    async handle(request: EdgeRequest): Promise<EdgeResponse> {
      // dynalite throws (uncatchably, from a LevelDB callback) when used after close: refuse first.
      if (closing) throw new DynamoDbClosedError();
      const body = await readBody(request.body, DYNAMODB_REQUEST_LIMIT_BYTES);
      if (closing) throw new DynamoDbClosedError();
      const exchanged = exchange(listener, request, body);
      inFlight.add(exchanged);
      try {
        const response = await exchanged;
        if (response.status === 200 && TABLE_STATUS_CHANGES.has(request.headers['x-amz-target'] ?? '')) await statusTimerTurn();
        return response;
      } finally {
        inFlight.delete(exchanged);
      }
    },
    close(): Promise<void> {
      // One dynalite action is several LevelDB steps; closing between two of them makes the next step throw
      // "Database is closed" from a callback, which kills the process. So the calls already inside dynalite
      // finish first (new ones are refused above), then LevelDB closes.
      return (closing ??= Promise.allSettled([...inFlight]).then(() => gracefulClose(store)));
    },
  };
}

/** Operations after which dynalite moves the table to ACTIVE (or deletes it) on a timer of createTableMs etc. */
const TABLE_STATUS_CHANGES = new Set(['CreateTable', 'UpdateTable', 'DeleteTable'].map((op) => `DynamoDB_20120810.${op}`));

/**
 * AWS answers CreateTable with CREATING and the table turns ACTIVE later; dynalite does the same with a
 * setTimeout(createTableMs). With 0 ms we let that timer run before answering, so a client that writes right
 * after CreateTable (in-process, there is no network delay in between) finds the table ACTIVE, as with a
 * real socket. The response itself still says CREATING, as AWS's does.
 */
const statusTimerTurn = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

class DynamoDbClosedError extends ServiceError {
  constructor() {
    super('ServiceUnavailable', 'The DynamoDB service has been closed', 503);
  }
}

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
