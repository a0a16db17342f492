// aws-sdk:s3 results on the embedded sandbox's own S3, against AWS's recordings (test_s3_put_object,
// test_s3_get_object): what putObject stores for each JSON Body and the exact result members.
import { CreateBucketCommand, GetObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { CreateStateMachineCommand, StartSyncExecutionCommand } from '@aws-sdk/client-sfn';
import { ROLE_ARN } from './redrive-support';
import { useEmbeddedSandbox } from './support/embedded-sandbox';

const BUCKET = 'sdk-s3-results';

describe('aws-sdk:s3 results', () => {
  const target = useEmbeddedSandbox();
  let sequence = 0;
  beforeAll(() => target.clients.s3.send(new CreateBucketCommand({ Bucket: BUCKET })));

  async function task(action: string, args: Record<string, unknown>): Promise<Record<string, unknown>> {
    const { stateMachineArn } = await target.clients.sfn.send(
      new CreateStateMachineCommand({
        name: `s3-${action}-${++sequence}`,
        type: 'EXPRESS',
        roleArn: ROLE_ARN,
        definition: JSON.stringify({
          StartAt: 'T',
          States: { T: { Type: 'Task', Resource: `arn:aws:states:::aws-sdk:s3:${action}`, Parameters: args, End: true } },
        }),
      }),
    );
    const run = await target.clients.sfn.send(new StartSyncExecutionCommand({ stateMachineArn }));
    expect(run.status).toBe('SUCCEEDED');
    return JSON.parse(run.output!);
  }

  // Values recorded against AWS: each Body stored as its JSON text (ETag = MD5, CRC32 of that text).
  it.each([
    ['str', 'text data', '"text data"', '2b5df3712557f503a9977a8ea893b2c9', 'KUmHvQ=='],
    ['dict', { Dict: 'Value' }, '{"Dict":"Value"}', '49e31cee5aec8faf3345893addb14346', 'hnEfWw=='],
    ['list', ['List', 'Data'], '["List","Data"]', '6b23860357f6e63a0272b7f1143a663a', '1F2MPA=='],
    ['bool', false, 'false', '68934a3e9455fa72420237eb05902327', 'K81oMA=='],
    ['num', 0, '0', 'cfcd208495d565ef66e7dff9f98764da', '9NvfIQ=='],
  ])('putObject with a %s Body stores its JSON text as text/plain', async (name, body, stored, md5, crc32) => {
    const key = `put-${name}`;
    const result = await task('putObject', { Bucket: BUCKET, Key: key, Body: body });
    expect(JSON.stringify(result)).toBe(
      JSON.stringify({ ChecksumCRC32: crc32, ChecksumType: 'FULL_OBJECT', ETag: `"${md5}"`, ServerSideEncryption: 'AES256' }),
    );
    const object = await target.clients.s3.send(new GetObjectCommand({ Bucket: BUCKET, Key: key }));
    expect({ type: object.ContentType, length: object.ContentLength, text: await object.Body!.transformToString() }).toEqual({
      type: 'text/plain; charset=UTF-8',
      length: Buffer.byteLength(stored),
      text: stored,
    });
  });

  it("getObject lists AWS's members, Body last, and no checksums unless ChecksumMode is ENABLED", async () => {
    await target.clients.s3.send(new PutObjectCommand({ Bucket: BUCKET, Key: 'file_key', Body: 'text data', ContentType: 'binary/octet-stream' }));
    const result = await task('getObject', { Bucket: BUCKET, Key: 'file_key' });
    expect(Object.keys(result)).toEqual(['AcceptRanges', 'ContentLength', 'ContentType', 'ETag', 'LastModified', 'Metadata', 'ServerSideEncryption', 'Body']);
    expect(result).toMatchObject({
      AcceptRanges: 'bytes',
      ContentLength: 9,
      ContentType: 'binary/octet-stream',
      ETag: '"332eec544317a6d340b8e77da7fe54ad"',
      Metadata: {},
      ServerSideEncryption: 'AES256',
      Body: 'text data',
    });
    const checked = await task('getObject', { Bucket: BUCKET, Key: 'file_key', ChecksumMode: 'ENABLED' });
    expect(checked).toMatchObject({ ChecksumType: 'FULL_OBJECT', Body: 'text data' });
    expect(Object.keys(checked).some((key) => key.startsWith('ChecksumCRC') || key.startsWith('ChecksumSHA'))).toBe(true);
  });
});
