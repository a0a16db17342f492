// Local stand-ins for Lambda functions: a function name maps to a handler, given directly or as the
// path of a TS/JS module exporting `handler(event, context)` (loaded with require(); tsx and ts-jest
// compile .ts at dev time). Errors follow the Node.js runtime's shapes so Step Functions sees the
// same error names it would on AWS.
import { resolve } from 'node:path';

export interface LambdaContext {
  readonly functionName: string;
  readonly functionVersion: string;
  readonly invokedFunctionArn: string;
  readonly memoryLimitInMB: string;
  readonly awsRequestId: string;
  readonly logGroupName: string;
  readonly logStreamName: string;
  callbackWaitsForEmptyEventLoop: boolean;
  getRemainingTimeInMillis(): number;
}

type LambdaCallback = (error?: unknown, result?: unknown) => void;
export type LambdaHandler = (event: unknown, context: LambdaContext, callback: LambdaCallback) => unknown;
/** Function name → handler, or path (relative paths resolve against the working directory) of a module exporting `handler`. */
export type LambdaHandlerMap = Readonly<Record<string, string | LambdaHandler>>;

/** A failure reported the way the Lambda runtime reports it: errorType becomes the Step Functions error. */
export class LambdaFunctionError extends Error {
  constructor(
    readonly errorType: string,
    readonly errorMessage: string,
    readonly stackTrace: readonly string[],
  ) {
    super(errorMessage);
    this.name = errorType;
  }

  /** Mirrors the Node.js runtime: native errors keep name/message/stack, anything else is typed by `typeof`. */
  static from(thrown: unknown): LambdaFunctionError {
    if (thrown instanceof LambdaFunctionError) return thrown;
    if (thrown instanceof Error) {
      const stack = (thrown.stack ?? '')
        .split('\n')
        .slice(1)
        .map((line) => line.trim())
        .filter(Boolean);
      return new LambdaFunctionError(thrown.name, thrown.message, stack);
    }
    return new LambdaFunctionError(typeof thrown, String(thrown), []);
  }
}

const loaded = new Map<string, LambdaHandler>();

/** The handler for a map entry; module load problems surface as the runtime's init errors. */
export function loadHandler(entry: string | LambdaHandler): LambdaHandler {
  if (typeof entry === 'function') return entry;
  const path = resolve(entry);
  const cached = loaded.get(path);
  if (cached) return cached;
  let module: { handler?: unknown };
  try {
    // require(), not import(): handler modules are chosen at run time and may be TS compiled by tsx/ts-jest.
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- a module path known only at run time
    module = require(path) as { handler?: unknown };
  } catch (thrown) {
    const reason = thrown instanceof Error ? `${thrown.name}: ${thrown.message}` : String(thrown);
    throw new LambdaFunctionError('Runtime.ImportModuleError', reason, []);
  }
  if (typeof module.handler !== 'function') {
    throw new LambdaFunctionError('Runtime.HandlerNotFound', `${entry}.handler is undefined or not exported`, []);
  }
  const handler = module.handler as LambdaHandler;
  loaded.set(path, handler);
  return handler;
}

/** Runs an async or callback-style handler; the result is whatever it resolves or calls back with. */
export function callHandler(handler: LambdaHandler, event: unknown, context: LambdaContext, signal: AbortSignal): Promise<unknown> {
  return new Promise((resolvePromise, reject) => {
    // A running function cannot be interrupted; the task stops waiting for it instead.
    const onAbort = () => reject(signal.reason);
    if (signal.aborted) return onAbort();
    signal.addEventListener('abort', onAbort, { once: true });
    const settle = (error: unknown, result?: unknown) => {
      signal.removeEventListener('abort', onAbort);
      if (error !== undefined && error !== null) reject(error);
      else resolvePromise(result);
    };
    try {
      const returned = handler(event, context, (error, result) => settle(error, result));
      if (isPromiseLike(returned))
        returned.then(
          (result) => settle(undefined, result),
          (error: unknown) => settle(error ?? new Error('Promise rejected')),
        );
      else if (handler.length < 3) settle(undefined, returned);
    } catch (thrown) {
      settle(thrown ?? new Error('Handler threw'));
    }
  });
}

function isPromiseLike(value: unknown): value is PromiseLike<unknown> {
  return value !== null && (typeof value === 'object' || typeof value === 'function') && typeof (value as PromiseLike<unknown>).then === 'function';
}
