// What a redriven Map Run (docs/aws-behaviour.md#redrive) does differently: the items whose child succeeded in an earlier attempt
// are not run again, the Map output still holds their results, and the ResultWriter files describe the whole run.
// [UNCONFIRMED] ResultWriter layout after a redrive (AWS documents none): the Map Run keeps its folder
// `<Prefix>/<mapRunUuid>/`; SUCCEEDED_n files of earlier attempts stay and the redrive's successes go to new
// SUCCEEDED_n files numbered after them; FAILED_n / PENDING_n describe the latest attempt only (the earlier ones
// are deleted once the new manifest is written); manifest.json is rewritten listing all SUCCEEDED files.
import {
  AbortMultipartUploadCommand,
  CompleteMultipartUploadCommand,
  CreateMultipartUploadCommand,
  DeleteObjectCommand,
  GetObjectCommand,
  PutObjectCommand,
  UploadPartCommand,
  type S3Client,
} from '@aws-sdk/client-s3';
import type { ChildResult, ResultManifest } from '../states/map/distributed';
import type { MapRunRedrive } from './map-run-host';

/** The units still to run: a unit whose first item's child succeeded before is skipped. */
export async function* skipSucceeded<U extends { readonly indices: readonly number[] }>(units: AsyncIterable<U>, redrive?: MapRunRedrive): AsyncGenerator<U> {
  for await (const unit of units) if (!redrive?.succeeded.has(unit.indices[0])) yield unit;
}

/** Earlier successes as results (the Map output of a Map Run without S3 ResultWriter). */
export function previousResults(redrive?: MapRunRedrive): ChildResult[] {
  return [...(redrive?.succeeded.values() ?? [])].map((child) => ({
    index: child.firstItemIndex,
    executionArn: child.executionArn,
    name: child.name,
    stateMachineArn: child.stateMachineArn,
    input: child.input ?? 'null',
    output: JSON.stringify(child.output ?? null),
    status: 'SUCCEEDED',
    startDate: child.startDate,
    stopDate: child.stopDate,
  }));
}

type KeyedCommand =
  | PutObjectCommand
  | CreateMultipartUploadCommand
  | UploadPartCommand
  | CompleteMultipartUploadCommand
  | AbortMultipartUploadCommand;

const RESULT_FILE = /^(.*)\/SUCCEEDED_(\d+)\.json$/;

/**
 * An S3 client for the ResultWriter of a redriven Map Run: it renumbers SUCCEEDED_n keys after the earlier
 * attempt's files and merges manifest.json (the ResultWriter itself knows nothing about redrives).
 */
export function redriveResultFiles(s3: S3Client, config: { readonly bucket?: string; readonly prefix?: string }, mapRunArn: string): S3Client {
  const bucket = config.bucket ?? '';
  const prefix = (config.prefix ?? '').replace(/\/+$/, '');
  const uuid = mapRunArn.split(':').pop() ?? '';
  const folder = prefix === '' ? uuid : `${prefix}/${uuid}`;
  let previous: Promise<ResultManifest | undefined> | undefined;
  const earlier = () => (previous ??= readManifest(s3, bucket, `${folder}/manifest.json`));
  const rename = async (key: string): Promise<string> => {
    const match = RESULT_FILE.exec(key);
    if (!match || match[1] !== folder) return key;
    const offset = (await earlier())?.ResultFiles.SUCCEEDED.length ?? 0;
    return `${folder}/SUCCEEDED_${Number(match[2]) + offset}.json`;
  };
  const send = async (command: unknown): Promise<unknown> => {
    if (command instanceof PutObjectCommand && command.input.Key === `${folder}/manifest.json`) {
      return putMergedManifest(s3, command, await earlier(), rename);
    }
    const keyed = command as KeyedCommand;
    if (isKeyed(command) && keyed.input.Key !== undefined) {
      const Key = await rename(keyed.input.Key);
      if (Key !== keyed.input.Key) return s3.send(withKey(keyed, Key) as PutObjectCommand);
    }
    return s3.send(command as PutObjectCommand);
  };
  // The ResultWriter only calls send(); everything else stays the real client's.
  return Object.assign(Object.create(s3) as S3Client, { send });
}

function isKeyed(command: unknown): command is KeyedCommand {
  return [PutObjectCommand, CreateMultipartUploadCommand, UploadPartCommand, CompleteMultipartUploadCommand, AbortMultipartUploadCommand].some(
    (type) => command instanceof type,
  );
}

function withKey(command: KeyedCommand, Key: string): KeyedCommand {
  if (command instanceof PutObjectCommand) return new PutObjectCommand({ ...command.input, Key });
  if (command instanceof CreateMultipartUploadCommand) return new CreateMultipartUploadCommand({ ...command.input, Key });
  if (command instanceof UploadPartCommand) return new UploadPartCommand({ ...command.input, Key });
  if (command instanceof CompleteMultipartUploadCommand) return new CompleteMultipartUploadCommand({ ...command.input, Key });
  return new AbortMultipartUploadCommand({ ...command.input, Key });
}

async function readManifest(s3: S3Client, bucket: string, key: string): Promise<ResultManifest | undefined> {
  try {
    const object = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
    return JSON.parse((await object.Body?.transformToString()) ?? '') as ResultManifest;
  } catch (thrown) {
    // The earlier attempt may have ended before writing one (interrupted): nothing to merge then.
    if ((thrown as { name?: string }).name === 'NoSuchKey') return undefined;
    throw thrown;
  }
}

async function putMergedManifest(
  s3: S3Client,
  command: PutObjectCommand,
  earlier: ResultManifest | undefined,
  rename: (key: string) => Promise<string>,
): Promise<unknown> {
  const current = JSON.parse(Buffer.from(command.input.Body as Uint8Array).toString('utf8')) as ResultManifest;
  const renamed = await Promise.all(current.ResultFiles.SUCCEEDED.map(async (f) => ({ ...f, Key: await rename(f.Key) })));
  const merged: ResultManifest = {
    ...current,
    ResultFiles: { ...current.ResultFiles, SUCCEEDED: [...(earlier?.ResultFiles.SUCCEEDED ?? []), ...renamed] },
  };
  const result = await s3.send(new PutObjectCommand({ ...command.input, Body: Buffer.from(JSON.stringify(merged)) }));
  const kept = new Set([...merged.ResultFiles.FAILED, ...merged.ResultFiles.PENDING].map((f) => f.Key));
  const stale = [...(earlier?.ResultFiles.FAILED ?? []), ...(earlier?.ResultFiles.PENDING ?? [])].filter((f) => !kept.has(f.Key));
  for (const file of stale) await s3.send(new DeleteObjectCommand({ Bucket: command.input.Bucket, Key: file.Key }));
  return result;
}
