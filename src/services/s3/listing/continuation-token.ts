// ListObjectsV2 continuation tokens are opaque to clients; ours encodes where the previous page stopped.
import { InvalidArgument } from '../errors';
import type { ListPage } from './list-page';

type Position = NonNullable<ListPage['last']>;

export function encodeContinuationToken(position: Position): string {
  return Buffer.from(JSON.stringify({ v: 1, k: position.value, p: position.isPrefix })).toString('base64');
}

export function decodeContinuationToken(token: string): Position {
  try {
    const decoded = JSON.parse(Buffer.from(token, 'base64').toString('utf8')) as { v?: unknown; k?: unknown; p?: unknown };
    if (decoded.v === 1 && typeof decoded.k === 'string' && typeof decoded.p === 'boolean') {
      return { value: decoded.k, isPrefix: decoded.p };
    }
  } catch {
    // fall through to S3's error
  }
  throw new InvalidArgument('The continuation token provided is incorrect', 'continuation-token', token);
}
