import { join } from 'node:path';
import { ScaledClock } from '../../src/engine/runtime/clock';
import { checkTaskResult } from '../../src/engine/index';
import type { LambdaHandlerMap } from '../../src/integrations/lambda-handlers';
import { createTaskRunner } from '../../src/integrations/task-runner';
import { failureOf, invocation } from './support/invocation';
import { unreachableClients } from './support/fake-request-handler';

const fixture = (name: string) => join(__dirname, 'support', 'lambda-fixtures', `${name}.ts`);
const handlers: LambdaHandlerMap = {
  echo: fixture('echo'),
  failing: fixture('failing'),
  callback: fixture('callback'),
  oversized: fixture('oversized'),
  broken: fixture('no-handler'),
  unloadable: fixture('does-not-exist'),
  inline: async (event) => ({ inline: event }),
  throwsString: () => {
    throw 'plain string';
  },
};
const runner = createTaskRunner({
  clients: unreachableClients('Lambda handlers run locally'),
  region: 'us-east-1',
  accountId: '000000000000',
  clock: new ScaledClock(0),
  lambdaHandlers: handlers,
});
const INVOKE = 'arn:aws:states:::lambda:invoke';
const invoke = (args: unknown, signal?: AbortSignal) => runner.invoke(invocation(runner, INVOKE, args, { signal }));

/** What the Task state makes of an answer: the engine checks every Task result's size (checkTaskResult). */
async function asTaskResult(arn: string, args: unknown): Promise<unknown> {
  const task = invocation(runner, arn, args);
  const result = await runner.invoke(task);
  checkTaskResult(result, task.resource);
  return result;
}
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

describe('lambda:invoke with local handlers', () => {
  it('resolves the optimized and the legacy resources', () => {
    expect(runner.resolve(INVOKE)).toEqual({ arn: INVOKE, resourceType: 'lambda', resource: 'invoke', pattern: 'REQUEST_RESPONSE' });
    const legacy = 'arn:aws:lambda:us-east-1:000000000000:function:echo';
    expect(runner.resolve(legacy)).toEqual({ arn: legacy, resourceType: 'lambda', resource: legacy, pattern: 'REQUEST_RESPONSE', legacyLambda: true });
    expect(runner.resolve('arn:aws:states:::lambda:invoke.waitForTaskToken')).toEqual({
      arn: 'arn:aws:states:::lambda:invoke.waitForTaskToken',
      resourceType: 'lambda',
      resource: 'invoke.waitForTaskToken',
      pattern: 'WAIT_FOR_TASK_TOKEN',
    });
    expect(runner.resolve('arn:aws:states:::lambda:invoke.sync')).toHaveProperty('unrecognized');
  });

  it('wraps the function response with ExecutedVersion, Payload, StatusCode and SDK metadata', async () => {
    const result = (await invoke({ FunctionName: 'echo', Payload: { order: 1 } })) as Record<string, any>;
    expect(Object.keys(result)).toEqual(['ExecutedVersion', 'Payload', 'SdkHttpMetadata', 'SdkResponseMetadata', 'StatusCode']);
    expect(result.ExecutedVersion).toBe('$LATEST');
    expect(result.StatusCode).toBe(200);
    expect(result.Payload).toEqual({
      event: { order: 1 },
      functionName: 'echo',
      invokedFunctionArn: 'arn:aws:lambda:us-east-1:000000000000:function:echo',
      requestId: result.SdkResponseMetadata.RequestId,
    });
    expect(result.SdkResponseMetadata.RequestId).toMatch(UUID);
    const headers = result.SdkHttpMetadata.HttpHeaders;
    expect(headers).toMatchObject({
      'Content-Type': 'application/json',
      'X-Amz-Executed-Version': '$LATEST',
      'x-amzn-RequestId': result.SdkResponseMetadata.RequestId,
    });
    expect(Number(headers['Content-Length'])).toBe(Buffer.byteLength(JSON.stringify(result.Payload)));
    expect(result.SdkHttpMetadata.AllHttpHeaders['X-Amz-Executed-Version']).toEqual(['$LATEST']);
    expect(result.SdkHttpMetadata.HttpStatusCode).toBe(200);
  });

  it('accepts a function ARN or name:alias as FunctionName', async () => {
    const byArn = (await invoke({ FunctionName: 'arn:aws:lambda:eu-west-1:123456789012:function:echo:prod' })) as { Payload: Record<string, unknown> };
    expect(byArn.Payload).toMatchObject({ event: {}, invokedFunctionArn: 'arn:aws:lambda:eu-west-1:123456789012:function:echo:prod' });
    const byAlias = (await invoke({ FunctionName: 'echo:live', Payload: '{"asJson":true}' })) as { Payload: Record<string, unknown> };
    expect(byAlias.Payload).toMatchObject({ event: { asJson: true }, invokedFunctionArn: 'arn:aws:lambda:us-east-1:000000000000:function:echo:live' });
  });

  it('serves callback-style and in-process handlers; non-JSON string payloads arrive as strings', async () => {
    expect(await invoke({ FunctionName: 'callback', Payload: { n: 21 } })).toMatchObject({ Payload: { doubled: 42 } });
    expect(await invoke({ FunctionName: 'inline', Payload: 'not json' })).toMatchObject({ Payload: { inline: 'not json' } });
  });

  it('a thrown error fails with its name and the runtime error document as cause', async () => {
    const failure = await failureOf(invoke({ FunctionName: 'failing', Payload: { reason: 'no stock' } }));
    expect(failure.error).toBe('CustomError');
    const cause = JSON.parse(failure.cause!);
    expect(Object.keys(cause)).toEqual(['errorMessage', 'errorType', 'requestId', 'stackTrace']);
    expect(cause).toMatchObject({ errorMessage: 'no stock', errorType: 'CustomError', requestId: expect.stringMatching(UUID) });
    expect(cause.stackTrace[0]).toMatch(/^at .*failing\.ts/);
  });

  it('a thrown non-Error is typed by typeof, as the Node.js runtime does', async () => {
    const failure = await failureOf(invoke({ FunctionName: 'throwsString' }));
    expect(failure.error).toBe('string');
    expect(JSON.parse(failure.cause!)).toMatchObject({ errorMessage: 'plain string', errorType: 'string', stackTrace: [] });
  });

  it('a missing function fails with Lambda.ResourceNotFoundException', async () => {
    const failure = await failureOf(invoke({ FunctionName: 'nobody', Payload: {} }));
    expect(failure.error).toBe('Lambda.ResourceNotFoundException');
    expect(failure.cause).toMatch(
      /^Function not found: arn:aws:lambda:us-east-1:000000000000:function:nobody:\$LATEST \(Service: AWSLambda; Status Code: 404; Error Code: ResourceNotFoundException; Request ID: [0-9a-f-]{36}; Proxy: null\)$/,
    );
  });

  it('module problems surface as the runtime init errors', async () => {
    const broken = await failureOf(invoke({ FunctionName: 'broken' }));
    expect(broken.error).toBe('Runtime.HandlerNotFound');
    expect(JSON.parse(broken.cause!).errorMessage).toBe(`${fixture('no-handler')}.handler is undefined or not exported`);
    const unloadable = await failureOf(invoke({ FunctionName: 'unloadable' }));
    expect(unloadable.error).toBe('Runtime.ImportModuleError');
    expect(JSON.parse(unloadable.cause!).errorMessage).toMatch(/^Error: Cannot find module/);
  });

  it('invalid FunctionName or InvocationType fail as Lambda.AWSLambdaException validation errors', async () => {
    const missing = await failureOf(invoke({ Payload: {} }));
    expect(missing.error).toBe('Lambda.AWSLambdaException');
    expect(missing.cause).toMatch(
      /^1 validation error detected: Value null at 'functionName' failed to satisfy constraint: Member must not be null \(Service: AWSLambda; Status Code: 400; Error Code: ValidationException; Request ID: \S+; Proxy: null\)$/,
    );
    const badName = await failureOf(invoke({ FunctionName: 'bad name!' }));
    expect(badName.cause).toMatch(
      /^1 validation error detected: Value 'bad name!' at 'functionName' failed to satisfy constraint: Member must satisfy regular expression pattern/,
    );
    const badType = await failureOf(invoke({ FunctionName: 'echo', InvocationType: 'Later' }));
    expect(badType.cause).toMatch(
      /Value 'Later' at 'invocationType' failed to satisfy constraint: Member must satisfy enum value set: \[Event, RequestResponse, DryRun\]/,
    );
  });

  it('DryRun checks the function without running it; Event answers 202 without a payload', async () => {
    expect(await invoke({ FunctionName: 'echo', InvocationType: 'DryRun' })).toMatchObject({ Payload: '', StatusCode: 204 });
    const event = (await invoke({ FunctionName: 'echo', InvocationType: 'Event' })) as Record<string, unknown>;
    expect(event).toMatchObject({ Payload: '', StatusCode: 202 });
    expect(event).not.toHaveProperty('ExecutedVersion');
    expect((await failureOf(invoke({ FunctionName: 'nobody', InvocationType: 'DryRun' }))).error).toBe('Lambda.ResourceNotFoundException');
  });

  it('a response over 256 KiB fails with States.DataLimitExceeded naming the resource type', async () => {
    const failure = await failureOf(asTaskResult(INVOKE, { FunctionName: 'oversized' }));
    expect(failure).toEqual({
      error: 'States.DataLimitExceeded',
      cause: "The state/task 'lambda' returned a result with a size exceeding the maximum number of bytes service limit.",
    });
  });

  it('stops waiting for a function when the task is aborted', async () => {
    const controller = new AbortController();
    const reason = new Error('stop');
    const waiting = createTaskRunner({
      clients: unreachableClients('unused'),
      region: 'us-east-1',
      accountId: '000000000000',
      clock: new ScaledClock(0),
      lambdaHandlers: { forever: () => new Promise(() => controller.abort(reason)) },
    });
    await expect(waiting.invoke(invocation(waiting, INVOKE, { FunctionName: 'forever' }, { signal: controller.signal }))).rejects.toBe(reason);
  });
});

describe('legacy Lambda function resource', () => {
  const legacy = (name: string, args: unknown) => runner.invoke(invocation(runner, `arn:aws:lambda:us-east-1:000000000000:function:${name}`, args));

  it('returns the function output itself, with the state input as event', async () => {
    expect(await legacy('inline', { a: 1 })).toEqual({ inline: { a: 1 } });
  });

  it('errors carry the function error; oversized results name the function ARN', async () => {
    expect((await failureOf(legacy('failing', {}))).error).toBe('CustomError');
    const failure = await failureOf(asTaskResult('arn:aws:lambda:us-east-1:000000000000:function:oversized', {}));
    expect(failure.cause).toBe(
      "The state/task 'arn:aws:lambda:us-east-1:000000000000:function:oversized' returned a result with a size exceeding the maximum number of bytes service limit.",
    );
  });
});
