// DescribeStateMachineForExecution (https://docs.aws.amazon.com/step-functions/latest/apireference/API_DescribeStateMachineForExecution.html).
// The state machine revision the execution started with (later updates don't show); for a Map Run child,
// its child state machine with `label` and `mapRunArn`.
import type { DescribeStateMachineForExecutionInput, DescribeStateMachineForExecutionOutput } from '@aws-sdk/client-sfn';
import { ExecutionDoesNotExist } from '../errors';
import { requireExecution } from '../lookups';
import { defineOperation } from '../operation';
import * as S from '../shapes';
import { childStateMachine, variableReferences } from '../views';
import { optional } from '../wire';

export const describeStateMachineForExecution = defineOperation<DescribeStateMachineForExecutionInput, DescribeStateMachineForExecutionOutput>({
  input: S.structure({ executionArn: S.Arn, includedData: S.IncludedData }, ['executionArn']),
  handle(ctx, input) {
    const execution = requireExecution(ctx, input.executionArn as string);
    const metadataOnly = input.includedData === 'METADATA_ONLY';
    const run = execution.mapRunArn === undefined ? undefined : ctx.store.getMapRun(execution.mapRunArn);
    if (run) {
      const { definition, type: _type, ...child } = childStateMachine(run);
      return { ...child, updateDate: run.startDate, mapRunArn: run.arn, ...(metadataOnly ? {} : { definition }) } as DescribeStateMachineForExecutionOutput;
    }
    const { revision } = execution;
    if (!revision) throw new ExecutionDoesNotExist(execution.arn);
    const name = execution.stateMachineArn.slice(execution.stateMachineArn.lastIndexOf(':') + 1);
    const parsed = ctx.definitions.forRevision(revision, execution.type);
    return {
      stateMachineArn: execution.stateMachineArn,
      name,
      ...(metadataOnly ? {} : { definition: revision.definition }),
      roleArn: revision.roleArn,
      updateDate: revision.updateDate,
      loggingConfiguration: revision.loggingConfiguration,
      tracingConfiguration: revision.tracingConfiguration,
      ...optional('revisionId', revision.revisionId),
      encryptionConfiguration: revision.encryptionConfiguration,
      ...(metadataOnly ? {} : optional('variableReferences', variableReferences(parsed))),
    } as DescribeStateMachineForExecutionOutput;
  },
});
