// DescribeActivity (https://docs.aws.amazon.com/step-functions/latest/apireference/API_DescribeActivity.html).
import type { DescribeActivityInput, DescribeActivityOutput } from '@aws-sdk/client-sfn';
import { requireActivity } from '../lookups';
import { defineOperation } from '../operation';
import * as S from '../shapes';

export const describeActivity = defineOperation<DescribeActivityInput, DescribeActivityOutput>({
  input: S.structure({ activityArn: S.Arn }, ['activityArn']),
  handle(ctx, input) {
    const activity = requireActivity(ctx, input.activityArn as string);
    return {
      activityArn: activity.arn,
      name: activity.name,
      creationDate: activity.creationDate,
      encryptionConfiguration: activity.encryptionConfiguration,
    };
  },
});
