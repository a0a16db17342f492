// Which service a request is for, decided like LocalStack's edge: ordered rules, first match wins.
//   1. `/_localstack/...` internal routes (never a valid bucket name, so they cannot shadow S3), and the
//      sandbox's own `/_sandbox/...`: the console and the Step Functions private API (docs/console.md)
//   2. `X-Amz-Target: DynamoDB_20120810.*` / `AWSStepFunctions.*` (the awsJson1_0 services)
//   3. the SigV4 credential scope's service (Authorization header, or X-Amz-Credential of a presigned URL)
//   4. unsigned `GET /health` (LocalStack's legacy health path)
//   5. everything else is S3 (REST-XML, path- or virtual-host-style)
import type { EndpointService } from '../config/config';
import type { EdgeRequest } from './edge';

export type Route =
  | { readonly kind: 'service'; readonly service: EndpointService }
  | { readonly kind: 'localstack'; readonly path: string }
  /** The web console's pages and assets under `/_sandbox/console/`. */
  | { readonly kind: 'console'; readonly path: string }
  /** Signed for an AWS service this endpoint does not emulate (e.g. `sqs`). */
  | { readonly kind: 'unsupported'; readonly signingName: string };

/** The console's base path; its route is attached by the composition root (src/console). */
export const CONSOLE_PATH = '/_sandbox/console';
/** The Step Functions private API (EXPRESS histories), spoken like the public one. */
export const SANDBOX_API_PATH = '/_sandbox/stepfunctions';

const TARGET_PREFIXES: ReadonlyArray<readonly [string, EndpointService]> = [
  ['DynamoDB_20120810.', 'dynamodb'],
  ['AWSStepFunctions.', 'stepfunctions'],
];

/** SigV4 signing names → our services. Step Functions signs as `states`. */
const SIGNING_NAMES: Readonly<Record<string, EndpointService>> = { s3: 's3', dynamodb: 'dynamodb', states: 'stepfunctions' };

export function resolveService(request: EdgeRequest): Route {
  const path = pathOf(request.url);
  if (path === '/_localstack' || path.startsWith('/_localstack/')) return { kind: 'localstack', path };
  if (path === SANDBOX_API_PATH) return { kind: 'service', service: 'stepfunctions' };
  if (path === CONSOLE_PATH || path.startsWith(`${CONSOLE_PATH}/`)) return { kind: 'console', path };
  const target = request.headers['x-amz-target'] ?? '';
  for (const [prefix, service] of TARGET_PREFIXES) if (target.startsWith(prefix)) return { kind: 'service', service };
  const signingName = signingNameOf(request);
  if (signingName !== undefined) {
    const service = Object.hasOwn(SIGNING_NAMES, signingName) ? SIGNING_NAMES[signingName] : undefined;
    return service ? { kind: 'service', service } : { kind: 'unsupported', signingName };
  }
  if (path === '/health' && (request.method === 'GET' || request.method === 'HEAD')) return { kind: 'localstack', path };
  return { kind: 'service', service: 's3' };
}

/** The service part of `Credential=<key>/<date>/<region>/<service>/aws4_request`, if the request is SigV4-signed. */
function signingNameOf(request: EdgeRequest): string | undefined {
  const auth = request.headers.authorization ?? '';
  const fromHeader = /Credential=([^,\s]+)/.exec(auth)?.[1];
  const credential = fromHeader ?? queryParam(request.url, 'X-Amz-Credential');
  if (credential === undefined) return undefined;
  const parts = credential.split('/');
  return parts.length >= 5 ? parts[parts.length - 2] : undefined;
}

function pathOf(url: string): string {
  const q = url.indexOf('?');
  return q === -1 ? url : url.slice(0, q);
}

function queryParam(url: string, name: string): string | undefined {
  const q = url.indexOf('?');
  if (q === -1) return undefined;
  try {
    return new URLSearchParams(url.slice(q + 1)).get(name) ?? undefined;
  } catch {
    return undefined;
  }
}
