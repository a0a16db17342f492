// ResultWriter of the Distributed Map (docs/aws-behaviour.md#resultwriter): exports child results to S3 as
//   <Prefix>/<mapRunUuid>/SUCCEEDED_n.json, FAILED_n.json, PENDING_n.json and manifest.json
// where mapRunUuid is the last ':'-segment of the Map Run ARN. Only non-empty status files are written.
// Entries are spooled to temp files as children finish (memory stays flat for a million rows) and uploaded by
// finish(). [UNCONFIRMED] choices:
// - entries are ordered by item index within and across the files of one status (AWS documents no order);
// - a file is cut before it would pass maxFileBytes (5 GiB, AWS's per-file cap), which increments n;
// - JSONL files keep the `.json` name; a trailing '/' on Prefix is dropped so keys never hold "//".
// A redriven Map Run (`redriven`) numbers its SUCCEEDED_n files after the earlier attempts' (redrive-files.ts).
import { PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { StatesError, StatesErrorName } from '../../engine';
import { s3Failure } from '../s3-failure';
import { resultEntries, resultFileStatus, type ChildResult, type OutputType, type ResultFileStatus, type Transformation } from './result-entry';
import { FileLayout } from './file-layout';
import { deleteStaleFiles, earlierManifest, mergedManifest } from './redrive-files';
import { DEFAULT_PART_BYTES, uploadObject } from './s3-upload';
import { SpoolFile } from './spool-file';

export interface ResultWriterConfig {
  readonly bucket?: string;
  readonly prefix?: string;
  readonly outputType: OutputType;
  readonly transformation: Transformation;
  /** The Map Run is redriven: its files join those its earlier attempts wrote in the same folder. */
  readonly redriven?: boolean;
}

export interface ResultWriterOptions {
  /** Per-file cap; defaults to 5 GiB. */
  readonly maxFileBytes?: number;
  /** Upload part size (S3 needs ≥ 5 MiB for all parts but the last); defaults to 8 MiB. */
  readonly partBytes?: number;
  /** Where the spool files go; defaults to os.tmpdir(). */
  readonly tmpDir?: string;
}

export interface ResultFile {
  readonly Key: string;
  readonly Size: number;
}

export interface ResultManifest {
  readonly DestinationBucket: string;
  readonly MapRunArn: string;
  readonly ResultFiles: Record<ResultFileStatus, ResultFile[]>;
}

/** The Map state's ResultWriterDetails: where manifest.json was written. */
export interface ResultWriterDetails {
  readonly Bucket: string;
  readonly Key: string;
}

const STATUSES: readonly ResultFileStatus[] = ['SUCCEEDED', 'FAILED', 'PENDING'];
const MAX_FILE_BYTES = 5 * 1024 ** 3;

export class ResultWriter {
  private readonly bucket: string;
  private readonly folder: string;
  private readonly spools = new Map<ResultFileStatus, SpoolFile>();
  private tempDir?: Promise<string>;
  private closed = false;

  constructor(
    private readonly s3: S3Client,
    private readonly config: ResultWriterConfig,
    private readonly mapRunArn: string,
    private readonly options: ResultWriterOptions = {},
  ) {
    if (typeof config.bucket !== 'string' || config.bucket === '') throw writerFailed('The ResultWriter needs a Bucket to export results to S3.');
    if (config.outputType !== 'JSON' && config.outputType !== 'JSONL')
      throw writerFailed(`Unsupported WriterConfig.OutputType '${String(config.outputType)}'.`);
    if (!['NONE', 'COMPACT', 'FLATTEN'].includes(config.transformation)) {
      throw writerFailed(`Unsupported WriterConfig.Transformation '${String(config.transformation)}'.`);
    }
    const uuid = mapRunArn.split(':').pop() ?? '';
    if (uuid === '') throw writerFailed(`Cannot derive the result folder from Map Run ARN '${mapRunArn}'.`);
    const prefix = (config.prefix ?? '').replace(/\/+$/, '');
    this.bucket = config.bucket;
    this.folder = prefix === '' ? uuid : `${prefix}/${uuid}`;
  }

  /** Where finish() writes manifest.json. */
  get manifest(): ResultWriterDetails {
    return { Bucket: this.bucket, Key: `${this.folder}/manifest.json` };
  }

  /** Records one finished (or never started) child; await it for backpressure on the temp file. */
  async add(child: ChildResult): Promise<void> {
    if (this.closed) throw new Error('ResultWriter.add() called after finish() or discard()');
    const spool = this.spool(resultFileStatus(child.status));
    for (const entry of resultEntries(child, this.config.transformation)) {
      await spool.append(child.index, Buffer.from(JSON.stringify(entry) ?? 'null', 'utf8'));
    }
  }

  /** Uploads the result files and manifest.json; the temp files are removed whatever happens. */
  async finish(): Promise<ResultWriterDetails> {
    if (this.closed) throw new Error('ResultWriter.finish() called after finish() or discard()');
    this.closed = true;
    try {
      const key = this.manifest.Key;
      const earlier = this.config.redriven ? await earlierManifest(this.s3, this.bucket, key) : undefined;
      const files: Record<ResultFileStatus, ResultFile[]> = { FAILED: [], PENDING: [], SUCCEEDED: [] };
      for (const status of STATUSES) {
        const firstNumber = status === 'SUCCEEDED' ? (earlier?.ResultFiles.SUCCEEDED.length ?? 0) : 0;
        files[status] = await this.uploadStatus(status, firstNumber);
      }
      const manifest = mergedManifest({ DestinationBucket: this.bucket, MapRunArn: this.mapRunArn, ResultFiles: files }, earlier);
      await this.s3
        .send(new PutObjectCommand({ Bucket: this.bucket, Key: key, Body: Buffer.from(JSON.stringify(manifest)), ContentType: 'application/json' }))
        .catch((thrown: unknown) => {
          throw s3Failure(StatesErrorName.ResultWriterFailed, 'putObject', { bucket: this.bucket, key }, thrown);
        });
      await deleteStaleFiles(this.s3, this.bucket, earlier, manifest);
      return { Bucket: this.bucket, Key: key };
    } finally {
      await this.cleanUp();
    }
  }

  /** Drops everything spooled without uploading (the Map Run was aborted). */
  async discard(): Promise<void> {
    this.closed = true;
    await this.cleanUp();
  }

  /** Uploads `<status>_<n>.json` files, n counting from `firstNumber`. */
  private async uploadStatus(status: ResultFileStatus, firstNumber: number): Promise<ResultFile[]> {
    const spool = this.spools.get(status);
    if (!spool || spool.count === 0) return [];
    await spool.flush();
    const order = spool.sortedOrder();
    const layout = new FileLayout(this.config.outputType);
    const uploaded: ResultFile[] = [];
    for (const range of layout.split(order, spool, this.options.maxFileBytes ?? MAX_FILE_BYTES)) {
      const key = `${this.folder}/${status}_${firstNumber + uploaded.length}.json`;
      const target = { bucket: this.bucket, key, size: range.size, contentType: 'application/json' };
      await uploadObject(this.s3, target, layout.render(spool, order, range), this.options.partBytes ?? DEFAULT_PART_BYTES);
      uploaded.push({ Key: key, Size: range.size });
    }
    return uploaded;
  }

  private spool(status: ResultFileStatus): SpoolFile {
    let spool = this.spools.get(status);
    if (!spool) {
      spool = new SpoolFile(async () => join(await this.dir(), `${status}.spool`));
      this.spools.set(status, spool);
    }
    return spool;
  }

  private dir(): Promise<string> {
    this.tempDir ??= mkdtemp(join(this.options.tmpDir ?? tmpdir(), 'sfn-result-writer-'));
    return this.tempDir;
  }

  private async cleanUp(): Promise<void> {
    for (const spool of this.spools.values()) await spool.close();
    this.spools.clear();
    const dir = await this.tempDir?.catch(() => undefined); // a failed mkdtemp was already reported
    if (dir) await rm(dir, { recursive: true, force: true });
    this.tempDir = undefined;
  }
}

function writerFailed(cause: string): StatesError {
  return new StatesError(StatesErrorName.ResultWriterFailed, cause);
}
