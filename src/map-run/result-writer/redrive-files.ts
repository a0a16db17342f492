// The ResultWriter of a redriven Map Run (docs/aws-behaviour.md#redrive). [UNCONFIRMED] layout after a redrive
// (AWS documents none, https://docs.aws.amazon.com/step-functions/latest/dg/redrive-map-run.html): the Map Run
// keeps its folder `<Prefix>/<mapRunUuid>/`; SUCCEEDED_n files of earlier attempts stay and the redrive's
// successes go to new SUCCEEDED_n files numbered after them; FAILED_n / PENDING_n describe the latest attempt only
// (the earlier ones are deleted once the new manifest is written); manifest.json is rewritten listing all
// SUCCEEDED files.
import { DeleteObjectCommand, GetObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { StatesErrorName } from '../../engine';
import { s3Failure } from '../s3-failure';
import type { ResultManifest } from './result-writer';

/** The manifest the earlier attempt wrote; undefined when it ended before writing one (interrupted). */
export async function earlierManifest(s3: S3Client, bucket: string, key: string): Promise<ResultManifest | undefined> {
  try {
    const object = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
    return JSON.parse((await object.Body?.transformToString()) ?? '') as ResultManifest;
  } catch (thrown) {
    if ((thrown as { name?: string }).name === 'NoSuchKey') return undefined;
    throw s3Failure(StatesErrorName.ResultWriterFailed, 'getObject', { bucket, key }, thrown);
  }
}

/** The redrive's manifest: the earlier SUCCEEDED files first, then this attempt's (already numbered after them). */
export function mergedManifest(current: ResultManifest, earlier: ResultManifest | undefined): ResultManifest {
  if (!earlier) return current;
  return { ...current, ResultFiles: { ...current.ResultFiles, SUCCEEDED: [...earlier.ResultFiles.SUCCEEDED, ...current.ResultFiles.SUCCEEDED] } };
}

/** Deletes the earlier attempt's FAILED_n / PENDING_n files that this attempt did not overwrite. */
export async function deleteStaleFiles(s3: S3Client, bucket: string, earlier: ResultManifest | undefined, merged: ResultManifest): Promise<void> {
  if (!earlier) return;
  const kept = new Set([...merged.ResultFiles.FAILED, ...merged.ResultFiles.PENDING].map((f) => f.Key));
  const stale = [...earlier.ResultFiles.FAILED, ...earlier.ResultFiles.PENDING].filter((f) => !kept.has(f.Key));
  for (const { Key } of stale) {
    await s3.send(new DeleteObjectCommand({ Bucket: bucket, Key })).catch((thrown: unknown) => {
      throw s3Failure(StatesErrorName.ResultWriterFailed, 'deleteObject', { bucket, key: Key }, thrown);
    });
  }
}
