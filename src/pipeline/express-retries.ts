// Counts the task attempts a run retried and how many of them were throttled. The retries happen inside the
// EXPRESS children (the Map Run's children and the executions they start), and AWS keeps no history for EXPRESS
// executions (https://docs.aws.amazon.com/step-functions/latest/dg/choosing-workflow-type.html); the sandbox keeps
// the latest ones and serves them through its private API (docs/console.md), so the count exists only there.
import type { HistoryEvent } from '@aws-sdk/client-sfn';

/** What the run's EXPRESS histories say about retries, or why they cannot say. */
export type RetryCount =
  | {
      /** Failed task attempts (TaskFailed, TaskTimedOut) after which the same task was scheduled again. */
      readonly retried: number;
      /** Those of them whose error is a throttling error. */
      readonly throttled: number;
      /** EXPRESS histories read: the Map Run's children and the executions they started. */
      readonly histories: number;
      /** Histories the sandbox no longer keeps (SANDBOX_EXPRESS_HISTORIES bounds them): the counts are partial. */
      readonly missing: number;
    }
  | { readonly unavailable: string };

/** Calls one action of the sandbox's private Step Functions API; undefined when it does not answer as the sandbox. */
type SandboxCall = (action: string, body: object) => Promise<Record<string, unknown> | undefined>;

/** The error names (after the service prefix, e.g. `DynamoDB.`) AWS services use when they throttle a caller. */
const THROTTLING = new Set([
  'ProvisionedThroughputExceededException',
  'ThrottlingException',
  'Throttling',
  'ThrottledException',
  'RequestLimitExceeded',
  'TooManyRequestsException',
  'SlowDown',
]);

const PARALLEL_READS = 8;

function isThrottling(error: string | undefined): boolean {
  return THROTTLING.has((error ?? '').split('.').pop() ?? '');
}

/**
 * Counts over the kept histories of the Map Run's children. `endpointUrl` is the Step Functions endpoint of the
 * target (undefined: real AWS); `children` is how many child executions the Map Run started.
 */
export async function countRetries(endpointUrl: string | undefined, mapRunArn: string, children: number): Promise<RetryCount> {
  if (endpointUrl === undefined) return { unavailable: 'AWS keeps no history for EXPRESS executions, so retries inside the children cannot be counted' };
  const call = privateApi(endpointUrl);
  const kept = await listChildren(call, mapRunArn);
  if (kept === undefined)
    return { unavailable: `${endpointUrl} is not the sandbox: it keeps no EXPRESS history, so retries inside the children cannot be counted` };
  const count = { retried: 0, throttled: 0, histories: 0, missing: Math.max(0, children - kept.length) };
  const queue = [...kept];
  const worker = async () => {
    for (let arn = queue.shift(); arn !== undefined; arn = queue.shift()) {
      const events = await readHistory(call, arn);
      if (events === undefined) {
        count.missing++;
        continue;
      }
      count.histories++;
      const found = retriesIn(events);
      count.retried += found.retried;
      count.throttled += found.throttled;
      queue.push(...startedExecutions(events));
    }
  };
  await Promise.all(Array.from({ length: PARALLEL_READS }, worker));
  return count;
}

/** Failed task attempts followed by another attempt: a retry's TaskScheduled names the failure as its previous event. */
function retriesIn(events: readonly HistoryEvent[]): { retried: number; throttled: number } {
  const failures = new Map<number, string | undefined>();
  for (const e of events) {
    if (e.type === 'TaskFailed') failures.set(e.id!, e.taskFailedEventDetails?.error);
    else if (e.type === 'TaskTimedOut') failures.set(e.id!, e.taskTimedOutEventDetails?.error);
  }
  let retried = 0;
  let throttled = 0;
  for (const e of events) {
    if (e.type !== 'TaskScheduled' || !failures.has(e.previousEventId!)) continue;
    retried++;
    if (isThrottling(failures.get(e.previousEventId!))) throttled++;
  }
  return { retried, throttled };
}

/** The EXPRESS executions a history's Step Functions tasks started (StartSyncExecution answers with their ARN). */
function startedExecutions(events: readonly HistoryEvent[]): string[] {
  const arns: string[] = [];
  for (const e of events) {
    const details = e.taskSucceededEventDetails;
    if (e.type !== 'TaskSucceeded' || details?.resourceType !== 'aws-sdk:sfn' || details.output === undefined) continue;
    try {
      const arn = (JSON.parse(details.output) as { ExecutionArn?: unknown }).ExecutionArn;
      if (typeof arn === 'string' && arn.includes(':express:')) arns.push(arn);
    } catch {
      // An output that is not JSON names no execution.
    }
  }
  return arns;
}

async function listChildren(call: SandboxCall, mapRunArn: string): Promise<string[] | undefined> {
  const executions = await allPages<{ executionArn: string }>(call, 'ListExpressExecutions', { mapRunArn }, 'executions');
  return executions?.map((e) => e.executionArn);
}

/** undefined when the history has been dropped since it was listed. */
function readHistory(call: SandboxCall, executionArn: string): Promise<HistoryEvent[] | undefined> {
  return allPages<HistoryEvent>(call, 'GetExpressExecutionHistory', { executionArn }, 'events');
}

/** Every page of a private list action, or undefined when a page lacks its list. */
async function allPages<T>(call: SandboxCall, action: string, input: object, field: string): Promise<T[] | undefined> {
  const all: T[] = [];
  let nextToken: string | undefined;
  do {
    const page = await call(action, { ...input, maxResults: 1000, nextToken });
    const list = page?.[field];
    if (!Array.isArray(list)) return undefined;
    all.push(...(list as T[]));
    nextToken = page?.nextToken as string | undefined;
  } while (nextToken);
  return all;
}

function privateApi(endpointUrl: string): SandboxCall {
  const url = `${endpointUrl.replace(/\/+$/, '')}/_sandbox/stepfunctions`;
  return async (action, body) => {
    let response: Response;
    try {
      response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/x-amz-json-1.0', 'x-amz-target': `SandboxStepFunctions.${action}` },
        body: JSON.stringify(body),
      });
    } catch {
      return undefined;
    }
    const text = await response.text();
    if (!response.ok) return undefined;
    try {
      return JSON.parse(text) as Record<string, unknown>;
    } catch {
      return undefined;
    }
  };
}
