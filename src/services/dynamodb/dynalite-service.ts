// DynamoDB on the edge, served by dynalite. dynalite never listens on a port of its own: each EdgeRequest's
// method, URL, headers and body are handed to its HTTP request listener, either on this thread or in a worker
// thread (the default with a second core, so that the store's work runs on it; docs/performance.md).
import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { EdgeRequest, EdgeResponse, ServiceHandler } from '../../server/edge';
import { DYNAMODB_REQUEST_LIMIT_BYTES } from '../../server/body-limit';
import { readBody } from '../../server/read-body';
import { ServiceError } from '../../server/service-error';
import { defaultDynamoDbThread, type DynamoDbThread } from '../../config/config';
import type { DynaliteHost, DynaliteHostOptions } from './dynalite-host';
import { startDynaliteWorker } from './dynalite-thread';

export type { DynamoDbThread };
/** The same default as SANDBOX_DYNAMODB_THREAD's: a worker thread when there is a second core. */
export const DEFAULT_DYNAMODB_THREAD: DynamoDbThread = defaultDynamoDbThread();

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
  /** SANDBOX_DYNAMODB_THREAD; DEFAULT_DYNAMODB_THREAD when omitted. */
  readonly thread?: DynamoDbThread;
}

export interface DynamoDbService extends ServiceHandler {
  readonly name: 'dynamodb';
  /** The LevelDB directory, when persistent. */
  readonly path: string | undefined;
  close(): Promise<void>;
}

/** Opens the store before returning, so a locked or unreadable data directory fails here, not on a request. */
export async function createDynamoDbService(options: DynamoDbServiceOptions = {}): Promise<DynamoDbService> {
  const path = options.dataDir === undefined ? undefined : resolve(join(options.dataDir, 'dynamodb'));
  if (path !== undefined) await mkdir(path, { recursive: true });
  const hostOptions: DynaliteHostOptions = {
    createTableMs: options.createTableMs ?? 0,
    deleteTableMs: options.deleteTableMs ?? 0,
    updateTableMs: options.updateTableMs ?? 0,
    ...(path === undefined ? {} : { path }),
    ...(options.region === undefined ? {} : { region: options.region }),
    ...(options.accountId === undefined ? {} : { accountId: options.accountId }),
  };
  const host: DynaliteHost =
    (options.thread ?? DEFAULT_DYNAMODB_THREAD) === 'worker' ? await startDynaliteWorker(hostOptions) : await openHostHere(hostOptions);
  let closing: Promise<void> | undefined;
  return {
    name: 'dynamodb',
    path,
    async handle(request: EdgeRequest): Promise<EdgeResponse> {
      // dynalite throws (uncatchably, from a LevelDB callback) when used after close: refuse first.
      if (closing) throw new DynamoDbClosedError();
      const body = await readBody(request.body, DYNAMODB_REQUEST_LIMIT_BYTES);
      if (closing) throw new DynamoDbClosedError();
      return host.serve(request, body);
    },
    close(): Promise<void> {
      return (closing ??= host.close());
    },
  };
}

/**
 * dynalite's modules (and LevelDB's) are loaded only when the store runs on this thread: in worker mode only
 * the worker needs them, and loading them here too costs start-up CPU and memory for nothing.
 */
async function openHostHere(options: DynaliteHostOptions): Promise<DynaliteHost> {
  const { openDynaliteHost } = await import('./dynalite-host');
  return openDynaliteHost(options);
}

class DynamoDbClosedError extends ServiceError {
  constructor() {
    super('ServiceUnavailable', 'The DynamoDB service has been closed', 503);
  }
}
