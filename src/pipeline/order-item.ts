// The DynamoDB item the parent's ItemSelector (statemachines/parent.asl.json) makes of one CSV row: what the
// direct-load benchmark writes and what the end-to-end suites expect the pipeline to have written.
import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import type { OrderRow } from './orders-csv';

/** csvRow is 1-based: the ItemSelector stores the item's Map index + 1. */
export function orderItem(row: OrderRow, csvRow: number): Record<string, AttributeValue> {
  return {
    pk: { S: `${row.orderNumber}-${row.orderDate}` },
    sk: { S: 'ORDER_HEADER' },
    orderNumber: { S: row.orderNumber },
    orderDate: { S: row.orderDate },
    orderStatus: { S: row.orderStatus },
    lineItems: { N: row.lineItems },
    totalPrice: { N: row.totalPrice },
    csvRow: { N: String(csvRow) },
  };
}
