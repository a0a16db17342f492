// (method, bucket?, key?, query flags, header) → S3 operation, first match wins, as in the S3 API reference's
// request syntax for each action. Known-but-unsupported subresources fail as NotImplemented naming the operation;
// a method no route accepts fails as MethodNotAllowed.
import { MethodNotAllowed, NotImplemented } from './errors';
import type { S3Request } from './s3-request';

export const OPERATIONS = [
  'ListBuckets',
  'CreateBucket',
  'HeadBucket',
  'DeleteBucket',
  'GetBucketLocation',
  'ListObjects',
  'ListObjectsV2',
  'DeleteObjects',
  'PutObject',
  'GetObject',
  'HeadObject',
  'DeleteObject',
  'CopyObject',
  'CreateMultipartUpload',
  'UploadPart',
  'CompleteMultipartUpload',
  'AbortMultipartUpload',
  'ListParts',
] as const;
export type OperationName = (typeof OPERATIONS)[number];

type Target = 'service' | 'bucket' | 'object';

interface Route {
  readonly method: string;
  readonly target: Target;
  readonly query?: readonly string[];
  readonly header?: string;
  readonly operation: OperationName | `unsupported:${string}`;
}

const ROUTES: readonly Route[] = [
  { method: 'GET', target: 'service', operation: 'ListBuckets' },
  { method: 'GET', target: 'bucket', query: ['location'], operation: 'GetBucketLocation' },
  { method: 'GET', target: 'bucket', query: ['uploads'], operation: 'unsupported:ListMultipartUploads' },
  { method: 'GET', target: 'bucket', query: ['list-type'], operation: 'ListObjectsV2' },
  { method: 'GET', target: 'bucket', operation: 'ListObjects' },
  { method: 'PUT', target: 'bucket', operation: 'CreateBucket' },
  { method: 'HEAD', target: 'bucket', operation: 'HeadBucket' },
  { method: 'DELETE', target: 'bucket', operation: 'DeleteBucket' },
  { method: 'POST', target: 'bucket', query: ['delete'], operation: 'DeleteObjects' },
  { method: 'PUT', target: 'object', query: ['uploadId', 'partNumber'], header: 'x-amz-copy-source', operation: 'unsupported:UploadPartCopy' },
  { method: 'PUT', target: 'object', query: ['uploadId', 'partNumber'], operation: 'UploadPart' },
  { method: 'PUT', target: 'object', header: 'x-amz-copy-source', operation: 'CopyObject' },
  { method: 'PUT', target: 'object', operation: 'PutObject' },
  { method: 'GET', target: 'object', query: ['uploadId'], operation: 'ListParts' },
  { method: 'GET', target: 'object', operation: 'GetObject' },
  { method: 'HEAD', target: 'object', operation: 'HeadObject' },
  { method: 'DELETE', target: 'object', query: ['uploadId'], operation: 'AbortMultipartUpload' },
  { method: 'DELETE', target: 'object', operation: 'DeleteObject' },
  { method: 'POST', target: 'object', query: ['uploads'], operation: 'CreateMultipartUpload' },
  { method: 'POST', target: 'object', query: ['uploadId'], operation: 'CompleteMultipartUpload' },
];

// Subresource query flags of S3 APIs this endpoint does not serve, with the noun used in the operation's name.
const SUBRESOURCES: Readonly<Record<string, string>> = {
  acl: 'Acl',
  tagging: 'Tagging',
  versioning: 'Versioning',
  policy: 'Policy',
  policyStatus: 'PolicyStatus',
  cors: 'Cors',
  lifecycle: 'LifecycleConfiguration',
  encryption: 'Encryption',
  website: 'Website',
  logging: 'Logging',
  notification: 'NotificationConfiguration',
  replication: 'Replication',
  accelerate: 'AccelerateConfiguration',
  requestPayment: 'RequestPayment',
  ownershipControls: 'OwnershipControls',
  publicAccessBlock: 'PublicAccessBlock',
  'object-lock': 'ObjectLockConfiguration',
  analytics: 'AnalyticsConfiguration',
  inventory: 'InventoryConfiguration',
  metrics: 'MetricsConfiguration',
  'intelligent-tiering': 'IntelligentTieringConfiguration',
  retention: 'Retention',
  'legal-hold': 'LegalHold',
  attributes: 'Attributes',
  torrent: 'Torrent',
  session: 'CreateSession',
  versions: 'ListObjectVersions',
  restore: 'RestoreObject',
  select: 'SelectObjectContent',
};
const FULL_NAMES = new Set(['CreateSession', 'ListObjectVersions', 'RestoreObject', 'SelectObjectContent']);
const VERBS: Readonly<Record<string, string>> = { GET: 'Get', PUT: 'Put', DELETE: 'Delete', POST: 'Post', HEAD: 'Head' };

export function resolveRoute(request: S3Request): OperationName {
  const target: Target = request.bucket === undefined ? 'service' : request.key === undefined ? 'bucket' : 'object';
  rejectSubresources(request, target);
  const route = ROUTES.find(
    (r) =>
      r.method === request.method &&
      r.target === target &&
      (r.query ?? []).every((flag) => request.query.has(flag)) &&
      (r.header === undefined || request.headers[r.header] !== undefined),
  );
  if (!route) throw new MethodNotAllowed(request.method, target === 'service' ? 'SERVICE' : target === 'bucket' ? 'BUCKET' : 'OBJECT');
  if (route.operation.startsWith('unsupported:')) throw new NotImplemented(route.operation.slice('unsupported:'.length));
  return route.operation as OperationName;
}

function rejectSubresources(request: S3Request, target: Target): void {
  for (const flag of request.query.keys()) {
    const noun = SUBRESOURCES[flag];
    if (noun === undefined) continue;
    if (FULL_NAMES.has(noun)) throw new NotImplemented(noun);
    const scope = target === 'object' ? 'Object' : 'Bucket';
    throw new NotImplemented(`${VERBS[request.method] ?? request.method}${scope}${noun}`);
  }
}
