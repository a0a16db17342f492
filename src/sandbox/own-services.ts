// The services the endpoint hosts next to Step Functions (S3 and DynamoDB), honouring SANDBOX_SERVICES. Each
// keeps its data under its own folder of the data directory, or in memory without one.
import { access, constants, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { EndpointService, SandboxConfig } from '../config/config';
import { closeServices } from '../server/close-services';
import type { EndpointServices } from '../server/edge-router';
import { createDynamoDbService } from '../services/dynamodb';
import { createS3Service } from '../services/s3';

export type OwnServices = Pick<EndpointServices, 's3' | 'dynamodb'>;

export async function createOwnServices(config: SandboxConfig, dataDir: string | undefined): Promise<OwnServices> {
  if (dataDir) await requireWritableDir(dataDir);
  const enabled = (service: EndpointService) => config.server.services.includes(service);
  const services: OwnServices = {};
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
