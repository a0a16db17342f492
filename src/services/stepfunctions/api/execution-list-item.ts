// The members of an ExecutionListItem (https://docs.aws.amazon.com/step-functions/latest/apireference/API_ExecutionListItem.html)
// that every listed execution has, stored or kept EXPRESS alike; ListExecutions adds the stored record's others.
import type { ExecutionListItem } from '@aws-sdk/client-sfn';
import type { ExecutionStatus } from '../../../engine';
import { optional } from './wire';

export interface ListedExecution {
  readonly arn: string;
  readonly stateMachineArn: string;
  readonly name: string;
  readonly status: ExecutionStatus;
  readonly startDate: Date;
  readonly stopDate?: Date;
  readonly mapRunArn?: string;
}

export function executionListItem(e: ListedExecution): ExecutionListItem {
  return {
    executionArn: e.arn,
    stateMachineArn: e.stateMachineArn,
    name: e.name,
    status: e.status,
    startDate: e.startDate,
    ...optional('stopDate', e.stopDate),
    ...optional('mapRunArn', e.mapRunArn),
  };
}
