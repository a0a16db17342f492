// Why not s3rver: it is Koa-based (a second HTTP stack beside our edge) and its last release was in 2021.
// It predates aws-chunked uploads, flexible checksums and the CRC32/CRC64NVME defaults that SDK v3 and the CLI
// now send, so we would have to rewrite most of it. This subset is written for our edge and today's clients.
import type { EdgeRequest, EdgeResponse, ServiceHandler } from '../../server/edge';
import { discardBody } from '../../server/read-body';
import { operations } from './operations';
import type { S3Limits } from './operations/types';
import { newRequestIds, requestIdHeaders, serializeRestXmlError } from '../../server/protocols/rest-xml';
import { resolveRoute } from './routes';
import { parseS3Request } from './s3-request';
import { openDiskStore } from './storage/disk-store';
import { createMemoryStore } from './storage/memory-store';
import type { S3Store } from './storage/types';

export interface S3ServiceOptions {
  /** Persist buckets and objects here (survives restarts); in memory when omitted. */
  readonly dataDir?: string;
  /** The endpoint's region: used for requests not signed with SigV4 and as the default bucket region. */
  readonly region: string;
  /** Overrides S3's size limits (tests use small ones). */
  readonly limits?: Partial<S3Limits>;
}

const DEFAULT_LIMITS: S3Limits = {
  maxObjectBytes: 5 * 1024 ** 3,
  minPartBytes: 5 * 1024 ** 2,
  maxXmlBytes: 2 * 1024 ** 2,
};

export function createS3Service(options: S3ServiceOptions): ServiceHandler {
  const limits: S3Limits = { ...DEFAULT_LIMITS, ...options.limits };
  // Opened lazily so construction stays synchronous; a failure to open is reported on every request.
  let opened: Promise<S3Store> | undefined;
  const store = () => (opened ??= options.dataDir === undefined ? createMemoryStore() : openDiskStore(options.dataDir));
  return {
    name: 's3',
    async handle(edgeRequest: EdgeRequest): Promise<EdgeResponse> {
      const ids = newRequestIds();
      try {
        const request = parseS3Request(edgeRequest, options.region);
        const operation = operations[resolveRoute(request)];
        const response = await operation({ request, store: await store(), limits });
        return { ...response, headers: { ...response.headers, ...requestIdHeaders(ids) } };
      } catch (error) {
        discardBody(edgeRequest.body);
        return serializeRestXmlError(error, ids, edgeRequest.method);
      }
    },
    async close(): Promise<void> {
      await opened?.catch(() => undefined);
    },
  };
}
