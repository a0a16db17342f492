import type { ObjectRecord } from '../../../../src/services/s3/storage/types';
import { compareKeys, searchKeys } from '../../../../src/services/s3/listing/key-order';
import { listPage } from '../../../../src/services/s3/listing/list-page';

const objects = (...keys: string[]) => keys.sort(compareKeys).map((key) => ({ key }) as ObjectRecord);
const keysOf = (page: ReturnType<typeof listPage>) => [page.contents.map((o) => o.key), page.commonPrefixes];

describe('listPage', () => {
  const sorted = objects('a', 'b/1', 'b/2', 'b/3', 'c/1', 'd');

  it('rolls up by delimiter and counts prefixes against max-keys', () => {
    const page = listPage(sorted, { prefix: '', delimiter: '/', maxKeys: 2 });
    expect(keysOf(page)).toEqual([['a'], ['b/']]);
    expect(page).toMatchObject({ isTruncated: true, last: { value: 'b/', isPrefix: true } });
    const next = listPage(sorted, { prefix: '', delimiter: '/', maxKeys: 2, after: 'b/', skipPrefix: 'b/' });
    expect(keysOf(next)).toEqual([['d'], ['c/']]);
    expect(next.isTruncated).toBe(false);
  });

  it('is not truncated when the page ends exactly at the last entry', () => {
    expect(listPage(sorted, { prefix: 'b/', maxKeys: 3 }).isTruncated).toBe(false);
    expect(listPage(sorted, { prefix: 'b/', maxKeys: 2 }).isTruncated).toBe(true);
  });

  it('starts after a marker inside or before the prefix range', () => {
    expect(keysOf(listPage(sorted, { prefix: 'b/', maxKeys: 10, after: 'b/1' }))).toEqual([['b/2', 'b/3'], []]);
    expect(keysOf(listPage(sorted, { prefix: 'b/', maxKeys: 10, after: 'a' }))).toEqual([['b/1', 'b/2', 'b/3'], []]);
    expect(keysOf(listPage(sorted, { prefix: 'b/', maxKeys: 10, after: 'z' }))).toEqual([[], []]);
  });

  it('max-keys 0 returns nothing and is not truncated', () => {
    expect(listPage(sorted, { prefix: '', maxKeys: 0 })).toMatchObject({ contents: [], commonPrefixes: [], isTruncated: false });
  });

  it('uses a multi-character delimiter', () => {
    expect(keysOf(listPage(objects('x--1--a', 'x--2', 'y'), { prefix: 'x--', delimiter: '--', maxKeys: 10 }))).toEqual([['x--2'], ['x--1--']]);
  });
});

describe('key order', () => {
  it('orders by code point (UTF-8 bytes), not UTF-16 units', () => {
    expect(['\u{1F600}', '\uFB01', 'a', 'B', ''].sort(compareKeys)).toEqual(['', 'B', 'a', '\uFB01', '\u{1F600}']);
    expect(searchKeys(objects('a', 'b', 'c'), 'b')).toBe(2);
    expect(searchKeys(objects('a', 'b', 'c'), 'b', true)).toBe(1);
  });
});
