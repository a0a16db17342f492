// GetActivityTask (https://docs.aws.amazon.com/step-functions/latest/apireference/API_GetActivityTask.html).
// Long poll: answers with the oldest waiting task, or waits up to 60 seconds for one and then answers with
// no task (no taskToken, no input), as AWS does. Workers then answer with SendTaskSuccess/Failure/Heartbeat.
import type { GetActivityTaskInput, GetActivityTaskOutput } from '@aws-sdk/client-sfn';
import { requireActivity } from '../lookups';
import { defineOperation } from '../operation';
import * as S from '../shapes';

export const getActivityTask = defineOperation<GetActivityTaskInput, GetActivityTaskOutput>({
  input: S.structure({ activityArn: S.Arn, workerName: S.WorkerName }, ['activityArn']),
  async handle(ctx, input) {
    const activity = requireActivity(ctx, input.activityArn as string);
    return (await ctx.activityTasks.poll(activity.arn, input.workerName)) ?? {};
  },
});
