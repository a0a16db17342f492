// Concatenates the chosen parts into one new blob, digesting it on the way when the result needs a full-object
// checksum. [UNCONFIRMED] An upload created without a checksum algorithm gets a CRC64NVME FULL_OBJECT checksum, as a
// PutObject without one does; S3's documentation says it attaches CRC64NVME to objects uploaded without a checksum.
import { pipeline, Readable } from 'node:stream';
import { DigestTap } from '../body/digest-tap';
import type { ChecksumAlgorithm } from '../checksums/algorithms';
import { nowSeconds } from '../protocol/responses';
import type { ObjectRecord, PartRecord, S3Store, StoredChecksum, UploadRecord } from '../storage/types';
import { compositeChecksum, multipartEtag } from './multipart-checksums';

export async function assembleUpload(store: S3Store, upload: UploadRecord, parts: readonly PartRecord[]): Promise<ObjectRecord> {
  const fullObject: ChecksumAlgorithm | undefined =
    upload.checksum === undefined ? 'CRC64NVME' : upload.checksum.type === 'FULL_OBJECT' ? upload.checksum.algorithm : undefined;
  const source = Readable.from(concatenate(store, parts), { objectMode: false });
  const total = parts.reduce((sum, part) => sum + part.size, 0);
  const tap = new DigestTap({ algorithms: fullObject ? [fullObject] : [], maxBytes: total });
  const blobId = await store.blobs.write(pipeline(source, tap, () => undefined));
  let checksum: StoredChecksum;
  if (fullObject) {
    checksum = { algorithm: fullObject, value: tap.digests().checksums[fullObject] ?? '', type: 'FULL_OBJECT' };
  } else {
    const algorithm = upload.checksum?.algorithm ?? 'CRC64NVME';
    checksum = { algorithm, value: compositeChecksum(algorithm, parts), type: 'COMPOSITE' };
  }
  return {
    key: upload.key,
    blobId,
    size: tap.size,
    etag: multipartEtag(parts),
    lastModified: nowSeconds(),
    headers: upload.headers,
    userMetadata: upload.userMetadata,
    checksum,
    partsCount: parts.length,
  };
}

async function* concatenate(store: S3Store, parts: readonly PartRecord[]): AsyncGenerator<Buffer> {
  for (const part of parts) {
    for await (const chunk of await store.blobs.read(part.blobId)) yield chunk as Buffer;
  }
}
