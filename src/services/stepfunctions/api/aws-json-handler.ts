// The awsJson1_0 front of the service: `POST /` with `X-Amz-Target: AWSStepFunctions.<Op>` and a JSON
// body of at most 1 MiB (the API request quota, docs/aws-behaviour.md#api-limits). Pipeline in AWS's order: target, body size,
// JSON (SerializationException), member types and constraints (validate-input.ts), then the operation.
import { randomUUID } from 'node:crypto';
import type { EdgeRequest, EdgeResponse } from '../../../server/edge';
import { awsJsonResponse, serializeAwsJsonError, UnknownOperationException } from '../../../server/protocols/aws-json';
import { readBody } from '../../../server/read-body';
import { SANDBOX_API_PATH } from '../../../server/resolve-service';
import { SerializationException } from './errors';
import { scanJson } from './jackson-json';
import type { OperationContext } from './operation';
import { operations, type AnyOperation } from './operations';
import { sandboxOperations } from './sandbox-operations';
import { validateInput } from './validate-input';
import { toWire } from './wire';

export const TARGET_PREFIX = 'AWSStepFunctions.';
export const REQUEST_LIMIT_BYTES = 1024 * 1024;

/** An operation table and the X-Amz-Target prefix that selects it. */
export interface ApiSurface {
  readonly prefix: string;
  readonly operations: Readonly<Record<string, AnyOperation>>;
}

export const AWS_API: ApiSurface = { prefix: TARGET_PREFIX, operations };

/**
 * The sandbox's private API, for what AWS has no API for (EXPRESS histories, docs/console.md):
 * `POST /_sandbox/stepfunctions` with `X-Amz-Target: SandboxStepFunctions.<Op>`, same wire format.
 */
export const SANDBOX_API: ApiSurface = { prefix: 'SandboxStepFunctions.', operations: sandboxOperations };

export function isSandboxApi(request: EdgeRequest): boolean {
  return request.url.split('?')[0] === SANDBOX_API_PATH;
}

export async function handleAwsJson(ctx: OperationContext, request: EdgeRequest, api: ApiSurface = AWS_API): Promise<EdgeResponse> {
  const requestId = randomUUID();
  try {
    const body = await readBody(request.body, REQUEST_LIMIT_BYTES);
    const operation = resolveOperation(request, api);
    const input = validateInput<object>(operation.input, parseBody(body.toString('utf8')));
    return awsJsonResponse(toWire(await operation.handle(ctx, input)), requestId);
  } catch (err) {
    return serializeAwsJsonError(err, requestId);
  }
}

function resolveOperation(request: EdgeRequest, api: ApiSurface): AnyOperation {
  const target = request.headers['x-amz-target'] ?? '';
  const name = target.startsWith(api.prefix) ? target.slice(api.prefix.length) : '';
  const operation = Object.hasOwn(api.operations, name) ? api.operations[name] : undefined;
  if (request.method !== 'POST' || !operation)
    throw new UnknownOperationException(target || `${request.method} ${request.url}`, 'not an operation of stepfunctions');
  return operation;
}

function parseBody(text: string): Record<string, unknown> {
  // SDKs send "{}" for empty inputs; an empty body means the same.
  if (text.trim() === '') return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (err) {
    const scan = scanJson(text);
    throw new SerializationException(scan.ok ? (err as Error).message : scan.message);
  }
  if (Array.isArray(parsed)) throw new SerializationException('Start of list found where not expected');
  if (typeof parsed !== 'object' || parsed === null) throw new SerializationException('Unexpected field type');
  return parsed as Record<string, unknown>;
}
