// The S3 the colocated tests talk to: the embedded S3 service (src/services/s3) served on 127.0.0.1 port 0 when it
// exists, else the in-memory FakeS3. Tests that need generated objects or injected failures use FakeS3 directly.
// SANDBOX_TEST_S3=fake forces the fake.
import { CreateBucketCommand, GetObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { ServiceHandler } from '../../../../../../src/server/edge';
import { serveHandler } from '../../../../../support/serve';
import { FakeS3 } from './fake-s3';

export interface TestS3 {
  readonly kind: 'embedded' | 'fake';
  readonly s3: S3Client;
  createBucket(name: string): Promise<void>;
  put(bucket: string, key: string, body: string | Buffer): Promise<void>;
  read(bucket: string, key: string): Promise<string>;
  close(): Promise<void>;
}

const EMBEDDED = join(__dirname, '../../../../../../src/services/s3/index.ts');

export async function startTestS3(): Promise<TestS3> {
  const useEmbedded = process.env.SANDBOX_TEST_S3 !== 'fake' && existsSync(EMBEDDED);
  const { s3, close } = useEmbedded ? await startEmbedded() : { s3: new FakeS3().client(), close: async () => undefined };
  return {
    kind: useEmbedded ? 'embedded' : 'fake',
    s3,
    async createBucket(name) {
      await s3.send(new CreateBucketCommand({ Bucket: name }));
    },
    async put(bucket, key, body) {
      const data = Buffer.isBuffer(body) ? body : Buffer.from(body, 'utf8');
      await s3.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: data, ContentLength: data.length }));
    },
    async read(bucket, key) {
      const res = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
      return res.Body!.transformToString('utf8');
    },
    async close() {
      s3.destroy();
      await close();
    },
  };
}

async function startEmbedded(): Promise<{ s3: S3Client; close: () => Promise<void> }> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { createS3Service } = require(EMBEDDED) as { createS3Service(options: { region: string }): ServiceHandler };
  const service = createS3Service({ region: 'us-east-1' });
  const served = await serveHandler(service);
  const s3 = new S3Client({
    region: 'us-east-1',
    endpoint: served.url,
    forcePathStyle: true,
    credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
    maxAttempts: 1,
  });
  const close = async () => {
    await served.close();
    await service.close?.();
  };
  return { s3, close };
}
