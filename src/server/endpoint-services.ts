// Creates the services the endpoint hosts itself (S3 and DynamoDB), honouring SANDBOX_SERVICES. Each
// keeps its data under its own folder of the data directory, or in memory without one.
import { access, constants, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { EndpointService, SandboxConfig } from '../config/config';
import { createDynamoDbService } from '../services/dynamodb';
import { createS3Service } from '../services/s3';
import type { ServiceHandler } from './edge';
import type { EndpointServices } from './edge-router';

export async function createOwnServices(config: SandboxConfig, dataDir: string | undefined): Promise<EndpointServices> {
  if (dataDir) await requireWritableDir(dataDir);
  const enabled = (service: EndpointService) => config.server.services.includes(service);
  const services: EndpointServices = {};
  if (enabled('s3')) services.s3 = createS3Service({ region: config.region, ...(dataDir ? { dataDir: join(dataDir, 's3') } : {}) });
  if (enabled('dynamodb')) {
    try {
      services.dynamodb = await createDynamoDbService({ dataDir, region: config.region, accountId: config.accountId, thread: config.server.dynamoDbThread });
    } catch (err) {
      await closeServices(services);
      throw err;
    }
  }
  return services;
}

/**
 * Fails at start, naming the directory, when the data directory cannot be written (e.g. a volume owned by another
 * user): S3 would otherwise start and fail only at the first upload.
 */
async function requireWritableDir(dir: string): Promise<void> {
  await mkdir(dir, { recursive: true });
  await access(dir, constants.W_OK);
}

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
    if (service?.close) results.push(await service.close().then(() => undefined, (err: unknown) => err));
    if (name === 'stepfunctions') afterStepFunctions?.();
  }
  const failure = results.find((r) => r !== undefined);
  if (failure !== undefined) throw failure;
}
