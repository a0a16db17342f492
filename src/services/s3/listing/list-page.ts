// The listing algorithm ListObjects and ListObjectsV2 share: keys after a marker, filtered by prefix, with keys that
// contain the delimiter after the prefix rolled up into CommonPrefixes; max-keys counts keys and prefixes together.
import type { ObjectRecord } from '../storage/types';
import { searchKeys } from './key-order';

export interface ListRequest {
  readonly prefix: string;
  readonly delimiter?: string;
  /** Return only keys after this one (StartAfter / Marker / the position a continuation token encodes). */
  readonly after?: string;
  /** Also skip keys under this common prefix: it was the last entry of the previous page. */
  readonly skipPrefix?: string;
  readonly maxKeys: number;
}

export interface ListPage {
  readonly contents: readonly ObjectRecord[];
  readonly commonPrefixes: readonly string[];
  readonly isTruncated: boolean;
  /** The last key or common prefix returned, from which the next page continues. */
  readonly last?: { readonly value: string; readonly isPrefix: boolean };
}

export function listPage(sorted: readonly ObjectRecord[], request: ListRequest): ListPage {
  const { prefix, delimiter, maxKeys } = request;
  const contents: ObjectRecord[] = [];
  const commonPrefixes: string[] = [];
  let last: ListPage['last'];
  let isTruncated = false;
  // Keys sharing the prefix are contiguous in sorted order: start at the first of them (or after the marker).
  const fromPrefix = searchKeys(sorted, prefix, true);
  const start = request.after === undefined ? fromPrefix : Math.max(fromPrefix, searchKeys(sorted, request.after));
  for (let index = start; index < sorted.length; index++) {
    const object = sorted[index];
    if (!object.key.startsWith(prefix)) break;
    if (request.skipPrefix !== undefined && object.key.startsWith(request.skipPrefix)) continue;
    const rollUp = delimiterPrefix(object.key, prefix, delimiter);
    if (rollUp !== undefined && rollUp === last?.value) continue;
    if (contents.length + commonPrefixes.length >= maxKeys) {
      isTruncated = true;
      break;
    }
    if (rollUp !== undefined) commonPrefixes.push(rollUp);
    else contents.push(object);
    last = { value: rollUp ?? object.key, isPrefix: rollUp !== undefined };
  }
  // [UNCONFIRMED] max-keys=0 reports IsTruncated false: a page that can hold nothing has no continuation token, and
  // "truncated without a token" would make paginators loop forever.
  return { contents, commonPrefixes, isTruncated: isTruncated && maxKeys > 0, last };
}

function delimiterPrefix(key: string, prefix: string, delimiter: string | undefined): string | undefined {
  if (!delimiter) return undefined;
  const at = key.indexOf(delimiter, prefix.length);
  return at === -1 ? undefined : key.slice(0, at + delimiter.length);
}
