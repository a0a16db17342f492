// Opaque page tokens over append-only or sorted lists. A token names the position to resume at and
// the list it belongs to, so a token from another query is rejected as InvalidToken.
import { InvalidToken } from './errors';

/** AWS's page size when maxResults is absent or 0 (API reference: "default is 100"). */
const DEFAULT_PAGE_SIZE = 100;

export function pageSize(maxResults: number | undefined): number {
  return maxResults ? maxResults : DEFAULT_PAGE_SIZE;
}

export function encodeToken(scope: string, position: number | string): string {
  return Buffer.from(JSON.stringify({ s: scope, p: position })).toString('base64url');
}

export function decodeToken<P extends number | string>(token: string, scope: string, kind: 'number' | 'string'): P {
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
  } catch {
    throw new InvalidToken();
  }
  const { s, p } = (decoded ?? {}) as { s?: unknown; p?: unknown };
  if (s !== scope || typeof p !== kind) throw new InvalidToken();
  return p as P;
}

export interface Page<T> {
  readonly items: T[];
  readonly nextToken?: string;
}

/**
 * Walks `list` newest first (from the end), keeping items that pass `keep`; the token is the index to
 * resume at. Appends never shift older indexes, so tokens stay valid while executions keep starting.
 */
export function pageNewestFirst<T, R>(
  list: readonly T[],
  options: { scope: string; maxResults?: number; nextToken?: string; keep: (item: T) => boolean; map: (item: T) => R },
): Page<R> {
  const size = pageSize(options.maxResults);
  let i = options.nextToken === undefined ? list.length - 1 : decodeToken<number>(options.nextToken, options.scope, 'number');
  const items: R[] = [];
  for (; i >= 0 && items.length < size; i--) if (options.keep(list[i])) items.push(options.map(list[i]));
  while (i >= 0 && !options.keep(list[i])) i--;
  return i >= 0 ? { items, nextToken: encodeToken(options.scope, i) } : { items };
}

/** Pages a list in its own order; the token is the offset to resume at. */
export function pageInOrder<T, R>(list: readonly T[], options: { scope: string; maxResults?: number; nextToken?: string; map: (item: T) => R }): Page<R> {
  const size = pageSize(options.maxResults);
  const start = options.nextToken === undefined ? 0 : decodeToken<number>(options.nextToken, options.scope, 'number');
  const end = Math.min(list.length, start + size);
  const items = list.slice(start, end).map(options.map);
  return end < list.length ? { items, nextToken: encodeToken(options.scope, end) } : { items };
}
