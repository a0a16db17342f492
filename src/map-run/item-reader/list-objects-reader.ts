// listObjectsV2 items (docs/aws-behaviour.md#item-readers): one item per object under Prefix, across every page (ContinuationToken), as
// `{"Etag","Key","LastModified","Size","StorageClass"}` — note `Etag`, not S3's `ETag` [REC].
// [UNCONFIRMED] LastModified format: the recordings only show a date string; we use Java's Instant.toString
// form (ISO-8601 UTC, milliseconds only when non-zero), which is what AWS's Java SDK renders.
import { ListObjectsV2Command, type S3Client, type _Object } from '@aws-sdk/client-s3';
import { javaInstantText } from '../../engine';
import type { ItemReaderSpec, ItemReaderStats } from './item-reader-spec';
import { s3ReadFailed } from './reader-error';

export interface ListedObjectItem {
  readonly Etag: string;
  readonly Key: string;
  readonly LastModified: string;
  readonly Size: number;
  readonly StorageClass: string;
}

export async function* readObjectList(s3: S3Client, spec: ItemReaderSpec, stats: ItemReaderStats, signal?: AbortSignal): AsyncGenerator<ListedObjectItem> {
  let token: string | undefined;
  do {
    let page;
    try {
      signal?.throwIfAborted();
      page = await s3.send(new ListObjectsV2Command({ Bucket: spec.bucket, Prefix: spec.prefix, ContinuationToken: token }), { abortSignal: signal });
    } catch (thrown) {
      throw signal?.aborted ? signal.reason : s3ReadFailed('listObjectsV2', { bucket: spec.bucket }, thrown);
    }
    for (const object of page.Contents ?? []) {
      stats.rowsRead++;
      yield toItem(object);
    }
    token = page.IsTruncated ? page.NextContinuationToken : undefined;
  } while (token);
}

function toItem(object: _Object): ListedObjectItem {
  return {
    Etag: object.ETag ?? '',
    Key: object.Key ?? '',
    LastModified: object.LastModified ? javaInstantText(object.LastModified) : '',
    Size: object.Size ?? 0,
    StorageClass: object.StorageClass ?? 'STANDARD',
  };
}
