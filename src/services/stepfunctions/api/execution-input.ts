// StartExecution / StartSyncExecution input: a JSON text (default "{}"), rejected with Jackson's message
// (docs/aws-behaviour.md#api-protocol-and-errors). Valid JSON scalars (`1`, `"str"`, `null`) are accepted.
import { InvalidExecutionInput } from './errors';
import { scanJson } from './jackson-json';

export interface ExecutionInput {
  /** The text as the caller sent it; DescribeExecution returns it verbatim. */
  readonly text: string;
  readonly value: unknown;
}

/** A value as the JSON text the store keeps (`undefined` has no JSON form and is kept as null). */
export function jsonText(value: unknown): string {
  return JSON.stringify(value) ?? 'null';
}

/** Anything String.prototype.trim would keep (its whitespace set is exactly \s). */
const NOT_BLANK = /\S/;

export function parseExecutionInput(input: string | undefined): ExecutionInput {
  const text = input ?? '{}';
  // Not text.trim(): that copies every (up to 256 KiB) input only to test it for blanks.
  if (!NOT_BLANK.test(text)) throw new InvalidExecutionInput('Invalid execution input.');
  try {
    return { text, value: JSON.parse(text) };
  } catch {
    const scan = scanJson(text);
    if (!scan.ok) throw new InvalidExecutionInput(scan.message);
    // Jackson stops after the first root value; JSON.parse does not, so parse just that value.
    return { text, value: parseFirstValue(text.slice(0, scan.end)) };
  }
}

function parseFirstValue(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (err) {
    throw new InvalidExecutionInput((err as Error).message);
  }
}
