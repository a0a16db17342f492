// The TaskRunner the engine's Task state calls (src/engine/integrations/types.ts): resolves a Resource
// ARN to the one integration that serves it, and runs tasks with the common rules — abort wins over
// whatever the aborted call reported, and oversized results fail with States.DataLimitExceeded.
import type { AwsClients } from '../config/clients';
import type { ResolvedResource, TaskInvocation, TaskRunner } from '../engine';
import { createAwsSdkIntegration } from './aws-sdk';
import { createDynamoDbIntegration } from './dynamodb';
import type { Integration, IntegrationContext, IntegrationFactory } from './integration';
import { createLambdaIntegration } from './lambda-invoke';
import { parseResourceArn, unrecognizedResource } from './resource-arn';
import { captureHttpOn } from './sdk-http-metadata';
import { createStartExecutionIntegration } from './states-start-execution';

const INTEGRATIONS: readonly IntegrationFactory[] = [
  createDynamoDbIntegration,
  createAwsSdkIntegration,
  createStartExecutionIntegration,
  createLambdaIntegration,
];

const MAX_CACHED_RESOURCES = 1_000;

export type TaskRunnerOptions = Omit<IntegrationContext, 'lambdaHandlers'> & { readonly lambdaHandlers?: IntegrationContext['lambdaHandlers'] };

/**
 * The optimized integrations read response headers through a client-level middleware; it must be on the
 * clients before their first send, since in-process clients cache the middleware chain per command class.
 */
function withHttpCapture(clients: AwsClients): AwsClients {
  captureHttpOn(clients.dynamodb);
  captureHttpOn(clients.sfn);
  return clients;
}

export function createTaskRunner(options: TaskRunnerOptions): TaskRunner {
  const context: IntegrationContext = { ...options, clients: withHttpCapture(options.clients), lambdaHandlers: options.lambdaHandlers ?? {} };
  const integrations = INTEGRATIONS.map((create) => create(context));

  // Resolved once per Resource ARN: a Task in a Map iteration invokes the same ARN for every item.
  const found = new Map<string, { integration: Integration; resolved: ResolvedResource } | undefined>();
  const find = (arn: string): { integration: Integration; resolved: ResolvedResource } | undefined => {
    if (!found.has(arn)) {
      // Definitions name a bounded set of resources; the cap only guards against a client creating endless ones.
      if (found.size >= MAX_CACHED_RESOURCES) found.clear();
      found.set(arn, resolveArn(arn));
    }
    return found.get(arn);
  };
  const resolveArn = (arn: string): { integration: Integration; resolved: ResolvedResource } | undefined => {
    const parsed = parseResourceArn(arn);
    if (!parsed) return undefined;
    for (const integration of integrations) {
      const resolved = integration.resolve(parsed, arn);
      if (resolved) return { integration, resolved };
    }
    return undefined;
  };

  return {
    resolve(arn) {
      return find(arn)?.resolved ?? { unrecognized: unrecognizedResource(arn) };
    },
    async invoke(invocation: TaskInvocation) {
      const target = find(invocation.resource.arn);
      // The parser only builds Task states from resolved resources, so this is a wiring error.
      if (!target) throw new Error(unrecognizedResource(invocation.resource.arn));
      invocation.signal.throwIfAborted();
      try {
        // The engine checks the result's size (checkTaskResult), mocked or not.
        return await target.integration.invoke(invocation);
      } catch (thrown) {
        // An aborted SDK call reports a generic AbortError; the engine needs its own reason back.
        if (invocation.signal.aborted) throw invocation.signal.reason;
        throw thrown;
      }
    },
  };
}
