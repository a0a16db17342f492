import { startTestS3, type TestS3 } from '../support/test-s3';
import { FakeS3 } from '../support/fake-s3';
import { countItems, openItemReader, type ListedObjectItem } from '../../../src/map-run/item-reader/index';
import { javaInstantText } from '../../../src/engine';

describe('listObjectsV2 ItemReader', () => {
  let env: TestS3;
  beforeAll(async () => {
    env = await startTestS3();
    await env.createBucket('listing');
    await env.put('listing', 'other/file.txt', 'x');
    for (let i = 0; i < 1005; i++) await env.put('listing', `in/file_${String(i).padStart(4, '0')}.txt`, 'y'.repeat(i % 7));
  });
  afterAll(() => env.close());

  it('lists every object under the prefix across pages, with AWS item shape', async () => {
    const reader = openItemReader(env.s3, { resource: 'listObjectsV2', bucket: 'listing', prefix: 'in/', maxItems: 0 });
    const items: ListedObjectItem[] = [];
    for await (const item of reader) items.push(item as ListedObjectItem);
    expect(items).toHaveLength(1005);
    expect(items[1004].Key).toBe('in/file_1004.txt');
    expect(Object.keys(items[3]).sort()).toEqual(['Etag', 'Key', 'LastModified', 'Size', 'StorageClass']);
    expect(items[3]).toMatchObject({ Key: 'in/file_0003.txt', Size: 3, StorageClass: 'STANDARD' });
    expect(items[3].Etag).toMatch(/^"[0-9a-f]{32}"$/);
    expect(items[3].LastModified).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{3})?Z$/);
    expect(reader.stats.rowsRead).toBe(1005);
  });

  it('applies MaxItems and counts', async () => {
    expect(await countItems(env.s3, { resource: 'listObjectsV2', bucket: 'listing', prefix: 'in/', maxItems: 1001 })).toBe(1001);
    expect(await countItems(env.s3, { resource: 'listObjectsV2', bucket: 'listing', maxItems: 0 })).toBe(1006);
  });
});

describe('listObjectsV2 pagination requests', () => {
  it('follows NextContinuationToken page by page', async () => {
    const fake = new FakeS3();
    for (let i = 0; i < 2500; i++) fake.put('b', `k${String(i).padStart(5, '0')}`, '');
    expect(await countItems(fake.client(), { resource: 'listObjectsV2', bucket: 'b', maxItems: 0 })).toBe(2500);
    const lists = fake.requests.filter((r) => r.includes('list-type=2'));
    expect(lists).toHaveLength(3);
    expect(lists[1]).toContain('continuation-token=');
  });

  it('renders LastModified like Java Instant.toString [UNCONFIRMED]', () => {
    expect(javaInstantText(new Date('2024-05-06T07:08:09.000Z'))).toBe('2024-05-06T07:08:09Z');
    expect(javaInstantText(new Date('2024-05-06T07:08:09.120Z'))).toBe('2024-05-06T07:08:09.120Z');
  });
});
