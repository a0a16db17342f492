// DescribeStateMachine (https://docs.aws.amazon.com/step-functions/latest/apireference/API_DescribeStateMachine.html).
// Also answers for a Map Run's child state machine ARN `…:stateMachine:<sm>/<label>`, adding `label`, and for
// a version ARN `…:<sm>:<n>`: that version's revision, its creationDate and `description` (recorded).
import type { DescribeStateMachineInput, DescribeStateMachineOutput } from '@aws-sdk/client-sfn';
import { parseStatesArn } from '../arns';
import { StateMachineDoesNotExist } from '../errors';
import { defineOperation } from '../operation';
import * as S from '../shapes';
import { childStateMachine, variableReferences } from '../views';
import { optional } from '../wire';

export const describeStateMachine = defineOperation<DescribeStateMachineInput, DescribeStateMachineOutput>({
  input: S.structure({ stateMachineArn: S.Arn, includedData: S.IncludedData }, ['stateMachineArn']),
  handle(ctx, input) {
    const arn = input.stateMachineArn as string;
    parseStatesArn(arn, ['stateMachine']);
    const metadataOnly = input.includedData === 'METADATA_ONLY';
    const version = ctx.store.getResource('version', arn);
    const base = version ? ctx.store.getStateMachine(version.stateMachineArn) : undefined;
    const sm =
      version && base
        ? { ...base, arn: version.arn, creationDate: version.creationDate, revision: version.revision, status: 'ACTIVE' as const }
        : ctx.store.getStateMachine(arn);
    if (!sm) {
      const run = ctx.store.findMapRunByStateMachine(arn);
      if (!run) throw new StateMachineDoesNotExist(arn);
      const { definition, ...child } = childStateMachine(run);
      return { ...child, status: 'ACTIVE', creationDate: run.startDate, ...(metadataOnly ? {} : { definition }) } as DescribeStateMachineOutput;
    }
    const { revision } = sm;
    const parsed = ctx.definitions.forRevision(revision, sm.type);
    return {
      stateMachineArn: sm.arn,
      name: sm.name,
      status: sm.status,
      // METADATA_ONLY leaves out the definition, as AWS does for encrypted definitions.
      ...(metadataOnly ? {} : { definition: revision.definition }),
      roleArn: revision.roleArn,
      type: sm.type,
      creationDate: sm.creationDate,
      loggingConfiguration: revision.loggingConfiguration,
      tracingConfiguration: revision.tracingConfiguration,
      ...optional('revisionId', revision.revisionId),
      encryptionConfiguration: revision.encryptionConfiguration,
      ...(metadataOnly ? {} : optional('variableReferences', variableReferences(parsed))),
      ...optional('description', version?.description),
    } as DescribeStateMachineOutput;
  },
});
