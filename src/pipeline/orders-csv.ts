// Generates the orders CSV the pipeline loads (`orderNumber,orderDate,orderStatus,lineItems,totalPrice`),
// reproducibly from a seed, optionally with realistic malformed rows of the kinds production files contain.
import { stringify } from 'csv-stringify/sync';

export const ORDER_COLUMNS = ['orderNumber', 'orderDate', 'orderStatus', 'lineItems', 'totalPrice'] as const;
export type OrderRow = Record<(typeof ORDER_COLUMNS)[number], string>;

export const MALFORMED_KINDS = ['missing-fields', 'extra-fields', 'unbalanced-quote', 'non-numeric-price', 'empty-line', 'bom'] as const;
export type MalformedKind = (typeof MALFORMED_KINDS)[number];
/**
 * What `--malformed K` injects unless `--kinds` says otherwise: every kind that spoils one row only. An unbalanced
 * quote swallows every line up to the next quote (or fails the whole read at the end of the file), so it is
 * injected only when asked for by name.
 */
export const DEFAULT_MALFORMED_KINDS: readonly MalformedKind[] = MALFORMED_KINDS.filter((k) => k !== 'unbalanced-quote');

export interface GenerateOptions {
  readonly rows: number;
  readonly seed?: number;
  /** How many malformed rows to inject, spread over the file. */
  readonly malformed?: number;
  /** Kinds to draw from (default: DEFAULT_MALFORMED_KINDS). */
  readonly kinds?: readonly MalformedKind[];
}

export interface InjectedDefect {
  /** 1-based line number in the file (the header is line 1). */
  readonly line: number;
  /** The data row it becomes (header excluded, 1-based: the csvRow the pipeline stores); none for an empty line or the BOM. */
  readonly row?: number;
  readonly kind: MalformedKind;
  readonly text: string;
}

export interface GeneratedCsv {
  readonly text: string;
  /** The well-formed rows, in file order. */
  readonly rows: readonly OrderRow[];
  readonly defects: readonly InjectedDefect[];
}

const STATUSES = ['OPEN', 'SHIPPED', 'DELIVERED', 'CANCELLED', 'RETURNED'];

/** mulberry32: tiny, fast, good enough for test data, identical on every platform. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function generateOrderRow(index: number, random: () => number): OrderRow {
  const day = new Date(Date.UTC(2025, 0, 1) + Math.floor(random() * 365) * 86_400_000);
  return {
    orderNumber: `ON${String(100000 + index)}`,
    orderDate: day.toISOString().slice(0, 10),
    orderStatus: STATUSES[Math.floor(random() * STATUSES.length)],
    lineItems: String(1 + Math.floor(random() * 20)),
    totalPrice: (Math.round(random() * 100_000) / 100).toFixed(2),
  };
}

export function generateOrdersCsv(options: GenerateOptions): GeneratedCsv {
  const random = seededRandom(options.seed ?? 1);
  const kinds = options.kinds?.length ? options.kinds : DEFAULT_MALFORMED_KINDS;
  const defectAt = pickDefectPositions(options.rows, options.malformed ?? 0, random);
  const lines: string[] = [ORDER_COLUMNS.join(',')];
  const rows: OrderRow[] = [];
  const defects: InjectedDefect[] = [];
  for (let i = 0; i < options.rows; i++) {
    const row = generateOrderRow(i, random);
    const kind = defectAt.has(i) ? kinds[defects.length % kinds.length] : undefined;
    if (kind === undefined || kind === 'bom') {
      lines.push(stringify([ORDER_COLUMNS.map((c) => row[c])]).trimEnd());
      rows.push(row);
      if (kind === 'bom') defects.push({ line: 1, kind, text: '\uFEFF' });
      continue;
    }
    const text = malformedLine(kind, row);
    // Data rows are the non-empty lines after the header (a stray quote shifts the rows after it anyway).
    defects.push({ line: lines.length + 1, ...(text === '' ? {} : { row: dataRows(lines) + 1 }), kind, text });
    lines.push(text);
  }
  const bom = defects.some((d) => d.kind === 'bom') ? '\uFEFF' : '';
  return { text: bom + lines.join('\n') + '\n', rows, defects };
}

function dataRows(lines: readonly string[]): number {
  let n = 0;
  for (let i = 1; i < lines.length; i++) if (lines[i] !== '') n++;
  return n;
}

function malformedLine(kind: Exclude<MalformedKind, 'bom'>, row: OrderRow): string {
  switch (kind) {
    case 'missing-fields':
      return [row.orderNumber, row.orderDate, row.orderStatus].join(',');
    case 'extra-fields':
      return [...ORDER_COLUMNS.map((c) => row[c]), 'EXTRA', 'FIELDS'].join(',');
    case 'unbalanced-quote':
      return [row.orderNumber, row.orderDate, `"${row.orderStatus}`, row.lineItems, row.totalPrice].join(',');
    case 'non-numeric-price':
      return [row.orderNumber, row.orderDate, row.orderStatus, row.lineItems, 'N/A'].join(',');
    case 'empty-line':
      return '';
  }
}

function pickDefectPositions(rows: number, count: number, random: () => number): Set<number> {
  const wanted = Math.min(Math.max(0, count), rows);
  const picked = new Set<number>();
  while (picked.size < wanted) picked.add(Math.floor(random() * rows));
  return picked;
}
