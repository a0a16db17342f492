// The S3 the Distributed Map unit tests talk to: the embedded S3 service (src/services/s3) served on 127.0.0.1
// port 0, or the in-memory FakeS3 when SANDBOX_TEST_S3=fake. Tests that need generated objects or injected
// failures use FakeS3 directly.
import { CreateBucketCommand, GetObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { createS3Service } from '../../../src/services/s3';
import { serveHandler } from '../../support/serve';
import { FakeS3 } from './fake-s3';

export interface TestS3 {
  readonly kind: 'embedded' | 'fake';
  readonly s3: S3Client;
  createBucket(name: string): Promise<void>;
  put(bucket: string, key: string, body: string | Buffer): Promise<void>;
  read(bucket: string, key: string): Promise<string>;
  close(): Promise<void>;
}

export async function startTestS3(): Promise<TestS3> {
  const useEmbedded = process.env.SANDBOX_TEST_S3 !== 'fake';
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
