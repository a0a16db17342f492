// ListActivities (https://docs.aws.amazon.com/step-functions/latest/apireference/API_ListActivities.html).
// In creation order (recorded: activity_name_0, _1, _2 as created), paged by offset.
import type { ListActivitiesInput, ListActivitiesOutput } from '@aws-sdk/client-sfn';
import { defineOperation } from '../operation';
import { pageInOrder } from '../paging';
import * as S from '../shapes';

export const listActivities = defineOperation<ListActivitiesInput, ListActivitiesOutput>({
  input: S.structure({ maxResults: S.PageSize, nextToken: S.PageToken }),
  handle(ctx, input) {
    const page = pageInOrder(ctx.store.listResources('activity'), {
      scope: 'ListActivities',
      maxResults: input.maxResults,
      nextToken: input.nextToken,
      map: (activity) => ({ activityArn: activity.arn, name: activity.name, creationDate: activity.creationDate }),
    });
    return { activities: page.items, ...(page.nextToken ? { nextToken: page.nextToken } : {}) };
  },
});
