// Resolving request ARNs to records, with AWS's errors for each way that fails (docs/aws-behaviour.md#api-protocol-and-errors, #express-and-standard-workflows).
import { parseStatesArn } from './arns';
import { ActivityDoesNotExist, ExecutionDoesNotExist, ResourceNotFound, StateMachineDoesNotExist } from './errors';
import type { OperationContext } from './operation';
import type { ActivityRecord, ExecutionRecord, MapRunRecord, StateMachineAliasRecord, StateMachineRecord } from '../store/store';
import { parseQualified } from './versions';

export function requireStateMachine(ctx: OperationContext, arn: string): StateMachineRecord {
  parseStatesArn(arn, ['stateMachine']);
  const record = ctx.store.getStateMachine(arn);
  if (!record) throw new StateMachineDoesNotExist(arn);
  return record;
}

/** STANDARD executions only: an `express` ARN is "Resource type not valid in this context: express". */
export function requireExecution(ctx: OperationContext, arn: string): ExecutionRecord {
  parseStatesArn(arn, ['execution']);
  const record = ctx.store.getExecution(arn);
  if (!record) throw new ExecutionDoesNotExist(arn);
  return record;
}

export function requireMapRun(ctx: OperationContext, arn: string): MapRunRecord {
  parseStatesArn(arn, ['mapRun']);
  const record = ctx.store.getMapRun(arn);
  if (!record) throw new ResourceNotFound(arn);
  return record;
}

export function requireActivity(ctx: OperationContext, arn: string): ActivityRecord {
  parseStatesArn(arn, ['activity']);
  const record = ctx.store.getResource('activity', arn);
  if (!record) throw new ActivityDoesNotExist(arn);
  return record;
}

/** [UNCONFIRMED] a missing alias answers like UpdateStateMachineAlias's recorded ResourceNotFound. */
export function requireAlias(ctx: OperationContext, arn: string): StateMachineAliasRecord {
  parseQualified(arn);
  const record = ctx.store.getResource('alias', arn);
  if (!record) throw ResourceNotFound.reference(arn);
  return record;
}
