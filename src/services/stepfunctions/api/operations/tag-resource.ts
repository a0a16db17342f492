// TagResource (https://docs.aws.amazon.com/step-functions/latest/apireference/API_TagResource.html).
import type { TagResourceInput, TagResourceOutput } from '@aws-sdk/client-sfn';
import { defineOperation } from '../operation';
import * as S from '../shapes';
import { mergeTags, requireTagged } from '../tags';

export const tagResource = defineOperation<TagResourceInput, TagResourceOutput>({
  input: S.structure({ resourceArn: S.Arn, tags: S.TagList }, ['resourceArn', 'tags']),
  handle(ctx, input) {
    const arn = input.resourceArn as string;
    const resource = requireTagged(ctx, arn);
    resource.retag(mergeTags(arn, resource.tags, input.tags ?? []));
    return {};
  },
});
