// ListTagsForResource (https://docs.aws.amazon.com/step-functions/latest/apireference/API_ListTagsForResource.html).
import type { ListTagsForResourceInput, ListTagsForResourceOutput } from '@aws-sdk/client-sfn';
import { defineOperation } from '../operation';
import * as S from '../shapes';
import { requireTagged } from '../tags';

export const listTagsForResource = defineOperation<ListTagsForResourceInput, ListTagsForResourceOutput>({
  input: S.structure({ resourceArn: S.Arn }, ['resourceArn']),
  handle(ctx, input) {
    return { tags: [...requireTagged(ctx, input.resourceArn as string).tags] };
  },
});
