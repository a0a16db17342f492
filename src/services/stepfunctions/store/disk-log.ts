// The write-ahead log under `<dataDir>/stepfunctions/log.jsonl`: one JSON record per line, appended with a
// synchronous write before the API call that caused it returns, so a killed process (kill -9) loses nothing
// acknowledged: the data is in the OS page cache. fsync policy: records that acknowledge a control-plane call
// (state machines, top-level executions, redrives) are fsynced too, so they also survive a machine crash;
// the high-volume ones (history events, Map Run children, counts) are not. A torn last line (a crash while
// writing it) is skipped on load. Dates are written as ISO strings and revived by field name.
import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readSync, renameSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import type { HistoryEvent } from '@aws-sdk/client-sfn';
import type { ExecutionChanges, ExecutionRecord, MapRunChanges, MapRunRecord, ResourceKind, ResourceRecords, StateMachineRecord } from './store';

export type LogRecord =
  | { readonly k: 'sm'; readonly v: StateMachineRecord }
  | { readonly k: 'smd'; readonly a: string }
  | { readonly k: 'ex'; readonly v: ExecutionRecord }
  | { readonly k: 'exu'; readonly a: string; readonly v: ExecutionChanges }
  | { readonly k: 'ev'; readonly a: string; readonly v: HistoryEvent }
  | { readonly k: 'mr'; readonly v: MapRunRecord }
  | { readonly k: 'mru'; readonly a: string; readonly v: MapRunChanges }
  | { readonly k: 'rs'; readonly t: ResourceKind; readonly v: ResourceRecords[ResourceKind] }
  | { readonly k: 'rsd'; readonly t: ResourceKind; readonly a: string };

const DATE_FIELDS = new Set(['startDate', 'stopDate', 'creationDate', 'updateDate', 'redriveDate', 'timestamp', 'date']);
const LOG_FILE = 'log.jsonl';

export class DiskLog {
  private constructor(
    private readonly path: string,
    private fd: number,
  ) {}

  /** Opens `<dir>/log.jsonl` for appending (creating the folder). */
  static open(dir: string): DiskLog {
    mkdirSync(dir, { recursive: true });
    const path = join(dir, LOG_FILE);
    return new DiskLog(path, openSync(path, 'a'));
  }

  /** Every record of `<dir>/log.jsonl`, in order; streamed in chunks so a large log is never one string. */
  static *read(dir: string): Generator<LogRecord> {
    const path = join(dir, LOG_FILE);
    if (!existsSync(path)) return;
    const fd = openSync(path, 'r');
    try {
      const chunk = Buffer.alloc(1 << 20);
      let rest = '';
      for (let n = readSync(fd, chunk); n > 0; n = readSync(fd, chunk)) {
        const lines = (rest + chunk.toString('utf8', 0, n)).split('\n');
        rest = lines.pop() ?? '';
        for (const line of lines) if (line.trim() !== '') yield parse(line);
      }
      // No trailing newline: the process died while writing this record; it was never acknowledged.
      if (rest.trim() !== '') {
        const last = tryParse(rest);
        if (last) yield last;
      }
    } finally {
      closeSync(fd);
    }
  }

  append(record: LogRecord, durable = false): void {
    writeSync(this.fd, `${serialize(record)}\n`);
    if (durable) fsyncSync(this.fd);
  }

  /** Replaces the log with `records` (compaction): written to a new file, fsynced, then renamed over the old one. */
  rewrite(records: Iterable<LogRecord>): void {
    const tmp = `${this.path}.compacting`;
    const fd = openSync(tmp, 'w');
    try {
      let buffer: string[] = [];
      for (const record of records) {
        buffer.push(serialize(record));
        if (buffer.length >= 1000) {
          writeSync(fd, `${buffer.join('\n')}\n`);
          buffer = [];
        }
      }
      if (buffer.length > 0) writeSync(fd, `${buffer.join('\n')}\n`);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    closeSync(this.fd);
    renameSync(tmp, this.path);
    this.fd = openSync(this.path, 'a');
  }

  close(): void {
    fsyncSync(this.fd);
    closeSync(this.fd);
  }
}

/** A change that clears a field (redrive reopening an execution) must survive JSON: undefined → null. */
function serialize(record: LogRecord): string {
  if (record.k !== 'exu' && record.k !== 'mru') return JSON.stringify(record);
  const v = Object.fromEntries(Object.entries(record.v).map(([key, value]) => [key, value === undefined ? null : value]));
  return JSON.stringify({ ...record, v });
}

function parse(line: string): LogRecord {
  const record = tryParse(line);
  if (!record) throw new Error(`Step Functions data log is corrupt (not a JSON record): ${line.slice(0, 200)}`);
  return record;
}

function tryParse(line: string): LogRecord | undefined {
  try {
    return JSON.parse(line, (key, value: unknown) => (DATE_FIELDS.has(key) && typeof value === 'string' ? new Date(value) : value)) as LogRecord;
  } catch {
    return undefined;
  }
}

/** Applies a logged change: null means "cleared". */
export function applyChanges<T extends object>(target: T, changes: object): T {
  for (const [key, value] of Object.entries(changes)) {
    if (value === null) delete (target as Record<string, unknown>)[key];
    else (target as Record<string, unknown>)[key] = value;
  }
  return target;
}
