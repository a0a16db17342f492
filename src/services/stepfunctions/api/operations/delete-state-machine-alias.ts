// DeleteStateMachineAlias (https://docs.aws.amazon.com/step-functions/latest/apireference/API_DeleteStateMachineAlias.html).
// A missing alias is a success (recorded).
import type { DeleteStateMachineAliasInput, DeleteStateMachineAliasOutput } from '@aws-sdk/client-sfn';
import { defineOperation } from '../operation';
import * as S from '../shapes';
import { parseQualified } from '../versions';

export const deleteStateMachineAlias = defineOperation<DeleteStateMachineAliasInput, DeleteStateMachineAliasOutput>({
  input: S.structure({ stateMachineAliasArn: S.Arn }, ['stateMachineAliasArn']),
  handle(ctx, input) {
    const arn = input.stateMachineAliasArn as string;
    parseQualified(arn);
    if (ctx.store.getResource('alias', arn)) ctx.store.deleteResource('alias', arn);
    return {};
  },
});
