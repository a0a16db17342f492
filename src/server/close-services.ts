// The order the endpoint's services close in, shared by the endpoint's close() and by a start that fails halfway.
import type { EndpointService } from '../config/config';
import type { ServiceHandler } from './edge';
import type { EndpointServices } from './edge-router';

/**
 * Closes every service, even when one fails; the first failure is rethrown afterwards. `afterStepFunctions`
 * runs once Step Functions has stopped its executions and before S3 and DynamoDB close.
 */
export async function closeServices(services: Readonly<EndpointServices>, afterStepFunctions?: () => void): Promise<void> {
  // Step Functions first: its running executions may still call S3 and DynamoDB in-process, and they must be
  // able to, so that they end ABORTED (as a stop says) rather than FAILED by a refused call.
  const order: EndpointService[] = ['stepfunctions', 's3', 'dynamodb'];
  const results = [];
  for (const name of order) {
    const service: ServiceHandler | undefined = services[name];
    if (service?.close)
      results.push(
        await service.close().then(
          () => undefined,
          (err: unknown) => err,
        ),
      );
    if (name === 'stepfunctions') afterStepFunctions?.();
  }
  const failure = results.find((r) => r !== undefined);
  if (failure !== undefined) throw failure;
}
