// Human-readable output for the scripts: a live progress line and the end-of-run summary.
import type { Progress, RunSummary } from './run-pipeline';
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

export function summaryLines(s: RunSummary): string[] {
  const lines = [
    `execution  ${s.executionArn}`,
    `status     ${s.status}${s.error ? `  ${s.error}: ${s.cause ?? ''}` : ''}`,
    `duration   ${(s.durationMs / 1000).toFixed(2)} s${s.rowsPerSecond !== undefined ? `  (${fmt(s.rowsPerSecond)} rows/s)` : ''}`,
  ];
  if (s.items) {
    lines.push(
      `items      ${fmt(s.items.total)} total, ${fmt(s.items.succeeded)} succeeded, ${fmt(s.items.failed)} failed, ` +
        `${fmt(s.items.aborted)} aborted, ${fmt(s.items.pending)} pending`,
    );
  }
  if (s.executions) lines.push(`children   ${fmt(s.executions.total)} child executions, ${fmt(s.executions.failed)} failed`);
  if (s.resultWriter) {
    const files = s.resultWriter.manifest.ResultFiles;
    lines.push(`results    s3://${s.resultWriter.bucket}/${s.resultWriter.manifestKey}`);
    for (const status of ['SUCCEEDED', 'FAILED', 'PENDING'] as const) {
      for (const f of files[status] ?? []) lines.push(`             ${status.padEnd(9)} s3://${s.resultWriter.bucket}/${f.Key} (${fmt(f.Size)} bytes)`);
    }
  }
  s.failures.forEach((f, i) => lines.push(`failure ${i + 1}  ${f.error ?? '(no error)'} (${f.items} items): ${truncate(f.cause ?? '', 300)}`));
  return lines;
}

export function verifyLines(r: VerifyReport): string[] {
  const lines = [
    `csv        ${fmt(r.csvItems)} rows read (${fmt(r.csvDataLines)} non-empty data lines), ${fmt(r.validRows)} valid`,
    `table      ${fmt(r.tableItems)} items; ${fmt(r.present)} valid rows present with the right attributes`,
    `reported   ${fmt(r.reportedFailed)} rows listed in FAILED/PENDING results`,
  ];
  if (r.writtenDespiteDefects) lines.push(`warning    ${fmt(r.writtenDespiteDefects)} invalid rows were written anyway`);
  if (r.duplicateKeys) lines.push(`warning    ${fmt(r.duplicateKeys)} rows share a key with an earlier row (the later one wins)`);
  if (r.csvDataLines !== r.csvItems) {
    lines.push(`LOST       the CSV reader produced ${fmt(r.csvItems)} rows from ${fmt(r.csvDataLines)} data lines (a stray quote merges lines)`);
  }
  for (const p of r.mismatched.slice(0, 20)) lines.push(`MISMATCH   row ${p.row} (${p.pk}): ${p.reason}`);
  for (const p of r.lost.slice(0, 20)) lines.push(`LOST       row ${p.row} (${p.pk}): ${p.reason}`);
  if (r.lost.length > 20) lines.push(`LOST       … and ${fmt(r.lost.length - 20)} more rows`);
  lines.push(r.ok ? 'verified   every row is accounted for' : `NOT VERIFIED  ${fmt(r.lost.length)} rows lost, ${fmt(r.mismatched.length)} mismatched`);
  return lines;
}

function truncate(s: string, n: number): string {
  return s.length > n ? `${s.slice(0, n)}…` : s;
}
