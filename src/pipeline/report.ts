// Human-readable output for the scripts: a live progress line and the end-of-run summary.
import type { RetryCount } from './express-retries';
import type { CsvCheck, FailureSample, Progress, RunSummary } from './run-pipeline';
import type { VerifyReport } from './verify';

const fmt = (n: number | undefined) => (n ?? 0).toLocaleString('en-US');

/** One progress rendering: a bar on a TTY (rewritten in place), a plain line otherwise. */
export function progressLine(p: Progress, tty: boolean): string {
  const total = p.items?.total ?? 0;
  const done = (p.items?.succeeded ?? 0) + (p.items?.failed ?? 0) + (p.items?.aborted ?? 0) + (p.items?.timedOut ?? 0);
  const rate = p.elapsedMs > 0 ? Math.round((done * 1000) / p.elapsedMs) : 0;
  const text = `${fmt(done)}/${fmt(total)} items, ${fmt(p.items?.failed)} failed, ${fmt(rate)} items/s, ${(p.elapsedMs / 1000).toFixed(1)}s ${p.status}`;
  if (!tty) return text;
  const width = 30;
  const filled = total > 0 ? Math.round((done / total) * width) : 0;
  return `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${text}`;
}

export function summaryLines(s: RunSummary, rowsToShow = 20): string[] {
  const lines = [
    `execution  ${s.executionArn}`,
    `status     ${s.status}${s.error ? `  ${s.error}: ${s.cause ?? ''}` : ''}`,
    ...(s.failedAt ? [`at         ${rowName(s.failedAt.row, s.failedAt.line)}`] : []),
    `duration   ${(s.durationMs / 1000).toFixed(2)} s${s.rowsPerSecond !== undefined ? `  (${fmt(s.rowsPerSecond)} rows/s)` : ''}`,
  ];
  if (s.items) {
    // The Map Run counts items (rows); with ItemBatcher a failed batch counts every row it carried as failed.
    lines.push(
      `rows       ${fmt(s.items.total)} in the Map Run: ${fmt(s.items.succeeded)} succeeded, ${fmt(s.items.failed)} failed` +
        `${s.failedBatches > 0 ? ` (every row of a failed batch counts)` : ''}, ${fmt(s.items.aborted)} aborted, ${fmt(s.items.pending)} pending`,
    );
  }
  if (s.executions) {
    lines.push(
      `batches    ${fmt(s.executions.total)} child executions: ${fmt(s.executions.succeeded)} succeeded, ${fmt(s.executions.failed)} failed, ` +
        `${fmt(s.executions.aborted)} aborted`,
    );
  }
  if (s.resultWriter) {
    const files = s.resultWriter.manifest.ResultFiles;
    lines.push(`results    s3://${s.resultWriter.bucket}/${s.resultWriter.manifestKey}`);
    for (const status of ['SUCCEEDED', 'FAILED', 'PENDING'] as const) {
      for (const f of files[status] ?? []) lines.push(`             ${status.padEnd(9)} s3://${s.resultWriter.bucket}/${f.Key} (${fmt(f.Size)} bytes)`);
    }
  }
  if (s.retries) lines.push(retriesLine(s.retries));
  if (s.abortedBatches > 0)
    lines.push(`aborted    ${fmt(s.abortedBatches)} batches were stopped when the run ended (in FAILED_n.json with status ABORTED, no error)`);
  // A batch that names its failed rows is shown by those rows below; any other failed batch is shown whole.
  s.failures
    .filter((f) => !isRowLevel(f))
    .forEach((f, i) =>
      lines.push(`failure ${i + 1}  ${f.error ?? '(no error)'} (batch of ${f.items} rows${rowRange(f.rows, f.lines)}): ${truncate(f.cause ?? '', 300)}`),
    );
  const own = s.rowFailures;
  if (own.length > 0) {
    lines.push(`failed     ${fmt(own.length)} row${own.length === 1 ? '' : 's'} (by CSV line; data rows count from 1 after the header):`);
    for (const f of own.slice(0, rowsToShow))
      lines.push(`  ${rowName(f.row, f.line)}${f.pk ? ` ${f.pk}` : ''}: ${f.error ?? '(no error)'}: ${truncate(shortCause(f.cause ?? ''), 200)}`);
    if (own.length > rowsToShow) lines.push(`  … and ${fmt(own.length - rowsToShow)} more (all in the FAILED_n.json files above)`);
  }
  if (s.csv) lines.push(...csvLines(s.csv));
  return lines;
}

/** `retries    412 task attempts retried (398 throttled), from 2,000 EXPRESS histories`, saying when it is partial. */
export function retriesLine(r: RetryCount): string {
  if ('unavailable' in r) return `retries    not counted: ${r.unavailable}`;
  if (r.histories === 0 && r.missing > 0)
    return 'retries    not counted: the sandbox kept none of the EXPRESS histories (SANDBOX_EXPRESS_HISTORIES=0 keeps none)';
  const partial =
    r.missing > 0
      ? `; partial: ${fmt(r.missing)} histor${r.missing === 1 ? 'y is' : 'ies are'} no longer kept (the sandbox keeps the latest SANDBOX_EXPRESS_HISTORIES EXPRESS executions)`
      : '';
  return `retries    ${fmt(r.retried)} task attempt${r.retried === 1 ? '' : 's'} retried (${fmt(r.throttled)} throttled), from ${fmt(r.histories)} EXPRESS histor${r.histories === 1 ? 'y' : 'ies'}${partial}`;
}

/** True when the run needs attention beyond its status: lines merged into one row, or a header without the pipeline's columns. */
export function csvNeedsAttention(s: Pick<RunSummary, 'csv'>): boolean {
  return Boolean(s.csv && (s.csv.unreadable || s.csv.headerProblem || s.csv.multiLineRows.some((r) => r.mergesRows)));
}

/** `line 1,235 (data row 1,234)`: the one way every script names a row. */
export function rowName(row: number, line: number | undefined): string {
  return line === undefined ? `data row ${fmt(row)}` : `line ${fmt(line)} (data row ${fmt(row)})`;
}

function csvLines(c: CsvCheck): string[] {
  if (c.unreadable) return [`CSV        ${c.unreadable}`];
  const lines: string[] = [];
  if (c.headerProblem) lines.push(`HEADER     ${c.headerProblem}`);
  const merged = c.multiLineRows.filter((r) => r.mergesRows);
  const quoted = c.multiLineRows.filter((r) => !r.mergesRows);
  if (c.rows === c.dataLines) lines.push(`csv        ${fmt(c.rows)} rows read from ${fmt(c.dataLines)} data lines of ${c.location}`);
  else lines.push(`${merged.length > 0 ? 'CSV' : 'csv'}        ${fmt(c.rows)} rows read from ${fmt(c.dataLines)} data lines of ${c.location}`);
  for (const r of merged.slice(0, 5)) {
    lines.push(
      `MERGED     ${rowName(r.row, r.line)} runs to line ${fmt(r.endLine)}: a quote opened on line ${fmt(r.line)} closes only there, so ` +
        `${fmt(r.endLine - r.line + 1)} lines became one row`,
    );
  }
  if (quoted.length > 0) {
    const shown = quoted
      .slice(0, 5)
      .map((r) => `lines ${fmt(r.line)}–${fmt(r.endLine)}`)
      .join(', ');
    lines.push(
      `csv        ${fmt(quoted.length)} row${quoted.length === 1 ? ' holds' : 's hold'} quoted line breaks (${shown}${quoted.length > 5 ? ', …' : ''})`,
    );
  }
  if (c.invalidUtf8 > 0) {
    lines.push(
      `warning    ${fmt(c.invalidUtf8)} invalid UTF-8 sequence${c.invalidUtf8 === 1 ? '' : 's'} (the first on line ${fmt(c.firstInvalidUtf8Line ?? 0)}) ` +
        'read as U+FFFD: the values written differ from the bytes in the file',
    );
  }
  return lines;
}

function isRowLevel(f: FailureSample): boolean {
  try {
    return Array.isArray((JSON.parse(f.cause ?? '') as { failed?: unknown })?.failed);
  } catch {
    return false;
  }
}

function rowRange(rows: readonly number[], lines: readonly [number, number] | undefined): string {
  if (rows.length === 0) return '';
  const min = Math.min(...rows);
  const max = Math.max(...rows);
  const at = lines ? (lines[0] === lines[1] ? `line ${fmt(lines[0])}, ` : `lines ${fmt(lines[0])}–${fmt(lines[1])}, `) : '';
  return min === max ? `: ${at}data row ${fmt(min)}` : `: ${at}data rows ${fmt(min)}–${fmt(max)}`;
}

/**
 * What verify found. `afterRun`: the run's summary above already said how the CSV read (rows, data lines, quoted
 * line breaks), so only the count of valid rows is added, not the same lines again.
 */
export function verifyLines(r: VerifyReport, options: { readonly afterRun?: boolean } = {}): string[] {
  const lines = [
    options.afterRun
      ? `valid      ${fmt(r.validRows)} of the ${fmt(r.csvItems)} rows are valid orders`
      : `csv        ${fmt(r.csvItems)} rows read from ${fmt(r.csvDataLines)} data lines, ${fmt(r.validRows)} valid`,
    `table      ${fmt(r.tableItems)} items; ${fmt(r.present)} valid rows present with the right attributes`,
    `reported   ${fmt(r.reportedFailed)} rows listed in FAILED/PENDING results`,
  ];
  if (r.headerProblem) lines.push(`HEADER     ${r.headerProblem}`);
  if (r.writtenDespiteDefects) lines.push(`warning    ${fmt(r.writtenDespiteDefects)} invalid rows were written anyway`);
  if (r.duplicateKeys) lines.push(`warning    ${fmt(r.duplicateKeys)} rows share a key with an earlier row (the later one wins)`);
  if (r.invalidUtf8) {
    lines.push(`warning    ${fmt(r.invalidUtf8)} invalid UTF-8 sequences (the first on line ${fmt(r.firstInvalidUtf8Line ?? 0)}) were read as U+FFFD`);
  }
  const quoted = r.multiLineRows - r.mergedRows.length;
  if (quoted > 0 && !options.afterRun) lines.push(`csv        ${fmt(quoted)} rows hold quoted line breaks (one row over several lines, as CSV allows)`);
  for (const m of r.mergedRows.slice(0, 5)) {
    lines.push(`MERGED     ${rowName(m.row, m.line)} runs to line ${fmt(m.endLine)}: a stray quote made ${fmt(m.endLine - m.line + 1)} lines one row`);
  }
  for (const p of r.mismatched.slice(0, 20)) lines.push(`MISMATCH   ${rowName(p.row, p.line)} ${p.pk}: ${p.reason}`);
  for (const p of r.lost.slice(0, 20)) lines.push(`LOST       ${rowName(p.row, p.line)} ${p.pk}: ${p.reason}`);
  if (r.lost.length > 20) lines.push(`LOST       … and ${fmt(r.lost.length - 20)} more rows`);
  if (r.run && r.run.status !== 'SUCCEEDED') {
    const not = r.notProcessed > 0 ? `; ${fmt(r.notProcessed)} rows were never processed (neither written nor in its results)` : '';
    lines.push(`run        ${r.run.status}${r.run.error ? ` (${r.run.error})` : ''}${not}`);
  }
  if (r.ok) lines.push('verified   every row is accounted for');
  else {
    const parts = [`${fmt(r.lost.length)} rows lost`, `${fmt(r.mismatched.length)} mismatched`];
    if (r.mergedRows.length) parts.push(`${fmt(r.mergedRows.length)} rows merging several lines`);
    if (r.headerProblem) parts.push('columns missing from the header');
    if (r.run && r.run.status !== 'SUCCEEDED') parts.push(`the run ${r.run.status}`);
    lines.push(`NOT VERIFIED  ${parts.join(', ')}`);
  }
  return lines;
}

/** DynamoDB's Java-style suffix (service, status, request id) says nothing about the row. */
export function shortCause(cause: string): string {
  return cause.replace(/ \(Service: AmazonDynamoDBv2;[^)]*\)$/, '');
}

function truncate(s: string, n: number): string {
  return s.length > n ? `${s.slice(0, n)}…` : s;
}
