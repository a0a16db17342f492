// Deletes what bootstrap created: both state machines, the table, and the bucket with its objects.
import { DeleteBucketCommand, DeleteObjectsCommand, ListObjectsV2Command, type S3Client } from '@aws-sdk/client-s3';
import { DeleteTableCommand } from '@aws-sdk/client-dynamodb';
import { DeleteStateMachineCommand } from '@aws-sdk/client-sfn';
import type { AwsClients } from '../config/clients';
import type { SandboxConfig } from '../config/config';
import { findStateMachineArn } from './deploy';

export interface TeardownReport {
  readonly stateMachines: string[];
  readonly objectsDeleted: number;
  readonly table: boolean;
  readonly bucket: boolean;
}

export async function teardown(clients: AwsClients, config: SandboxConfig): Promise<TeardownReport> {
  const stateMachines: string[] = [];
  for (const name of [config.parentStateMachineName, config.childStateMachineName]) {
    const arn = await findStateMachineArn(clients.sfn, name);
    if (arn) {
      await clients.sfn.send(new DeleteStateMachineCommand({ stateMachineArn: arn }));
      stateMachines.push(arn);
    }
  }
  const table = await ignoreMissing(() => clients.dynamodb.send(new DeleteTableCommand({ TableName: config.table })));
  const objectsDeleted = await emptyBucket(clients.s3, config.bucket);
  const bucket = await ignoreMissing(() => clients.s3.send(new DeleteBucketCommand({ Bucket: config.bucket })));
  return { stateMachines, objectsDeleted, table, bucket };
}

async function emptyBucket(s3: S3Client, bucket: string): Promise<number> {
  let deleted = 0;
  for (;;) {
    let page;
    try {
      page = await s3.send(new ListObjectsV2Command({ Bucket: bucket }));
    } catch (err) {
      if ((err as { name?: string }).name === 'NoSuchBucket') return deleted;
      throw err;
    }
    const keys = (page.Contents ?? []).map((o) => ({ Key: o.Key! }));
    if (keys.length === 0) return deleted;
    await s3.send(new DeleteObjectsCommand({ Bucket: bucket, Delete: { Objects: keys, Quiet: true } }));
    deleted += keys.length;
  }
}

/** True when deleted, false when it was already gone. */
async function ignoreMissing(call: () => Promise<unknown>): Promise<boolean> {
  try {
    await call();
    return true;
  } catch (err) {
    const name = (err as { name?: string }).name;
    if (name === 'ResourceNotFoundException' || name === 'NoSuchBucket') return false;
    throw err;
  }
}
