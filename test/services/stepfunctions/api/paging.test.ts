import { InvalidToken } from '../../../../src/services/stepfunctions/api/errors';
import { encodeToken, pageInOrder, pageNewestFirst } from '../../../../src/services/stepfunctions/api/paging';

describe('paging', () => {
  const list = Array.from({ length: 13 }, (_, i) => i);

  it('pages newest first with stable tokens while the list grows', () => {
    const first = pageNewestFirst(list, { scope: 's', maxResults: 10, keep: () => true, map: (n) => n });
    expect(first.items).toEqual([12, 11, 10, 9, 8, 7, 6, 5, 4, 3]);
    const grown = [...list, 13, 14];
    const second = pageNewestFirst(grown, { scope: 's', maxResults: 10, nextToken: first.nextToken, keep: () => true, map: (n) => n });
    expect(second).toEqual({ items: [2, 1, 0] });
  });

  it('gives no token when no later item matches the filter', () => {
    const page = pageNewestFirst(list, { scope: 's', maxResults: 2, keep: (n) => n >= 10, map: (n) => n });
    expect(page.items).toEqual([12, 11]);
    const next = pageNewestFirst(list, { scope: 's', maxResults: 2, nextToken: page.nextToken, keep: (n) => n >= 10, map: (n) => n });
    expect(next).toEqual({ items: [10] });
  });

  it('pages in order with the default size of 100', () => {
    const big = Array.from({ length: 150 }, (_, i) => i);
    const first = pageInOrder(big, { scope: 'h', map: (n) => n });
    expect(first.items).toHaveLength(100);
    expect(pageInOrder(big, { scope: 'h', nextToken: first.nextToken, map: (n) => n }).items).toEqual(big.slice(100));
  });

  it('rejects tokens that are garbage or belong to another list', () => {
    expect(() => pageInOrder(list, { scope: 'h', nextToken: 'garbage!', map: (n) => n })).toThrow(InvalidToken);
    expect(() => pageInOrder(list, { scope: 'h', nextToken: encodeToken('other', 3), map: (n) => n })).toThrow("Invalid Token: 'Invalid token'");
  });
});
