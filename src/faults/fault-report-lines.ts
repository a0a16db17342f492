// The fault injection report as a few readable lines (printed when an endpoint with SANDBOX_FAULTS stops):
// totals first, then one line per operation and per error. The full call numbers stay in faultReport().
import type { FaultReport } from './fault-schedule';

const fmt = (n: number) => n.toLocaleString('en-US');

export function faultReportLines(report: FaultReport): string[] {
  const calls = Object.values(report.calls).reduce((sum, n) => sum + n, 0);
  const lines = [`fault injection (SANDBOX_FAULTS): ${fmt(report.injected)} of ${fmt(calls)} DynamoDB calls failed on purpose`];
  const width = Math.max(0, ...Object.keys(report.calls).map((op) => op.length), ...Object.keys(report.byError).map((e) => e.length));
  for (const [operation, n] of Object.entries(report.calls)) {
    lines.push(`  ${operation.padEnd(width)}  ${fmt(report.byOperation[operation] ?? 0)} of ${fmt(n)} calls faulted`);
  }
  for (const [error, n] of Object.entries(report.byError)) lines.push(`  ${error.padEnd(width)}  ${fmt(n ?? 0)} injected`);
  return lines;
}
