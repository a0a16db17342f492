// The benchmark's output: one row per size joining the pipeline and direct measurements, as a table for people
// and as one JSON line per size for machines (CI trend lines, docs/performance.md).
import type { Measurement } from './measure-one';

export interface SizeResult {
  readonly rows: number;
  readonly pipelineSeconds: number;
  readonly rowsPerSecond: number;
  readonly directSeconds: number;
  readonly directRowsPerSecond: number;
  /** pipeline / direct. */
  readonly ratio: number;
  readonly pipelinePeakRssMb: number;
  readonly directPeakRssMb: number;
  readonly childExecutions: number;
  readonly childExecutionsPerSecond: number;
  /** CPU seconds the pipeline and the direct load used (wall time includes whatever else the machine ran). */
  readonly pipelineCpuSeconds: number;
  readonly directCpuSeconds: number;
  /** The main thread's share of those (the rest ran in worker threads: the DynamoDB store by default). */
  readonly pipelineMainThreadCpuSeconds: number;
  readonly directMainThreadCpuSeconds: number;
}

export function sizeResult(pipeline: Measurement, direct: Measurement): SizeResult {
  const children = pipeline.childExecutions ?? 0;
  return {
    rows: pipeline.rows,
    pipelineSeconds: round(pipeline.seconds, 2),
    rowsPerSecond: Math.round(pipeline.rows / pipeline.seconds),
    directSeconds: round(direct.seconds, 2),
    directRowsPerSecond: Math.round(direct.rows / direct.seconds),
    ratio: round(pipeline.seconds / direct.seconds, 2),
    pipelinePeakRssMb: pipeline.peakRssMb,
    directPeakRssMb: direct.peakRssMb,
    childExecutions: children,
    childExecutionsPerSecond: Math.round(children / pipeline.seconds),
    pipelineCpuSeconds: pipeline.cpuSeconds,
    directCpuSeconds: direct.cpuSeconds,
    pipelineMainThreadCpuSeconds: pipeline.mainThreadCpuSeconds,
    directMainThreadCpuSeconds: direct.mainThreadCpuSeconds,
  };
}

const COLUMNS: readonly [string, (r: SizeResult) => string][] = [
  ['rows', (r) => r.rows.toLocaleString('en-US')],
  ['pipeline s', (r) => r.pipelineSeconds.toFixed(2)],
  ['rows/s', (r) => r.rowsPerSecond.toLocaleString('en-US')],
  ['direct s', (r) => r.directSeconds.toFixed(2)],
  ['ratio', (r) => `${r.ratio.toFixed(2)}x`],
  ['peak RSS MB', (r) => `${r.pipelinePeakRssMb} (direct ${r.directPeakRssMb})`],
  ['CPU s (direct)', (r) => `${r.pipelineCpuSeconds.toFixed(1)} (${r.directCpuSeconds.toFixed(1)})`],
  ['children/s', (r) => r.childExecutionsPerSecond.toLocaleString('en-US')],
];

/** A Markdown table, so the same text goes into docs/performance.md. */
export function formatTable(results: readonly SizeResult[]): string {
  const cells = results.map((r) => COLUMNS.map(([, cell]) => cell(r)));
  const widths = COLUMNS.map(([title], i) => Math.max(title.length, ...cells.map((row) => row[i].length)));
  const line = (values: readonly string[]) => `| ${values.map((v, i) => v.padStart(widths[i])).join(' | ')} |`;
  return [line(COLUMNS.map(([title]) => title)), `|${widths.map((w) => '-'.repeat(w + 1) + ':').join('|')}|`, ...cells.map(line)].join('\n');
}

export function jsonLine(result: SizeResult): string {
  return JSON.stringify({ bench: 'pipeline-vs-direct', ...result });
}

function round(value: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}
