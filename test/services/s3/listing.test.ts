import { CreateBucketCommand, ListObjectsCommand, ListObjectsV2Command, PutObjectCommand, paginateListObjectsV2, type S3Client } from '@aws-sdk/client-s3';
import { createS3Service } from '../../../src/services/s3/index';
import { startS3TestServer, type StartedS3TestServer } from './support/s3-test-server';

let server: StartedS3TestServer;
let s3: S3Client;
const KEYS = ['a.csv', 'dir/one.csv', 'dir/sub/two.csv', 'dir/three.csv', 'other/x.csv', 'z\u{1F600}.csv', 'z\uFB01.csv'];

beforeAll(async () => {
  server = await startS3TestServer(createS3Service({ region: 'us-east-1' }));
  s3 = server.client();
  await s3.send(new CreateBucketCommand({ Bucket: 'listing' }));
  for (const Key of KEYS) await s3.send(new PutObjectCommand({ Bucket: 'listing', Key, Body: Key }));
});
afterAll(() => server.close());

const v2 = (input: Omit<ConstructorParameters<typeof ListObjectsV2Command>[0], 'Bucket'>) => s3.send(new ListObjectsV2Command({ Bucket: 'listing', ...input }));

describe('ListObjectsV2', () => {
  it('lists every key in UTF-8 byte order with sizes and ETags', async () => {
    const all = await v2({});
    // U+1F600 (4 UTF-8 bytes, F0…) sorts after U+FB01 (EF…), although its UTF-16 surrogates sort before it.
    expect(all.Contents?.map((c) => c.Key)).toEqual([
      'a.csv',
      'dir/one.csv',
      'dir/sub/two.csv',
      'dir/three.csv',
      'other/x.csv',
      'z\uFB01.csv',
      'z\u{1F600}.csv',
    ]);
    expect(all).toMatchObject({ KeyCount: 7, IsTruncated: false, MaxKeys: 1000, Name: 'listing' });
    expect(all.Contents?.[0]).toMatchObject({
      Size: 5,
      StorageClass: 'STANDARD',
      ETag: expect.stringMatching(/^"[0-9a-f]{32}"$/),
      ChecksumAlgorithm: ['CRC32'],
    });
  });

  it('filters by prefix and rolls up CommonPrefixes with a delimiter', async () => {
    const top = await v2({ Delimiter: '/' });
    expect(top.Contents?.map((c) => c.Key)).toEqual(['a.csv', 'z\uFB01.csv', 'z\u{1F600}.csv']);
    expect(top.CommonPrefixes?.map((p) => p.Prefix)).toEqual(['dir/', 'other/']);
    expect(top.KeyCount).toBe(5);
    const dir = await v2({ Prefix: 'dir/', Delimiter: '/' });
    expect(dir.Contents?.map((c) => c.Key)).toEqual(['dir/one.csv', 'dir/three.csv']);
    expect(dir.CommonPrefixes?.map((p) => p.Prefix)).toEqual(['dir/sub/']);
    expect((await v2({ Prefix: 'nothing/' })).KeyCount).toBe(0);
  });

  it('paginates with max-keys and continuation tokens (max-keys 2 over 5 keys)', async () => {
    const first = await v2({ Prefix: 'dir/', MaxKeys: 2 });
    expect(first).toMatchObject({ KeyCount: 2, IsTruncated: true, MaxKeys: 2 });
    const second = await v2({ Prefix: 'dir/', MaxKeys: 2, ContinuationToken: first.NextContinuationToken });
    expect(second).toMatchObject({ KeyCount: 1, IsTruncated: false, ContinuationToken: first.NextContinuationToken });
    expect(second.NextContinuationToken).toBeUndefined();
    expect([...first.Contents!, ...second.Contents!].map((c) => c.Key)).toEqual(['dir/one.csv', 'dir/sub/two.csv', 'dir/three.csv']);
    const keys: string[] = [];
    for await (const page of paginateListObjectsV2({ client: s3 }, { Bucket: 'listing', MaxKeys: 2, Prefix: '' })) {
      expect(page.KeyCount).toBeLessThanOrEqual(2);
      keys.push(...(page.Contents ?? []).map((c) => c.Key!));
    }
    expect(keys).toHaveLength(KEYS.length);
  });

  it('walks 5 keys with max-keys 2 in pages of 2, 2 and 1', async () => {
    const bucket = 'five-keys';
    await s3.send(new CreateBucketCommand({ Bucket: bucket }));
    for (const n of [3, 1, 5, 2, 4]) await s3.send(new PutObjectCommand({ Bucket: bucket, Key: `k${n}`, Body: String(n) }));
    const pages: Array<[number | undefined, boolean | undefined, string[]]> = [];
    let token: string | undefined;
    do {
      const page = await s3.send(new ListObjectsV2Command({ Bucket: bucket, MaxKeys: 2, ContinuationToken: token }));
      pages.push([page.KeyCount, page.IsTruncated, (page.Contents ?? []).map((c) => c.Key!)]);
      token = page.NextContinuationToken;
    } while (token);
    expect(pages).toEqual([
      [2, true, ['k1', 'k2']],
      [2, true, ['k3', 'k4']],
      [1, false, ['k5']],
    ]);
  });

  it('does not repeat a CommonPrefix across pages', async () => {
    const first = await v2({ Delimiter: '/', MaxKeys: 2 });
    expect([first.Contents?.map((c) => c.Key), first.CommonPrefixes?.map((p) => p.Prefix)]).toEqual([['a.csv'], ['dir/']]);
    const second = await v2({ Delimiter: '/', MaxKeys: 2, ContinuationToken: first.NextContinuationToken });
    expect([second.Contents?.map((c) => c.Key), second.CommonPrefixes?.map((p) => p.Prefix)]).toEqual([['z\uFB01.csv'], ['other/']]);
  });

  it('starts after StartAfter and URL-encodes keys with encoding-type=url', async () => {
    const after = await v2({ StartAfter: 'dir/three.csv' });
    expect(after.Contents?.[0].Key).toBe('other/x.csv');
    expect(after.StartAfter).toBe('dir/three.csv');
    const encoded = await v2({ Prefix: 'z', EncodingType: 'url' });
    expect(encoded.Contents?.map((c) => decodeURIComponent(c.Key!))).toEqual(['z\uFB01.csv', 'z\u{1F600}.csv']);
    expect(encoded.Contents?.[0].Key).toBe('z%EF%AC%81.csv');
  });

  it('rejects invalid max-keys and continuation tokens, and reports NoSuchBucket', async () => {
    const bad = await fetch(`${server.endpoint}/listing?list-type=2&max-keys=-1`);
    expect([bad.status, await bad.text()]).toEqual([400, expect.stringContaining('<Code>InvalidArgument</Code>')]);
    await expect(v2({ ContinuationToken: 'garbage' })).rejects.toMatchObject({ name: 'InvalidArgument' });
    await expect(s3.send(new ListObjectsV2Command({ Bucket: 'missing-bucket' }))).rejects.toMatchObject({ name: 'NoSuchBucket' });
  });
});

describe('ListObjects (v1)', () => {
  it('pages by Marker and returns NextMarker with a delimiter', async () => {
    const first = await s3.send(new ListObjectsCommand({ Bucket: 'listing', MaxKeys: 3 }));
    expect(first.Contents?.map((c) => c.Key)).toEqual(['a.csv', 'dir/one.csv', 'dir/sub/two.csv']);
    expect(first.IsTruncated).toBe(true);
    const second = await s3.send(new ListObjectsCommand({ Bucket: 'listing', Marker: 'dir/sub/two.csv', MaxKeys: 3 }));
    expect(second.Contents?.map((c) => c.Key)).toEqual(['dir/three.csv', 'other/x.csv', 'z\uFB01.csv']);
    const grouped = await s3.send(new ListObjectsCommand({ Bucket: 'listing', Delimiter: '/', MaxKeys: 2 }));
    expect(grouped.NextMarker).toBe('dir/');
    const rest = await s3.send(new ListObjectsCommand({ Bucket: 'listing', Delimiter: '/', Marker: grouped.NextMarker }));
    expect(rest.CommonPrefixes?.map((p) => p.Prefix)).toEqual(['other/']);
    expect(first.Contents?.[0].Owner?.ID).toBeDefined();
  });
});
