// Idempotent deployment of the pipeline's resources: one ensure-* step per resource, each safe to run
// again. Works against the embedded endpoint, LocalStack or AWS: only the clients' config differs.
import { CreateBucketCommand, HeadBucketCommand, type S3Client } from '@aws-sdk/client-s3';
import { CreateTableCommand, DescribeTableCommand, waitUntilTableExists, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { CreateStateMachineCommand, ListStateMachinesCommand, UpdateStateMachineCommand, type SFNClient, type StateMachineType } from '@aws-sdk/client-sfn';
import type { AwsClients } from '../config/clients';
import type { SandboxConfig } from '../config/config';
import { loadDefinition, renderValuesFrom } from './render-definition';

/** The deployable state machines of statemachines/, by role. */
export const PIPELINE_FILES = { parent: 'parent.asl.json', child: 'write-to-ddb.asl.json' } as const;

export interface DeployedPipeline {
  readonly bucket: string;
  readonly table: string;
  readonly parentArn: string;
  readonly childArn: string;
}

export interface StateMachineSpec {
  readonly name: string;
  readonly definition: string;
  readonly type: StateMachineType;
  readonly roleArn: string;
}

export async function bootstrap(
  clients: AwsClients,
  config: SandboxConfig,
  files: { readonly parent: string; readonly child: string } = PIPELINE_FILES,
): Promise<DeployedPipeline> {
  const values = renderValuesFrom(config);
  await ensureBucket(clients.s3, config.bucket, config.region);
  await ensureTable(clients.dynamodb, config.table);
  const childArn = await ensureStateMachine(clients.sfn, {
    name: config.childStateMachineName,
    definition: loadDefinition(files.child, values),
    type: 'EXPRESS',
    roleArn: config.roleArn,
  });
  const parentArn = await ensureStateMachine(clients.sfn, {
    name: config.parentStateMachineName,
    definition: loadDefinition(files.parent, values),
    type: 'STANDARD',
    roleArn: config.roleArn,
  });
  return { bucket: config.bucket, table: config.table, parentArn, childArn };
}

export async function ensureBucket(s3: S3Client, bucket: string, region: string): Promise<void> {
  if (await exists(() => s3.send(new HeadBucketCommand({ Bucket: bucket })))) return;
  await s3.send(
    new CreateBucketCommand({
      Bucket: bucket,
      // us-east-1 is the one region that rejects an explicit LocationConstraint.
      ...(region === 'us-east-1' ? {} : { CreateBucketConfiguration: { LocationConstraint: region as never } }),
    }),
  );
}

/** The key schema the ItemSelector produces: pk (partition) + sk (sort), both strings. */
export async function ensureTable(dynamodb: DynamoDBClient, table: string): Promise<void> {
  if (!(await exists(() => dynamodb.send(new DescribeTableCommand({ TableName: table }))))) {
    await dynamodb.send(
      new CreateTableCommand({
        TableName: table,
        BillingMode: 'PAY_PER_REQUEST',
        AttributeDefinitions: [
          { AttributeName: 'pk', AttributeType: 'S' },
          { AttributeName: 'sk', AttributeType: 'S' },
        ],
        KeySchema: [
          { AttributeName: 'pk', KeyType: 'HASH' },
          { AttributeName: 'sk', KeyType: 'RANGE' },
        ],
      }),
    );
  }
  await waitUntilTableExists({ client: dynamodb, maxWaitTime: 120, minDelay: 1 }, { TableName: table });
}

/** Creates the state machine, or updates it in place when one of that name exists. Returns its ARN. */
export async function ensureStateMachine(sfn: SFNClient, spec: StateMachineSpec): Promise<string> {
  const existing = await findStateMachineArn(sfn, spec.name);
  if (existing) {
    await sfn.send(new UpdateStateMachineCommand({ stateMachineArn: existing, definition: spec.definition, roleArn: spec.roleArn }));
    return existing;
  }
  const created = await sfn.send(new CreateStateMachineCommand({ name: spec.name, definition: spec.definition, roleArn: spec.roleArn, type: spec.type }));
  return created.stateMachineArn!;
}

/**
 * The ARN to start for `name`, which may carry a mock test case as `name#TestCase` (SFN_MOCK_CONFIG): the
 * state machine's ARN with the same suffix, as StartExecution takes it.
 */
export async function startableArn(sfn: SFNClient, name: string): Promise<string | undefined> {
  const hash = name.indexOf('#');
  if (hash < 0) return findStateMachineArn(sfn, name);
  const arn = await findStateMachineArn(sfn, name.slice(0, hash));
  return arn === undefined ? undefined : `${arn}${name.slice(hash)}`;
}

export async function findStateMachineArn(sfn: SFNClient, name: string): Promise<string | undefined> {
  let nextToken: string | undefined;
  do {
    const page = await sfn.send(new ListStateMachinesCommand({ nextToken, maxResults: 1000 }));
    const hit = page.stateMachines?.find((sm) => sm.name === name);
    if (hit) return hit.stateMachineArn;
    nextToken = page.nextToken;
  } while (nextToken);
  return undefined;
}

/** True when the call succeeds, false on a not-found error; anything else propagates. */
async function exists(call: () => Promise<unknown>): Promise<boolean> {
  try {
    await call();
    return true;
  } catch (err) {
    const e = err as { name?: string; $metadata?: { httpStatusCode?: number } };
    if (e.$metadata?.httpStatusCode === 404 || e.name === 'NotFound' || e.name === 'NoSuchBucket' || e.name === 'ResourceNotFoundException') return false;
    throw err;
  }
}
