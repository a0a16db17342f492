// Shared by the redrive and persistence suites: an embedded sandbox on port 0 and polling the API until an
// execution reaches a state (polling the API is the synchronisation, never a blind sleep).
import { CreateTableCommand, waitUntilTableExists, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DescribeExecutionCommand, GetExecutionHistoryCommand, type DescribeExecutionOutput, type HistoryEvent, type SFNClient } from '@aws-sdk/client-sfn';
import { setTimeout as delay } from 'node:timers/promises';

export const ROLE_ARN = 'arn:aws:iam::000000000000:role/sfn-redrive-test';

/** Polls DescribeExecution until `done` holds (default: the execution is no longer RUNNING). */
export async function waitForExecution(
  sfn: SFNClient,
  executionArn: string,
  done: (d: DescribeExecutionOutput) => boolean = (d) => d.status !== 'RUNNING',
  // Under Jest's 60 s test timeout, with room for a loaded machine.
  timeoutMs = 50_000,
): Promise<DescribeExecutionOutput> {
  return poll(() => sfn.send(new DescribeExecutionCommand({ executionArn })), done, timeoutMs, `execution ${executionArn}`);
}

export async function poll<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs: number, what: string): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}: ${JSON.stringify(value)}`);
    await delay(5);
  }
}

export async function createTable(ddb: DynamoDBClient, TableName: string): Promise<void> {
  await ddb.send(
    new CreateTableCommand({
      TableName,
      AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }],
      KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }],
      BillingMode: 'PAY_PER_REQUEST',
    }),
  );
  await waitUntilTableExists({ client: ddb, maxWaitTime: 20, minDelay: 1 }, { TableName });
}

/** Every event of an execution's history, all pages. */
export async function historyOf(sfn: SFNClient, executionArn: string): Promise<HistoryEvent[]> {
  const events: HistoryEvent[] = [];
  let nextToken: string | undefined;
  do {
    const page = await sfn.send(new GetExecutionHistoryCommand({ executionArn, maxResults: 1000, nextToken }));
    events.push(...(page.events ?? []));
    nextToken = page.nextToken;
  } while (nextToken);
  return events;
}
