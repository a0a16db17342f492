// DeleteActivity (https://docs.aws.amazon.com/step-functions/latest/apireference/API_DeleteActivity.html).
// Deleting twice succeeds (recorded). Tasks already queued stay with their executions; new activity Task
// states fail with "The activity … does not exist." (recorded).
import type { DeleteActivityInput, DeleteActivityOutput } from '@aws-sdk/client-sfn';
import { parseStatesArn } from '../arns';
import { defineOperation } from '../operation';
import * as S from '../shapes';

export const deleteActivity = defineOperation<DeleteActivityInput, DeleteActivityOutput>({
  input: S.structure({ activityArn: S.Arn }, ['activityArn']),
  handle(ctx, input) {
    const arn = input.activityArn as string;
    parseStatesArn(arn, ['activity']);
    if (ctx.store.getResource('activity', arn)) ctx.store.deleteResource('activity', arn);
    return {};
  },
});
