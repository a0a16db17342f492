// DescribeExecution's redrive fields (docs/aws-behaviour.md#redrive, recorded): SUCCEEDED and RUNNING executions are
// NOT_REDRIVABLE with a reason; FAILED, TIMED_OUT and ABORTED ones are REDRIVABLE (no reason) for 14 days.
import type { ExecutionRedriveStatus } from '@aws-sdk/client-sfn';
import type { ExecutionRecord } from '../store/store';

const REDRIVE_WINDOW_MS = 14 * 24 * 3600 * 1000;
const HISTORY_EVENT_LIMIT = 25_000;

export interface RedriveStatus {
  readonly redriveStatus: ExecutionRedriveStatus;
  readonly redriveStatusReason?: string;
}

export function redriveStatus(execution: ExecutionRecord, historyLength: number, now: Date): RedriveStatus {
  if (execution.status === 'RUNNING' || execution.status === 'SUCCEEDED') {
    return { redriveStatus: 'NOT_REDRIVABLE', redriveStatusReason: `Execution is ${execution.status} and cannot be redriven` };
  }
  if (execution.stopDate && now.getTime() - execution.stopDate.getTime() > REDRIVE_WINDOW_MS) {
    return { redriveStatus: 'NOT_REDRIVABLE', redriveStatusReason: 'Execution redrivable period exceeded.' };
  }
  if (historyLength >= HISTORY_EVENT_LIMIT) {
    return { redriveStatus: 'NOT_REDRIVABLE', redriveStatusReason: 'Execution history event limit exceeded.' };
  }
  // [UNCONFIRMED] A failed Map Run child is redriven through its parent (API enum REDRIVABLE_BY_MAP_RUN).
  return { redriveStatus: execution.mapRunArn ? 'REDRIVABLE_BY_MAP_RUN' : 'REDRIVABLE' };
}
