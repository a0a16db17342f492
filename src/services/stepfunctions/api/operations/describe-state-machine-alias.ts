// DescribeStateMachineAlias (https://docs.aws.amazon.com/step-functions/latest/apireference/API_DescribeStateMachineAlias.html).
import type { DescribeStateMachineAliasInput, DescribeStateMachineAliasOutput } from '@aws-sdk/client-sfn';
import { requireAlias } from '../lookups';
import { defineOperation } from '../operation';
import * as S from '../shapes';
import { optional } from '../wire';

export const describeStateMachineAlias = defineOperation<DescribeStateMachineAliasInput, DescribeStateMachineAliasOutput>({
  input: S.structure({ stateMachineAliasArn: S.Arn }, ['stateMachineAliasArn']),
  handle(ctx, input) {
    const alias = requireAlias(ctx, input.stateMachineAliasArn as string);
    return {
      stateMachineAliasArn: alias.arn,
      name: alias.name,
      ...optional('description', alias.description),
      routingConfiguration: [...alias.routingConfiguration],
      creationDate: alias.creationDate,
      // [UNCONFIRMED] an alias never updated shows its creation date here.
      updateDate: alias.updateDate ?? alias.creationDate,
    };
  },
});
