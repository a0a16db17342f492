// The failed rows of a Map Run, read from its ResultWriter's FAILED_n.json files: one row per CSV row that
// failed, with the item, error and cause, 100 per page.
import { ApiError, s3Text, sandbox } from '../api';
import { h, link, pre, pretty } from '../dom';
import { asText } from '../text';
import { arnTail } from './execution';

interface FailedRow {
  readonly csvRow: string;
  readonly item: string;
  readonly error: string;
  readonly cause: string;
  readonly execution?: string;
}

const ROWS_PER_PAGE = 100;

export async function showFailedRows(mapRunArn: string, section: HTMLElement): Promise<void> {
  let location: { Bucket: string; Key: string };
  try {
    location = (await sandbox<{ resultWriterDetails: { Bucket: string; Key: string } }>('DescribeMapRunResults', { mapRunArn })).resultWriterDetails;
  } catch (err) {
    if (err instanceof ApiError && err.code === 'ResourceNotFound')
      return void section.replaceChildren(h('h2', {}, 'Failed rows'), h('p', { class: 'muted' }, 'This Map Run has no S3 ResultWriter.'));
    throw err;
  }
  const manifest = JSON.parse(await s3Text(location.Bucket, location.Key)) as { ResultFiles?: { FAILED?: Array<{ Key: string }> } };
  const files = manifest.ResultFiles?.FAILED ?? [];
  const rows: FailedRow[] = [];
  for (const file of files) for (const entry of parseResultFile(await s3Text(location.Bucket, file.Key))) rows.push(...rowsOf(entry));
  section.replaceChildren(
    h('h2', {}, 'Failed rows'),
    h(
      'p',
      { class: 'muted' },
      `${rows.length.toLocaleString('en-US')} failed rows in ${files.length} FAILED file(s) under s3://${location.Bucket}/${location.Key.replace(/manifest\.json$/, '')}`,
    ),
    rows.length ? pagedRows(rows) : h('p', {}, 'No failed rows.'),
  );
}

function parseResultFile(text: string): unknown[] {
  try {
    const parsed = JSON.parse(text) as unknown;
    return Array.isArray(parsed) ? parsed : [parsed];
  } catch {
    return text
      .split('\n')
      .filter((line) => line.trim())
      .map((line) => JSON.parse(line) as unknown);
  }
}

interface ResultEntry {
  readonly Input?: string;
  readonly Error?: string;
  readonly Cause?: string;
  readonly ExecutionArn?: string;
}

/**
 * One row per item of a failed child. When the cause names the rows that failed (the pipeline's writer
 * reports `{"failed": [{"csvRow", "error", "cause"}]}`), those rows with their own error and cause.
 */
function rowsOf(raw: unknown): FailedRow[] {
  const entry = raw as ResultEntry;
  const input = tryJson(entry.Input);
  const items = Array.isArray((input as { Items?: unknown[] } | undefined)?.Items) ? (input as { Items: unknown[] }).Items : [input];
  const perRow = (tryJson(entry.Cause) as { failed?: Array<{ csvRow?: unknown; error?: string; cause?: string }> } | undefined)?.failed;
  if (Array.isArray(perRow) && perRow.length > 0) {
    return perRow.map((row) => {
      const item = items.find((i) => csvRowOf(i) === asText(row.csvRow));
      return {
        csvRow: asText(row.csvRow ?? '?'),
        item: item === undefined ? '' : describeItem(item),
        error: row.error ?? entry.Error ?? '',
        cause: row.cause ?? '',
        execution: entry.ExecutionArn,
      };
    });
  }
  return items.map((item) => ({
    csvRow: csvRowOf(item) ?? '?',
    item: describeItem(item),
    error: entry.Error ?? '',
    cause: entry.Cause ?? '',
    execution: entry.ExecutionArn,
  }));
}

/** The pipeline's ItemSelector adds `csvRow` (a DynamoDB `N`); other Maps may use a plain value. */
function csvRowOf(item: unknown): string | undefined {
  const value = (item as { csvRow?: unknown } | null)?.csvRow;
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'object') return asText((value as { N?: unknown; S?: unknown }).N ?? (value as { S?: unknown }).S ?? value);
  return asText(value);
}

/** `name=value` pairs, DynamoDB attribute values (`{"S": "x"}`) unwrapped; other shapes as JSON. */
function describeItem(item: unknown): string {
  if (typeof item !== 'object' || item === null || Array.isArray(item)) return JSON.stringify(item);
  return Object.entries(item)
    .filter(([name]) => name !== 'csvRow')
    .map(([name, value]) => `${name}=${attributeText(value)}`)
    .join(', ');
}

function attributeText(value: unknown): string {
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
    const entries = Object.entries(value);
    if (entries.length === 1 && ['S', 'N', 'BOOL'].includes(entries[0][0])) return String(entries[0][1]);
  }
  return typeof value === 'string' ? value : JSON.stringify(value);
}

function tryJson(text: string | undefined): unknown {
  if (text === undefined) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function pagedRows(rows: readonly FailedRow[]): HTMLElement {
  const body = h('tbody');
  const info = h('span', { class: 'muted' });
  let start = 0;
  const prev = h('button', { onClick: () => show(start - ROWS_PER_PAGE) }, '‹ Previous');
  const next = h('button', { onClick: () => show(start + ROWS_PER_PAGE) }, 'Next ›');
  function show(at: number): void {
    start = Math.max(0, Math.min(at, rows.length - 1));
    const page = rows.slice(start, start + ROWS_PER_PAGE);
    body.replaceChildren(
      ...page.map((row) =>
        h(
          'tr',
          { class: 'failed-row' },
          h('td', { class: 'csv-row' }, row.csvRow),
          h('td', {}, h('code', {}, row.item)),
          h('td', { class: 'error-text' }, row.error),
          h('td', {}, row.cause.length > 200 ? h('details', {}, h('summary', {}, `${row.cause.slice(0, 200)}…`), pre(pretty(row.cause))) : row.cause),
          h('td', {}, row.execution ? link('execution', row.execution, arnTail(row.execution)) : ''),
        ),
      ),
    );
    info.textContent = `rows ${start + 1}–${start + page.length} of ${rows.length}`;
    prev.disabled = start === 0;
    next.disabled = start + ROWS_PER_PAGE >= rows.length;
  }
  show(0);
  return h(
    'div',
    {},
    h('div', { class: 'toolbar' }, prev, next, info),
    h(
      'table',
      { class: 'list failed-table' },
      h('thead', {}, h('tr', {}, h('th', {}, 'CSV row'), h('th', {}, 'Item'), h('th', {}, 'Error'), h('th', {}, 'Cause'), h('th', {}, 'Child execution'))),
      body,
    ),
  );
}
