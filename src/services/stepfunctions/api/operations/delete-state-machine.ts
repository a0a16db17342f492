// DeleteStateMachine (https://docs.aws.amazon.com/step-functions/latest/apireference/API_DeleteStateMachine.html).
// A missing state machine is still a success (recorded, docs/aws-behaviour.md#api-operations). With executions running the state
// machine is DELETING until the last one ends (the service removes it then), and they keep running. Its
// versions and aliases go at once (recorded: deleting a state machine with an alias succeeds).
import type { DeleteStateMachineInput, DeleteStateMachineOutput } from '@aws-sdk/client-sfn';
import { parseStatesArn } from '../arns';
import { defineOperation } from '../operation';
import * as S from '../shapes';
import { deleteVersionsAndAliases } from '../versions';

export const deleteStateMachine = defineOperation<DeleteStateMachineInput, DeleteStateMachineOutput>({
  input: S.structure({ stateMachineArn: S.Arn }, ['stateMachineArn']),
  handle(ctx, input) {
    const arn = input.stateMachineArn as string;
    parseStatesArn(arn, ['stateMachine']);
    const sm = ctx.store.getStateMachine(arn);
    if (!sm) return {};
    deleteVersionsAndAliases(ctx, arn);
    if (ctx.runner.runningCount(arn) > 0) ctx.store.putStateMachine({ ...sm, status: 'DELETING' });
    else ctx.store.deleteStateMachine(arn);
    return {};
  },
});
