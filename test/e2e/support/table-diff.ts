// Readable comparisons for thousands of rows: the first missing, unexpected or different item by pk, never a
// dump of the whole table. Numbers compare in DynamoDB's canonical form (it stores "12.30" as "12.3").
import { ScanCommand, type AttributeValue, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { orderItem } from '../../../src/pipeline/order-item';
import type { OrderRow } from '../../../src/pipeline/orders-csv';

export type Item = Record<string, AttributeValue>;

/** Every item of the table, by pk. */
export async function scanTable(dynamodb: DynamoDBClient, table: string): Promise<Map<string, Item>> {
  const items = new Map<string, Item>();
  let start: Item | undefined;
  do {
    const page = await dynamodb.send(new ScanCommand({ TableName: table, ExclusiveStartKey: start, ConsistentRead: true }));
    for (const item of page.Items ?? []) items.set(item.pk?.S ?? JSON.stringify(item), item);
    start = page.LastEvaluatedKey;
  } while (start);
  return items;
}

/** The item statemachines/parent.asl.json's ItemSelector makes of a CSV row (csvRow is 1-based). */
export const expectedItem: (row: OrderRow, csvRow: number) => Item = orderItem;

/**
 * undefined when the table holds exactly these items; else a one-line description of the first difference.
 * `missing: 'allowed'` checks only that every item present is an expected one, unaltered (a subset).
 */
export function firstTableDifference(actual: ReadonlyMap<string, Item>, expected: readonly Item[], options: { missing?: 'allowed' } = {}): string | undefined {
  const wanted = new Set<string>();
  for (const item of expected) {
    const pk = item.pk.S!;
    wanted.add(pk);
    const got = actual.get(pk);
    if (!got && options.missing === 'allowed') continue;
    if (!got) return `pk ${pk}: missing from the table (${actual.size} items, ${expected.length} expected)`;
    const diff = firstAttributeDifference(got, item);
    if (diff) return `pk ${pk}: ${diff}`;
  }
  for (const pk of actual.keys()) if (!wanted.has(pk)) return `pk ${pk}: in the table but not expected`;
  return undefined;
}

function firstAttributeDifference(got: Item, want: Item): string | undefined {
  for (const name of new Set([...Object.keys(want), ...Object.keys(got)])) {
    const a = canonical(got[name]);
    const b = canonical(want[name]);
    if (a !== b) return `attribute ${name}: table has ${a ?? '(absent)'}, expected ${b ?? '(absent)'}`;
  }
  return undefined;
}

function canonical(value: AttributeValue | undefined): string | undefined {
  if (value === undefined) return undefined;
  if (value.N !== undefined) return JSON.stringify({ N: canonicalNumber(value.N) });
  return JSON.stringify(value);
}

function canonicalNumber(n: string): string {
  let s = n.trim().replace(/^\+/, '');
  const negative = s.startsWith('-');
  if (negative) s = s.slice(1);
  if (s.includes('.')) s = s.replace(/0+$/, '').replace(/\.$/, '');
  s = s.replace(/^0+(?=\d)/, '');
  return negative && s !== '0' ? `-${s}` : s;
}
