// A scripted TaskRunner for engine tests: resolves ARNs the way the real integrations name them in the
// history, returns scripted results or throws scripted errors per resource, and records every call.
import { StatesError } from '../../../src/engine/errors/states-error';
import type { ResolvedResource, TaskInvocation, TaskRunner } from '../../../src/engine/integrations/types';

export type TaskScript = (invocation: TaskInvocation) => unknown;

export interface RecordedCall {
  readonly arn: string;
  readonly args: unknown;
  readonly stateName: string;
}

const LEGACY_LAMBDA = /^arn:aws:lambda:[^:]+:\d+:function:[^:]+$/;
const OPTIMIZED = /^arn:aws:states:::(aws-sdk:)?([a-z0-9-]+):([A-Za-z0-9]+)(\.sync(?::2)?|\.waitForTaskToken)?$/;
const KNOWN_SERVICES = new Set(['lambda', 'dynamodb', 'states', 'sqs', 'sns', 's3']);

function resolveArn(arn: string): ResolvedResource | { unrecognized: string } {
  if (LEGACY_LAMBDA.test(arn)) return { arn, resourceType: 'lambda', resource: arn, pattern: 'REQUEST_RESPONSE', legacyLambda: true };
  const m = OPTIMIZED.exec(arn);
  if (!m || (!m[1] && !KNOWN_SERVICES.has(m[2])) || (m[2] === 'dynamodb' && !m[1] && m[3] === 'query')) {
    return {
      unrecognized: `The resource provided ${arn} is not recognized. The value is not a valid resource ARN, or the resource is not available in this region.`,
    };
  }
  const suffix = m[4] ?? '';
  return {
    arn,
    resourceType: m[1] ? `aws-sdk:${m[2]}` : m[2],
    resource: `${m[3]}${suffix}`,
    pattern: suffix.startsWith('.sync') ? 'RUN_JOB' : suffix ? 'WAIT_FOR_TASK_TOKEN' : 'REQUEST_RESPONSE',
    ...(suffix === '.sync:2' ? { syncVersion: 2 as const } : suffix === '.sync' ? { syncVersion: 1 as const } : {}),
  };
}

export class FakeTaskRunner implements TaskRunner {
  readonly calls: RecordedCall[] = [];
  private readonly queues = new Map<string, TaskScript[]>();

  /** Each ARN gets a list of scripts used one per call; the last one repeats. Unscripted ARNs echo their args. */
  constructor(scripts: Record<string, TaskScript | TaskScript[]> = {}) {
    for (const [arn, script] of Object.entries(scripts)) this.queues.set(arn, Array.isArray(script) ? [...script] : [script]);
  }

  resolve(arn: string): ResolvedResource | { unrecognized: string } {
    return resolveArn(arn);
  }

  async invoke(invocation: TaskInvocation): Promise<unknown> {
    this.calls.push({ arn: invocation.resource.arn, args: invocation.args, stateName: invocation.stateName });
    const queue = this.queues.get(invocation.resource.arn);
    if (!queue) return invocation.args;
    const script = queue.length > 1 ? (queue.shift() as TaskScript) : queue[0];
    return script(invocation);
  }
}

/** Script helpers. */
export const returns =
  (value: unknown): TaskScript =>
  () =>
    value;
export const fails =
  (error: string, cause?: string): TaskScript =>
  () => {
    throw new StatesError(error, cause);
  };
/** Never settles on its own; rejects when the invocation is aborted. */
export const hangs: TaskScript = (invocation) =>
  new Promise((_, reject) => invocation.signal.addEventListener('abort', () => reject(invocation.signal.reason), { once: true }));
