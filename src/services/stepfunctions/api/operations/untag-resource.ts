// UntagResource (https://docs.aws.amazon.com/step-functions/latest/apireference/API_UntagResource.html).
// Keys the resource does not carry are ignored (recorded: untagging unknown keys succeeds).
import type { UntagResourceInput, UntagResourceOutput } from '@aws-sdk/client-sfn';
import { defineOperation } from '../operation';
import * as S from '../shapes';
import { requireTagged } from '../tags';

export const untagResource = defineOperation<UntagResourceInput, UntagResourceOutput>({
  input: S.structure({ resourceArn: S.Arn, tagKeys: S.TagKeyList }, ['resourceArn', 'tagKeys']),
  handle(ctx, input) {
    const resource = requireTagged(ctx, input.resourceArn as string);
    const removed = new Set(input.tagKeys);
    resource.retag(resource.tags.filter((tag) => !removed.has(tag.key as string)));
    return {};
  },
});
