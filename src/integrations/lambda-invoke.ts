// Lambda, served by local handler modules: the optimized `arn:aws:states:::lambda:invoke` (result
// wrapped in ExecutedVersion/Payload/StatusCode plus SDK metadata) and the legacy function-ARN resource
// (result = the function's output). A function error fails the task with its errorType as error name
// and the runtime's JSON error document as cause (docs/aws-behaviour.md#lambda-invoke).
// https://docs.aws.amazon.com/step-functions/latest/dg/connect-lambda.html
import { randomBytes, randomUUID } from 'node:crypto';
import { StatesError, type ResolvedResource, type TaskInvocation } from '../engine';
import type { Integration, IntegrationContext } from './integration';
import { functionNotFound, lambdaValidationError, parseFunctionName, type FunctionRef } from './lambda-function-name';
import { callHandler, LambdaFunctionError, loadHandler, type LambdaContext, type LambdaHandlerMap } from './lambda-handlers';
import { sdkMetadata, withSdkMetadata, type CapturedHttp } from './sdk-http-metadata';
import { objectArgs, parseJsonOrText } from './task-json';

const INVOCATION_TYPES = ['RequestResponse', 'Event', 'DryRun'];
// Lambda's maximum timeout: what getRemainingTimeInMillis counts down from (no timeout is enforced).
const FUNCTION_TIMEOUT_MS = 900_000;

export function createLambdaIntegration(context: IntegrationContext): Integration {
  return {
    resolve(arn, raw): ResolvedResource | undefined {
      if (arn.kind === 'lambda-function') return { arn: raw, resourceType: 'lambda', resource: raw, pattern: 'REQUEST_RESPONSE', legacyLambda: true };
      if (arn.kind !== 'service' || arn.service !== 'lambda' || arn.action !== 'invoke') return undefined;
      if (arn.suffix === 'waitForTaskToken') return { arn: raw, resourceType: 'lambda', resource: 'invoke.waitForTaskToken', pattern: 'WAIT_FOR_TASK_TOKEN' };
      if (arn.suffix !== undefined) return undefined;
      return { arn: raw, resourceType: 'lambda', resource: 'invoke', pattern: 'REQUEST_RESPONSE' };
    },
    invoke: (invocation) => (invocation.resource.legacyLambda ? invokeLegacy(context, invocation) : invokeOptimized(context, invocation)),
  };
}

async function invokeLegacy(context: IntegrationContext, invocation: TaskInvocation): Promise<unknown> {
  const requestId = randomUUID();
  const ref = parseFunctionName(invocation.resource.arn, undefined, context, requestId);
  const fn = { ref, handler: findHandler(context, ref, requestId), requestId };
  return parseJsonOrText(await run(context, fn, eventFrom(invocation.args), invocation.signal));
}

async function invokeOptimized(context: IntegrationContext, invocation: TaskInvocation): Promise<unknown> {
  const requestId = randomUUID();
  const args = objectArgs(invocation);
  const ref = parseFunctionName(args.FunctionName, args.Qualifier, context, requestId);
  const invocationType = args.InvocationType ?? 'RequestResponse';
  if (typeof invocationType !== 'string' || !INVOCATION_TYPES.includes(invocationType)) {
    const message = `1 validation error detected: Value '${typeof invocationType === 'string' ? invocationType : JSON.stringify(invocationType)}' at 'invocationType' failed to satisfy constraint: Member must satisfy enum value set: [Event, RequestResponse, DryRun]`;
    throw lambdaValidationError(message, requestId);
  }
  const event = 'Payload' in args ? payloadEvent(args.Payload) : {};
  const fn = { ref, handler: findHandler(context, ref, requestId), requestId };
  if (invocationType === 'RequestResponse') {
    const payload = await run(context, fn, event, invocation.signal);
    const members = { ExecutedVersion: '$LATEST', Payload: parseJsonOrText(payload), StatusCode: 200 };
    return withSdkMetadata(members, sdkMetadata(lambdaHttp(context, requestId, 200, payload), requestId));
  }
  // [UNCONFIRMED] Event (202) and DryRun (204) carry no payload and no executed version on the Lambda
  // API; we report the empty payload as "". An Event invocation runs detached and its failure is dropped.
  if (invocationType === 'Event') void run(context, fn, event, new AbortController().signal).catch(() => undefined);
  const status = invocationType === 'Event' ? 202 : 204;
  return withSdkMetadata({ Payload: '', StatusCode: status }, sdkMetadata(lambdaHttp(context, requestId, status, ''), requestId));
}

interface FoundFunction {
  readonly ref: FunctionRef;
  readonly handler: LambdaHandlerMap[string];
  readonly requestId: string;
}

/** Runs the function and returns its response document (JSON text), or throws its error. */
async function run(context: IntegrationContext, fn: FoundFunction, event: unknown, signal: AbortSignal): Promise<string> {
  const { requestId } = fn;
  try {
    const result = await callHandler(loadHandler(fn.handler), event, lambdaContext(context, fn.ref, requestId), signal);
    // The runtime serialises the result; an undefined result is sent as null.
    return JSON.stringify(result === undefined ? null : result);
  } catch (thrown) {
    if (signal.aborted || thrown instanceof StatesError) throw thrown;
    const failure = LambdaFunctionError.from(thrown);
    const document = { errorMessage: failure.errorMessage, errorType: failure.errorType, requestId, stackTrace: failure.stackTrace };
    throw new StatesError(failure.errorType, JSON.stringify(document));
  }
}

function findHandler(context: IntegrationContext, ref: FunctionRef, requestId: string): LambdaHandlerMap[string] {
  if (!Object.hasOwn(context.lambdaHandlers, ref.name)) throw functionNotFound(ref, requestId);
  return context.lambdaHandlers[ref.name];
}

/** Payload is serialised to the request body: JSON text is sent as is, any other value as its JSON. */
function payloadEvent(payload: unknown): unknown {
  if (payload === null || payload === undefined) return {};
  return typeof payload === 'string' ? parseJsonOrText(payload) : eventFrom(payload);
}

/** The function receives a copy, as it would after crossing the wire. */
function eventFrom(value: unknown): unknown {
  return value === undefined ? {} : JSON.parse(JSON.stringify(value));
}

function lambdaContext(context: IntegrationContext, ref: FunctionRef, requestId: string): LambdaContext {
  const deadline = context.clock.now().getTime() + FUNCTION_TIMEOUT_MS;
  const day = context.clock.now().toISOString().slice(0, 10).replace(/-/g, '/');
  return {
    functionName: ref.name,
    functionVersion: '$LATEST',
    invokedFunctionArn: ref.invokedArn,
    memoryLimitInMB: '128',
    awsRequestId: requestId,
    logGroupName: `/aws/lambda/${ref.name}`,
    logStreamName: `${day}/[$LATEST]${randomBytes(16).toString('hex')}`,
    callbackWaitsForEmptyEventLoop: true,
    getRemainingTimeInMillis: () => Math.max(0, deadline - context.clock.now().getTime()),
  };
}

/** The response headers Lambda's Invoke sends, in its order (recorded in real executions). */
function lambdaHttp(context: IntegrationContext, requestId: string, status: number, payload: string): CapturedHttp {
  const now = context.clock.now();
  const traceId = `root=1-${Math.floor(now.getTime() / 1000).toString(16)}-${randomBytes(12).toString('hex')};sampled=0`;
  const headers: Array<readonly [string, string]> = status === 200 ? [['X-Amz-Executed-Version', '$LATEST']] : [];
  headers.push(
    ['x-amzn-Remapped-Content-Length', '0'],
    ['Connection', 'keep-alive'],
    ['x-amzn-RequestId', requestId],
    ['Content-Length', String(Buffer.byteLength(payload))],
    ['Date', now.toUTCString()],
    ['X-Amzn-Trace-Id', traceId],
    ['Content-Type', 'application/json'],
  );
  return { statusCode: status, headers };
}
