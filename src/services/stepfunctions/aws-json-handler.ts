// The awsJson1_0 front of the service: `POST /` with `X-Amz-Target: AWSStepFunctions.<Op>` and a JSON
// body of at most 1 MiB (the API request quota, docs/aws-behaviour.md#api-limits). Pipeline in AWS's order: target, body size,
// JSON (SerializationException), member types and constraints (validate-input.ts), then the operation.
import { randomUUID } from 'node:crypto';
import type { EdgeRequest, EdgeResponse } from '../../server/edge';
import { awsJsonResponse, serializeAwsJsonError } from '../../server/protocols/aws-json';
import { readBody } from '../../server/read-body';
import { ServiceError } from '../../server/service-error';
import { SerializationException, UnknownOperationException } from './errors';
import { scanJson } from './jackson-json';
import type { OperationContext } from './operation';
import { operations, type AnyOperation } from './operations';
import { validateInput } from './validate-input';
import { toWire } from './wire';

export const TARGET_PREFIX = 'AWSStepFunctions.';
export const REQUEST_LIMIT_BYTES = 1024 * 1024;

export async function handleAwsJson(ctx: OperationContext, request: EdgeRequest): Promise<EdgeResponse> {
  const requestId = randomUUID();
  try {
    const body = await readBody(request.body, REQUEST_LIMIT_BYTES);
    const operation = resolveOperation(request);
    const input = validateInput<object>(operation.input, parseBody(body.toString('utf8')));
    return awsJsonResponse(toWire(await operation.handle(ctx, input)), requestId);
  } catch (err) {
    return serializeAwsJsonError(asServiceError(err), requestId);
  }
}

function resolveOperation(request: EdgeRequest): AnyOperation {
  const target = request.headers['x-amz-target'] ?? '';
  const name = target.startsWith(TARGET_PREFIX) ? target.slice(TARGET_PREFIX.length) : '';
  const operation = Object.hasOwn(operations, name) ? operations[name] : undefined;
  if (request.method !== 'POST' || !operation) throw new UnknownOperationException(target || `${request.method} ${request.url}`);
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

function asServiceError(err: unknown): ServiceError {
  if (err instanceof ServiceError) return err;
  const message = err instanceof Error ? err.message : String(err);
  return new ServiceError('InternalFailure', `Internal error in the Step Functions emulator: ${message}`, 500);
}
