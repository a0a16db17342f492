// Where a state's input, variables and context come from when it is reproduced: an execution history
// (a file exported with `aws stepfunctions get-execution-history --output json`, `{"events": [...]}`, or
// the history of an execution on this sandbox), read here into the values TestState takes.
import { GetExecutionHistoryCommand, type HistoryEvent, type SFNClient } from '@aws-sdk/client-sfn';
import { readFileSync } from 'node:fs';

/** A history event as exported: timestamps are ISO strings or epoch seconds in files, Dates from the SDK. */
export type ExportedEvent = Omit<HistoryEvent, 'timestamp'> & { readonly timestamp?: string | number | Date };

export interface LoadedHistory {
  readonly events: readonly ExportedEvent[];
  /** Known when the history was fetched by ARN (an exported file does not name its execution). */
  readonly executionArn?: string;
  /** Where the events came from, for messages. */
  readonly source: string;
}

export function readHistoryFile(path: string): LoadedHistory {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8'));
  } catch (err) {
    throw new Error(`${path}: not a JSON file (${(err as Error).message})`);
  }
  const events = Array.isArray(parsed) ? parsed : (parsed as { events?: unknown })?.events;
  if (!Array.isArray(events)) {
    throw new Error(`${path}: expected the output of 'aws stepfunctions get-execution-history --output json': an object with an "events" array`);
  }
  return { events: events as ExportedEvent[], source: path };
}

export async function fetchHistory(sfn: SFNClient, executionArn: string): Promise<LoadedHistory> {
  const events: HistoryEvent[] = [];
  let nextToken: string | undefined;
  do {
    const page = await sfn.send(new GetExecutionHistoryCommand({ executionArn, nextToken, maxResults: 1000 }));
    events.push(...(page.events ?? []));
    nextToken = page.nextToken;
  } while (nextToken);
  return { events, executionArn, source: executionArn };
}

export function isoTime(timestamp: ExportedEvent['timestamp']): string | undefined {
  if (timestamp === undefined) return undefined;
  const date = timestamp instanceof Date ? timestamp : typeof timestamp === 'number' ? new Date(timestamp * 1000) : new Date(timestamp);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}
