// The console's only way out: JSON POSTs to the endpoint it was served from (the public Step Functions
// API, awsJson1_0 with X-Amz-Target, and the sandbox's private API at /_sandbox/stepfunctions), and S3 GETs.
// Timestamps arrive as epoch seconds, as on the wire.

import { asText } from './text';

export class ApiError extends Error {
  override readonly name = 'ApiError';
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(`${code}: ${message}`);
  }
}

export type ExecutionStatus = 'RUNNING' | 'SUCCEEDED' | 'FAILED' | 'TIMED_OUT' | 'ABORTED' | 'PENDING_REDRIVE';

export interface StateMachineItem {
  readonly stateMachineArn: string;
  readonly name: string;
  readonly type: 'STANDARD' | 'EXPRESS';
  readonly creationDate: number;
}

export interface StateMachine extends StateMachineItem {
  readonly definition: string;
  readonly status?: string;
}

export interface Execution {
  readonly executionArn: string;
  readonly stateMachineArn: string;
  readonly name: string;
  readonly status: ExecutionStatus;
  readonly startDate: number;
  readonly stopDate?: number;
  readonly input?: string;
  readonly output?: string;
  readonly error?: string;
  readonly cause?: string;
  readonly mapRunArn?: string;
  readonly itemCount?: number;
  readonly redriveCount?: number;
  readonly redriveStatus?: string;
  readonly redriveStatusReason?: string;
}

export interface HistoryEvent {
  readonly id: number;
  readonly previousEventId?: number;
  readonly type: string;
  readonly timestamp: number;
  readonly [details: string]: unknown;
}

export interface HistoryPage {
  readonly events: HistoryEvent[];
  readonly nextToken?: string;
}

export type Counts = Readonly<Record<'pending' | 'running' | 'succeeded' | 'failed' | 'timedOut' | 'aborted' | 'total' | 'resultsWritten', number>>;

export interface MapRun {
  readonly mapRunArn: string;
  readonly executionArn: string;
  readonly status: string;
  readonly startDate: number;
  readonly stopDate?: number;
  readonly maxConcurrency: number;
  readonly toleratedFailurePercentage: number;
  readonly toleratedFailureCount: number;
  readonly itemCounts: Counts;
  readonly executionCounts: Counts;
  readonly redriveCount?: number;
}

export interface MapRunItem {
  readonly mapRunArn: string;
  readonly executionArn: string;
  readonly stateMachineArn: string;
  readonly startDate: number;
  readonly stopDate?: number;
}

async function awsJson<T>(path: string, target: string, body: object): Promise<T> {
  const response = await fetch(path, {
    method: 'POST',
    headers: { 'content-type': 'application/x-amz-json-1.0', 'x-amz-target': target },
    body: JSON.stringify(body),
  });
  const text = await response.text();
  let parsed: Record<string, unknown> = {};
  try {
    parsed = text ? (JSON.parse(text) as Record<string, unknown>) : {};
  } catch {
    throw new ApiError(`HTTP ${response.status}`, text.slice(0, 500));
  }
  if (!response.ok) throw new ApiError(asText(parsed.__type ?? `HTTP ${response.status}`), asText(parsed.message ?? parsed.Message ?? text));
  return parsed as T;
}

/** A public Step Functions action, e.g. sfn('DescribeExecution', { executionArn }). */
export function sfn<T>(action: string, body: object): Promise<T> {
  return awsJson<T>('/', `AWSStepFunctions.${action}`, body);
}

/** The sandbox's private API (docs/console.md): EXPRESS histories and Map Run result locations. */
export function sandbox<T>(action: string, body: object): Promise<T> {
  return awsJson<T>('/_sandbox/stepfunctions', `SandboxStepFunctions.${action}`, body);
}

/** An S3 object's text, by a path-style GET. */
export async function s3Text(bucket: string, key: string): Promise<string> {
  const path = `/${encodeURIComponent(bucket)}/${key.split('/').map(encodeURIComponent).join('/')}`;
  const response = await fetch(path);
  const text = await response.text();
  if (!response.ok) {
    const code = /<Code>([^<]*)<\/Code>/.exec(text)?.[1] ?? `HTTP ${response.status}`;
    throw new ApiError(code, `s3://${bucket}/${key}`);
  }
  return text;
}

export function isExpressArn(arn: string): boolean {
  return /^arn:[^:]+:states:[^:]*:[^:]*:express:/.test(arn);
}

/** Reads a state machine's executions, STANDARD through the public API, EXPRESS through the private one. */
export function listExecutions(
  owner: { readonly stateMachineArn: string } | { readonly mapRunArn: string },
  type: 'STANDARD' | 'EXPRESS',
  filter: { statusFilter?: string; nextToken?: string; maxResults?: number },
): Promise<{ executions: Execution[]; nextToken?: string }> {
  const body = { ...owner, ...filter, maxResults: filter.maxResults ?? 100 };
  return type === 'EXPRESS' && 'stateMachineArn' in owner ? sandbox('ListExpressExecutions', body) : sfn('ListExecutions', body);
}

export function describeExecution(arn: string): Promise<Execution> {
  return isExpressArn(arn) ? sandbox('DescribeExpressExecution', { executionArn: arn }) : sfn('DescribeExecution', { executionArn: arn });
}

export function historyPage(arn: string, options: { nextToken?: string; reverseOrder?: boolean; maxResults?: number }): Promise<HistoryPage> {
  const body = {
    executionArn: arn,
    maxResults: options.maxResults ?? 100,
    reverseOrder: options.reverseOrder ?? false,
    ...(options.nextToken ? { nextToken: options.nextToken } : {}),
  };
  return isExpressArn(arn) ? sandbox('GetExpressExecutionHistory', body) : sfn('GetExecutionHistory', body);
}

/** The definition the execution ran: for STANDARD the revision it started with, else the state machine's. */
export async function definitionFor(execution: Execution): Promise<StateMachine> {
  if (isExpressArn(execution.executionArn)) return sfn('DescribeStateMachine', { stateMachineArn: execution.stateMachineArn });
  return sfn('DescribeStateMachineForExecution', { executionArn: execution.executionArn });
}
