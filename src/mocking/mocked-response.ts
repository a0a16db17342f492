// One entry of a MockConfigFile's `MockedResponses` (Step Functions Local format,
// https://docs.aws.amazon.com/step-functions/latest/dg/sfn-local-mock-cfg-file.html): keys are zero-based
// invocation numbers ("0") or inclusive ranges ("1-2"); each value holds exactly one of Return or Throw.
import { describeJsonType, isPlainObject, type JsonSegment } from './json-location';

export type MockedOutcome = { readonly kind: 'Return'; readonly value: unknown } | { readonly kind: 'Throw'; readonly error: string; readonly cause?: string };

export interface InvocationRange {
  readonly first: number;
  readonly last: number;
}

interface MockedStep extends InvocationRange {
  /** The key as written in the file, for messages. */
  readonly key: string;
  readonly outcome: MockedOutcome;
}

export interface MockedResponse {
  readonly name: string;
  /** Sorted and contiguous from invocation 0 (checked at load). */
  readonly steps: readonly MockedStep[];
}

/** Reports a problem at a location and never returns (the parser's single exit for bad input). */
export type Fail = (segments: readonly JsonSegment[], problem: string) => never;

const RANGE = /^\s*(\d+)\s*(?:-\s*(\d+)\s*)?$/;

/** Parses "3" or "1-2"; returns the problem as a string when the key is ill-formed. */
export function parseInvocationRange(key: string): InvocationRange | string {
  const match = RANGE.exec(key);
  if (!match) return `'${key}' is neither an invocation number ("0") nor an inclusive range ("1-2")`;
  const first = Number(match[1]);
  const last = match[2] === undefined ? first : Number(match[2]);
  if (!Number.isSafeInteger(first) || !Number.isSafeInteger(last)) return `'${key}' is out of range`;
  if (last < first) return `range '${key}' ends before it starts`;
  return { first, last };
}

export function parseMockedResponse(name: string, raw: unknown, at: readonly JsonSegment[], fail: Fail): MockedResponse {
  if (!isPlainObject(raw)) fail(at, `a mocked response must be an object keyed by invocation number, got ${describeJsonType(raw)}`);
  const steps = Object.entries(raw).map(([key, value]): MockedStep => {
    const range = parseInvocationRange(key);
    if (typeof range === 'string') fail([...at, key], range);
    return { key, ...range, outcome: parseOutcome(value, [...at, key], fail) };
  });
  if (steps.length === 0) fail(at, 'a mocked response needs at least one invocation entry ("0")');
  return { name, steps: contiguous(steps, at, fail) };
}

/** The outcome for the n-th (zero-based) invocation, or undefined past the last entry. */
export function outcomeFor(response: MockedResponse, invocation: number): MockedOutcome | undefined {
  return response.steps.find((step) => invocation >= step.first && invocation <= step.last)?.outcome;
}

// The docs require a response "for every invocation". A gap could only fail the execution when reached,
// so it is rejected at load (LocalStack also insists on consecutive numbering).
function contiguous(steps: MockedStep[], at: readonly JsonSegment[], fail: Fail): MockedStep[] {
  const sorted = [...steps].sort((a, b) => a.first - b.first);
  let next = 0;
  let previous: MockedStep | undefined;
  for (const step of sorted) {
    if (previous && step.first < next) fail([...at, step.key], `invocations overlap those of "${previous.key}"`);
    if (step.first > next) {
      fail([...at, step.key], `invocation ${next} has no response: entries must cover every invocation from 0 without gaps`);
    }
    next = step.last + 1;
    previous = step;
  }
  return sorted;
}

function parseOutcome(value: unknown, at: readonly JsonSegment[], fail: Fail): MockedOutcome {
  if (!isPlainObject(value)) fail(at, `a mocked response needs exactly one of Return or Throw, got ${describeJsonType(value)}`);
  const hasReturn = Object.hasOwn(value, 'Return');
  if (hasReturn === Object.hasOwn(value, 'Throw')) fail(at, 'a mocked response needs exactly one of Return or Throw');
  const extra = Object.keys(value).find((key) => key !== 'Return' && key !== 'Throw');
  if (extra !== undefined) fail([...at, extra], 'unknown field (only Return or Throw is allowed)');
  return hasReturn ? { kind: 'Return', value: value.Return } : parseThrow(value.Throw, [...at, 'Throw'], fail);
}

function parseThrow(raw: unknown, at: readonly JsonSegment[], fail: Fail): MockedOutcome {
  if (!isPlainObject(raw)) fail(at, `Throw must be an object with Error and Cause, got ${describeJsonType(raw)}`);
  const { Error: error, Cause: cause } = raw;
  if (error === undefined) fail(at, 'Throw needs an Error (the error name Retry and Catch match)');
  if (typeof error !== 'string') fail([...at, 'Error'], `Error must be a string, got ${describeJsonType(error)}`);
  if (error === '') fail([...at, 'Error'], 'Error must not be empty');
  // The docs show Error and Cause together; a missing Cause is accepted and recorded as no cause, as AWS
  // does for errors such as States.Timeout.
  if (cause !== undefined && typeof cause !== 'string') fail([...at, 'Cause'], `Cause must be a string, got ${describeJsonType(cause)}`);
  const extra = Object.keys(raw).find((key) => key !== 'Error' && key !== 'Cause');
  if (extra !== undefined) fail([...at, extra], 'unknown field (Throw holds only Error and Cause)');
  return cause === undefined ? { kind: 'Throw', error } : { kind: 'Throw', error, cause };
}
